package dev.verge.core.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Signalling NaNs must reach and leave the helpers with their bits intact: held in a JVM {@code
 * float} or {@code double}, passed as arguments, returned. This holds on x86-64 and AArch64
 * HotSpot (SSE and NEON moves do not touch NaNs; only the x87 unit of 32-bit x86 quieted them).
 * The same checks run once cold and then in a loop long enough for the JIT to compile and
 * inline the helpers, since interpreter and compiled code move floats differently.
 */
class NaNPayloadTest {
    /** Signalling (quiet bit clear) and quiet NaNs of both signs, with low and high payloads. */
    private static final int[] F32_NANS = {0x7F80_0001, 0x7FA0_0000, 0xFF80_F1E2, 0x7FBF_FFFF, 0xFFC0_0001};
    private static final long[] F64_NANS = {
        0x7FF0_0000_0000_0001L, 0x7FF4_0000_0000_0000L, 0xFFF0_000F_1E27_A6B0L, 0x7FF7_FFFF_FFFF_FFFFL,
    };
    private static final int F32_QUIET = 0x0040_0000;
    private static final long F64_QUIET = 0x0008_0000_0000_0000L;

    @Test
    void payloadsSurviveWhenCold() {
        checkAllOnce();
    }

    @Test
    void payloadsSurviveOnceCompiled() {
        for (int i = 0; i < 200_000; i++) {
            checkAllOnce();
        }
    }

    private static void checkAllOnce() {
        for (int bits : F32_NANS) {
            checkF32(bits);
        }
        for (long bits : F64_NANS) {
            checkF64(bits);
        }
    }

    private static void checkF32(int bits) {
        float nan = ConvertOps.f32ReinterpretI32(bits);
        same(bits, ConvertOps.i32ReinterpretF32(nan));
        same(bits & 0x7FFF_FFFF, Float.floatToRawIntBits(F32Ops.abs(nan)));
        same(bits ^ 0x8000_0000, Float.floatToRawIntBits(F32Ops.neg(nan)));
        same(bits | 0x8000_0000, Float.floatToRawIntBits(F32Ops.copysign(nan, -1f)));
        same(bits & 0x7FFF_FFFF, Float.floatToRawIntBits(F32Ops.copysign(nan, 0f)));
        // Operations that produce NaN return this operand with the quiet bit set.
        int quieted = bits | F32_QUIET;
        same(quieted, Float.floatToRawIntBits(F32Ops.min(nan, 1f)));
        same(quieted, Float.floatToRawIntBits(F32Ops.max(-1f, nan)));
        same(quieted, Float.floatToRawIntBits(F32Ops.ceil(nan)));
        same(quieted, Float.floatToRawIntBits(F32Ops.floor(nan)));
        same(quieted, Float.floatToRawIntBits(F32Ops.trunc(nan)));
        same(quieted, Float.floatToRawIntBits(F32Ops.nearest(nan)));
        same(quieted, Float.floatToRawIntBits(F32Ops.sqrt(nan)));
        long promoted = Double.doubleToRawLongBits(ConvertOps.f64PromoteF32(nan));
        same((long) (bits & 0x8000_0000) << 32 | 0x7FF8_0000_0000_0000L | (long) (bits & 0x003F_FFFF) << 29, promoted);
    }

    private static void checkF64(long bits) {
        double nan = ConvertOps.f64ReinterpretI64(bits);
        same(bits, ConvertOps.i64ReinterpretF64(nan));
        same(bits & Long.MAX_VALUE, Double.doubleToRawLongBits(F64Ops.abs(nan)));
        same(bits ^ Long.MIN_VALUE, Double.doubleToRawLongBits(F64Ops.neg(nan)));
        same(bits | Long.MIN_VALUE, Double.doubleToRawLongBits(F64Ops.copysign(nan, -1.0)));
        long quieted = bits | F64_QUIET;
        same(quieted, Double.doubleToRawLongBits(F64Ops.min(1.0, nan)));
        same(quieted, Double.doubleToRawLongBits(F64Ops.max(nan, -1.0)));
        same(quieted, Double.doubleToRawLongBits(F64Ops.ceil(nan)));
        same(quieted, Double.doubleToRawLongBits(F64Ops.floor(nan)));
        same(quieted, Double.doubleToRawLongBits(F64Ops.trunc(nan)));
        same(quieted, Double.doubleToRawLongBits(F64Ops.nearest(nan)));
        same(quieted, Double.doubleToRawLongBits(F64Ops.sqrt(nan)));
        int demoted = Float.floatToRawIntBits(ConvertOps.f32DemoteF64(nan));
        same((int) (bits >>> 32) & 0x8000_0000 | 0x7FC0_0000 | (int) (bits >>> 29) & 0x003F_FFFF, demoted);
    }

    private static void same(int expected, int actual) {
        if (expected != actual) {
            assertEquals(Integer.toHexString(expected), Integer.toHexString(actual));
        }
    }

    private static void same(long expected, long actual) {
        if (expected != actual) {
            assertEquals(Long.toHexString(expected), Long.toHexString(actual));
        }
    }
}
