package dev.verge.core.runtime;

/**
 * A WebAssembly {@code v128} value: 128 bits held as two longs, {@code lo} for bytes 0-7 and
 * {@code hi} for bytes 8-15, each little-endian, so lane {@code i} of an {@code i8x16} is byte
 * {@code i % 8} of {@code lo} or {@code hi}. This is the layout of memory and of {@code
 * v128.const}, so loads, stores and constants need no shuffling.
 *
 * <p>Immutable; compiled code passes it as a reference and the SIMD helpers build new ones (which
 * HotSpot's escape analysis removes when the helpers are inlined).
 */
public record V128(long lo, long hi) {
    /** The all-zero vector. */
    public static final V128 ZERO = new V128(0, 0);

    /** The vector with these halves (a factory compiled code can call with {@code invokestatic}). */
    public static V128 of(long lo, long hi) {
        return new V128(lo, hi);
    }

    /** The 16 bytes in memory order. */
    public byte[] toBytes() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (lo >>> (8 * i));
            b[i + 8] = (byte) (hi >>> (8 * i));
        }
        return b;
    }

    /** The vector whose bytes in memory order are {@code b[off..off+16)}. */
    public static V128 fromBytes(byte[] b, int off) {
        long lo = 0;
        long hi = 0;
        for (int i = 7; i >= 0; i--) {
            lo = lo << 8 | (b[off + i] & 0xFF);
            hi = hi << 8 | (b[off + 8 + i] & 0xFF);
        }
        return new V128(lo, hi);
    }

    /** As the text format writes it: {@code i32x4 0x... 0x... 0x... 0x...}. */
    @Override
    public String toString() {
        return String.format("i32x4 0x%08x 0x%08x 0x%08x 0x%08x", (int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32));
    }
}
