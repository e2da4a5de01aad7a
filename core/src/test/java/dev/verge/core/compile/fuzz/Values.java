package dev.verge.core.compile.fuzz;

import java.util.Random;

/**
 * Random values biased towards the edges where compilers go wrong: zero, one, minus one, the
 * extremes, powers of two near the shift and conversion limits, NaNs (quiet and signalling),
 * infinities and negative zero.
 */
final class Values {
    private static final int[] I32 = {0, 1, -1, 2, 7, 8, 31, 32, 33, 63, 64, 255, 256, 65535, 65536,
        Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 0x7FFF_FFFE};
    private static final long[] I64 = {0, 1, -1, 2, 31, 32, 63, 64, 65, 0xFFFF_FFFFL, 0x1_0000_0000L,
        Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final int[] F32 = {0, 0x8000_0000, Float.floatToRawIntBits(1f), Float.floatToRawIntBits(-1f),
        0x7FC0_0000, 0xFFC0_0000, 0x7FA0_0000, 0x7F80_0000, 0xFF80_0000, 1, 0x7F7F_FFFF,
        Float.floatToRawIntBits(2147483648f), Float.floatToRawIntBits(-2147483904f),
        Float.floatToRawIntBits(4294967296f), Float.floatToRawIntBits(9.223372e18f), Float.floatToRawIntBits(0.5f),
        Float.floatToRawIntBits(-0.5f), Float.floatToRawIntBits(2.5f)};
    private static final long[] F64 = {0, 0x8000_0000_0000_0000L, Double.doubleToRawLongBits(1),
        Double.doubleToRawLongBits(-1), 0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF4_0000_0000_0000L,
        0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L, 1, 0x7FEF_FFFF_FFFF_FFFFL,
        Double.doubleToRawLongBits(2147483648.0), Double.doubleToRawLongBits(-2147483649.0),
        Double.doubleToRawLongBits(4294967296.0), Double.doubleToRawLongBits(9.223372036854775807e18),
        Double.doubleToRawLongBits(-0.5), Double.doubleToRawLongBits(2.5)};

    private Values() {}

    static int i32(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt();
            case 1 -> r.nextInt(100) - 20;
            default -> I32[r.nextInt(I32.length)];
        };
    }

    static long i64(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextLong();
            case 1 -> r.nextInt(100) - 20;
            default -> I64[r.nextInt(I64.length)];
        };
    }

    static int f32Bits(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt();
            case 1 -> Float.floatToRawIntBits((r.nextInt(2000) - 1000) / 8f);
            default -> F32[r.nextInt(F32.length)];
        };
    }

    static long f64Bits(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextLong();
            case 1 -> Double.doubleToRawLongBits((r.nextInt(2000) - 1000) / 8.0);
            default -> F64[r.nextInt(F64.length)];
        };
    }
}
