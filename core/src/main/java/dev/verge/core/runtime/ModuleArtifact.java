package dev.verge.core.runtime;

import dev.verge.core.compile.ModuleCompiler;
import dev.verge.core.runtime.SerializedModuleException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The serialized form of a {@link CompiledModule} ({@code .cwasm}), all numbers big-endian:
 *
 * <pre>
 * magic          8 bytes  "\0vergecm"
 * format version u16      {@link #FORMAT_VERSION}
 * total length   u32      bytes in the whole artifact, checksum included
 * build id       UTF      {@link BuildId#value()}: Verge build and Java runtime
 * options        UTF      the options that change generated code, canonical ({@link #codegenOptions})
 * wasm           u32 + bytes  the module's binary encoding (decoded again, not validated, on load)
 * classes        u32      how many hidden classes, then for each:
 *   first        u32      the first function (function index space) the class holds
 *   class        u32 + bytes  its class file
 * checksum       u32      CRC32 of every byte before it
 * </pre>
 *
 * <p>Reading checks, in order: magic, format version, length, checksum, build, configuration;
 * so a damaged artifact is reported as damaged, not as a mismatch of whatever field was hit.
 */
final class ModuleArtifact {
    static final byte[] MAGIC = {0, 'v', 'e', 'r', 'g', 'e', 'c', 'm'};
    /** 2: several classes per module (version 1 held one class file). */
    static final int FORMAT_VERSION = 2;
    /** Magic, version and length: what is read before the checksum can be checked. */
    private static final int PREFIX = MAGIC.length + 2 + 4;

    /**
     * The options of {@link EngineConfig} that are enforced when a module is instantiated, not
     * when it is compiled, so they may differ between the engine that serialized a module and the
     * one that loads it ({@code pagedMemory}: the memory's representation is chosen by the
     * runtime, not the compiled code). Every other option is in {@link #codegenOptions}; a test
     * fails when an option is in neither.
     */
    static final Set<String> RUNTIME_ONLY = Set.of("maxMemoryPages", "maxTableSize", "pagedMemory");

    private ModuleArtifact() {}

    /** The parts an artifact carries. */
    record Parts(byte[] wasm, List<ModuleCompiler.GeneratedClass> classes) {}

    static byte[] write(EngineConfig config, byte[] wasm, List<ModuleCompiler.GeneratedClass> classes) {
        return write(BuildId.value(), config, wasm, classes);
    }

    /** {@link #write} as if by build {@code buildId}: tests make foreign artifacts with it. */
    static byte[] write(String buildId, EngineConfig config, byte[] wasm, List<ModuleCompiler.GeneratedClass> classes) {
        int size = wasm.length + 256;
        for (ModuleCompiler.GeneratedClass c : classes) {
            size += c.bytes().length + 8;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            out.writeInt(0); // total length, patched below
            out.writeUTF(buildId);
            out.writeUTF(codegenOptions(config));
            out.writeInt(wasm.length);
            out.write(wasm);
            out.writeInt(classes.size());
            for (ModuleCompiler.GeneratedClass c : classes) {
                out.writeInt(c.firstFunction());
                out.writeInt(c.bytes().length);
                out.write(c.bytes());
            }
            out.writeInt(0); // checksum, patched below
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
        bytes.putInt(MAGIC.length + 2, bytes.capacity());
        bytes.putInt(bytes.capacity() - 4, crc(bytes.array(), bytes.capacity() - 4));
        return bytes.array();
    }

    static Parts read(EngineConfig config, byte[] bytes) {
        if (!hasMagic(bytes)) {
            throw new SerializedModuleException(Reason.NOT_SERIALIZED, "not a Verge compiled module (no \\0vergecm header)");
        }
        if (bytes.length < PREFIX + 4) {
            throw new SerializedModuleException(Reason.TRUNCATED, "truncated: " + bytes.length + " bytes");
        }
        int version = new Cursor(bytes, MAGIC.length, PREFIX).u16();
        if (version != FORMAT_VERSION) {
            throw new SerializedModuleException(Reason.FORMAT_VERSION,
                    "format version " + version + ", this Verge reads version " + FORMAT_VERSION + ": compile the module again");
        }
        long length = Integer.toUnsignedLong(new Cursor(bytes, MAGIC.length + 2, PREFIX).u32());
        if (bytes.length < length) {
            throw new SerializedModuleException(Reason.TRUNCATED, "truncated: " + bytes.length + " of " + length + " bytes");
        }
        if (bytes.length > length) {
            throw new SerializedModuleException(Reason.CORRUPT, "corrupt: " + (bytes.length - length) + " bytes after the end");
        }
        if (crc(bytes, bytes.length - 4) != new Cursor(bytes, bytes.length - 4, bytes.length).u32()) {
            throw new SerializedModuleException(Reason.CORRUPT, "corrupt: checksum mismatch");
        }
        Cursor in = new Cursor(bytes, PREFIX, bytes.length - 4);
        String build = in.utf();
        if (!build.equals(BuildId.value())) {
            throw new SerializedModuleException(Reason.OTHER_BUILD,
                    "compiled by Verge build " + build + ", this is " + BuildId.value() + ": compile the module again");
        }
        String options = in.utf();
        if (!options.equals(codegenOptions(config))) {
            throw new SerializedModuleException(Reason.OTHER_CONFIG,
                    "compiled with engine options {" + options + "}, this engine has {" + codegenOptions(config) + "}");
        }
        byte[] wasm = in.chunk();
        int count = in.u32();
        // Each class takes at least its two numbers: a count past that is damage, not a reason to allocate.
        if (count <= 0 || count > in.remaining() / 8) {
            throw new SerializedModuleException(Reason.CORRUPT, "corrupt: " + Integer.toUnsignedString(count) + " classes");
        }
        ModuleCompiler.GeneratedClass[] classes = new ModuleCompiler.GeneratedClass[count];
        for (int i = 0; i < count; i++) {
            int first = in.u32();
            classes[i] = new ModuleCompiler.GeneratedClass(first, in.chunk());
        }
        if (in.remaining() != 0) {
            throw new SerializedModuleException(Reason.CORRUPT, "corrupt: unexpected content after the code");
        }
        return new Parts(wasm, List.of(classes));
    }

    /**
     * Reads the fields between the length and the checksum, big-endian as {@link DataOutputStream}
     * wrote them. Not a {@link java.io.DataInputStream}: its number reading goes through the
     * JDK's byte-array view handles, whose set-up costs a fresh JVM about 0.5 ms of CPU, more
     * than the reading; this runs at every cached {@code verge run}.
     */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int pos;

        Cursor(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.pos = from;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) {
            if (n > end - pos) {
                throw new SerializedModuleException(Reason.CORRUPT, "corrupt: a part's length exceeds the artifact");
            }
        }

        int u16() {
            need(2);
            int v = (bytes[pos] & 0xFF) << 8 | bytes[pos + 1] & 0xFF;
            pos += 2;
            return v;
        }

        int u32() {
            need(4);
            int v = bytes[pos] << 24 | (bytes[pos + 1] & 0xFF) << 16 | (bytes[pos + 2] & 0xFF) << 8 | bytes[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }

        /** A u32 length, then that many bytes, copied. */
        byte[] chunk() {
            int n = u32();
            if (n < 0) {
                throw new SerializedModuleException(Reason.CORRUPT, "corrupt: a part's length exceeds the artifact");
            }
            need(n);
            byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
            pos += n;
            return out;
        }

        /**
         * A string as {@link DataOutputStream#writeUTF} wrote it: a u16 length, then modified
         * UTF-8. ASCII, what build ids and options are, is read here; anything else through
         * {@link java.io.DataInputStream#readUTF}, which knows the encoding.
         */
        String utf() {
            int at = pos;
            int n = u16();
            need(n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                byte b = bytes[pos + i];
                if (b <= 0) {
                    return utfSlow(at, n);
                }
                chars[i] = (char) b;
            }
            pos += n;
            return new String(chars);
        }

        private String utfSlow(int at, int n) {
            try {
                String s = new java.io.DataInputStream(new ByteArrayInputStream(bytes, at, 2 + n)).readUTF();
                pos = at + 2 + n;
                return s;
            } catch (IOException e) {
                throw new SerializedModuleException(Reason.CORRUPT, "corrupt: " + e.getMessage(), e);
            }
        }
    }

    static boolean hasMagic(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /**
     * The options that change generated code, as {@code name=value} pairs: the artifact stores
     * them as they are (a canonical string compares exactly, where a digest would only be likely
     * to), and they make the error message when they differ. Written out rather than found by
     * reflection, and with a StringBuilder rather than {@code +}: both cost milliseconds to
     * bootstrap in the cold JVM that loads a serialized module.
     */
    static String codegenOptions(EngineConfig config) {
        return new StringBuilder("fuel=").append(config.fuel()).append(", interruptible=").append(config.interruptible()).toString();
    }
}
