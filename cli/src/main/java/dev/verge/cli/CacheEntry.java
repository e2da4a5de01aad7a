package dev.verge.cli;

import dev.verge.core.runtime.Engine;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * One file of the compilation cache ({@link ModuleCache}): its name, and its content, which is the
 * module's own bytes followed by the serialized compiled module:
 *
 * <pre>
 * magic    8 bytes  "\0vergece"
 * length   u32      of the module's bytes
 * module   bytes    exactly as given to verge run (binary; text compiled to binary)
 * artifact bytes    CompiledModule.serialize(): its own header, build id, options and checksum
 * </pre>
 *
 * <p>The name only finds the file: it is made of checksums (CRC-32 and Adler-32 of the module, its
 * length, and the {@link String#hashCode} of the engine's compatibility key), and a hit is decided
 * by comparing the stored module with the module being run, byte for byte; an entry of another
 * engine under the same name is refused by its own header ({@link Engine#deserialize}). So two
 * modules or engines whose names collide never get each other's code (one of them misses and is
 * stored again), and the key needs no cryptographic digest: looking up SHA-256 goes through the
 * JDK's security providers, which cost about 0.04 CPU-s to set up in a fresh JVM, more than the
 * rest of a cache hit together. Nor CRC-32C: its class builds its tables in Java at first use,
 * about 1.6 ms of CPU in a fresh JVM, where CRC-32 and Adler-32 are native code from the start.
 */
final class CacheEntry {
    static final String SUFFIX = ".cwasm";
    private static final byte[] MAGIC = {0, 'v', 'e', 'r', 'g', 'e', 'c', 'e'};
    private static final int HEADER = MAGIC.length + 4;

    private CacheEntry() {}

    /** The file name of {@code module}'s entry for an engine whose compatibility key is {@code key}. */
    static String name(byte[] module, String key) {
        CRC32 c = new CRC32();
        c.update(module, 0, module.length);
        Adler32 a = new Adler32();
        a.update(module, 0, module.length);
        StringBuilder b = new StringBuilder(40);
        hex(b, (int) c.getValue());
        hex(b, (int) a.getValue());
        hex(b, module.length);
        hex(b, key.hashCode());
        return b.append(SUFFIX).toString();
    }

    /** Appends {@code v} as eight lowercase hex digits (by hand: {@link java.util.HexFormat} is one more class to set up per run). */
    private static void hex(StringBuilder b, int v) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            b.append(Character.forDigit((v >>> shift) & 0xF, 16));
        }
    }

    /** The content of an entry: {@code module}'s bytes, then {@code artifact}. */
    static byte[] encode(byte[] module, byte[] artifact) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + module.length + artifact.length);
        b.put(MAGIC).putInt(module.length).put(module).put(artifact);
        return b.array();
    }

    /** The artifact stored in {@code entry} if it was stored for exactly {@code module}, else null. */
    static byte[] artifactFor(byte[] entry, byte[] module) {
        if (entry.length < HEADER || !Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        int length = ByteBuffer.wrap(entry).getInt(MAGIC.length);
        if (length != module.length || entry.length - HEADER < length) {
            return null;
        }
        if (!Arrays.equals(entry, HEADER, HEADER + length, module, 0, length)) {
            return null;
        }
        return Arrays.copyOfRange(entry, HEADER + length, entry.length);
    }
}
