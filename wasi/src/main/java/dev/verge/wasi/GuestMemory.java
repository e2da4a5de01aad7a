package dev.verge.wasi;

import dev.verge.core.runtime.Memory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reading WASI arguments out of guest memory: strings and I/O vectors. Addresses are unsigned
 * 32-bit values; every access goes through the memory's bounds checks, and an out-of-bounds one
 * becomes {@code EFAULT} at the host function's edge.
 */
final class GuestMemory {
    /** The most I/O vectors one call may pass, as Linux's IOV_MAX. */
    static final int MAX_IOVS = 1024;

    private GuestMemory() {}

    static long u32(int value) {
        return Integer.toUnsignedLong(value);
    }

    /** The UTF-8 string at {@code ptr}; {@code EILSEQ} when it is not UTF-8. */
    static String string(Memory mem, int ptr, int len) throws WasiError {
        if (len < 0 || len > PathResolver.MAX_PATH) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        byte[] bytes = mem.readBytes(u32(ptr), len);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
    }

    /**
     * The I/O vectors at {@code iovs}: pairs of address and length, as longs, their total length
     * capped at {@code max} (the last vectors are shortened or dropped: a short read or write).
     */
    static long[] iovecs(Memory mem, int iovs, int count, int max) throws WasiError {
        if (count < 0 || count > MAX_IOVS) {
            throw new WasiError(Errno.INVAL);
        }
        long[] out = new long[count * 2];
        long total = 0;
        for (int i = 0; i < count; i++) {
            long base = u32(iovs) + 8L * i;
            long buf = u32(mem.readI32(base));
            long len = u32(mem.readI32(base + 4));
            len = Math.min(len, max - total);
            out[2 * i] = buf;
            out[2 * i + 1] = len;
            total += len;
        }
        return out;
    }

    static int total(long[] iovecs) {
        long t = 0;
        for (int i = 1; i < iovecs.length; i += 2) {
            t += iovecs[i];
        }
        return (int) t;
    }

    /** Spreads the first {@code n} bytes of {@code data} over the vectors. */
    static void scatter(Memory mem, long[] iovecs, byte[] data, int n) {
        int at = 0;
        for (int i = 0; i < iovecs.length && at < n; i += 2) {
            int len = (int) Math.min(iovecs[i + 1], n - at);
            mem.writeBytes(iovecs[i], data, at, len);
            at += len;
        }
    }
}
