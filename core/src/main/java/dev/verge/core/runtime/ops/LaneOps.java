package dev.verge.core.runtime.ops;

/**
 * The per-lane semantics of the SIMD instructions that have no scalar counterpart, for whatever
 * {@code v128} representation the compiler uses. (Lane operations that do have one reuse it:
 * {@code f32x4.min} is {@link F32Ops#min} on each lane, {@code i32x4.trunc_sat_f32x4_u} is
 * {@link ConvertOps#i32TruncSatF32U}, and so on.)
 *
 * <p>Integer lanes are passed in an {@code int}: only the lane's low 8 or 16 bits are read, so
 * callers need not sign- or zero-extend first. Signed results come back as the signed lane value,
 * unsigned ones as the unsigned value ({@code 0..255} or {@code 0..65535}).
 */
public final class LaneOps {
    private LaneOps() {}

    /** {@code i8x16.add_sat_s}: signed sum clamped to {@code [-128, 127]}. */
    public static int i8AddSatS(int a, int b) {
        return Math.clamp((byte) a + (byte) b, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /** {@code i8x16.add_sat_u}: unsigned sum clamped to {@code [0, 255]}. */
    public static int i8AddSatU(int a, int b) {
        return Math.min((a & 0xFF) + (b & 0xFF), 0xFF);
    }

    /** {@code i8x16.sub_sat_s}: signed difference clamped to {@code [-128, 127]}. */
    public static int i8SubSatS(int a, int b) {
        return Math.clamp((byte) a - (byte) b, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /** {@code i8x16.sub_sat_u}: unsigned difference clamped to {@code [0, 255]}. */
    public static int i8SubSatU(int a, int b) {
        return Math.max((a & 0xFF) - (b & 0xFF), 0);
    }

    /** {@code i16x8.add_sat_s}: signed sum clamped to {@code [-32768, 32767]}. */
    public static int i16AddSatS(int a, int b) {
        return Math.clamp((short) a + (short) b, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** {@code i16x8.add_sat_u}: unsigned sum clamped to {@code [0, 65535]}. */
    public static int i16AddSatU(int a, int b) {
        return Math.min((a & 0xFFFF) + (b & 0xFFFF), 0xFFFF);
    }

    /** {@code i16x8.sub_sat_s}: signed difference clamped to {@code [-32768, 32767]}. */
    public static int i16SubSatS(int a, int b) {
        return Math.clamp((short) a - (short) b, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** {@code i16x8.sub_sat_u}: unsigned difference clamped to {@code [0, 65535]}. */
    public static int i16SubSatU(int a, int b) {
        return Math.max((a & 0xFFFF) - (b & 0xFFFF), 0);
    }

    /** {@code i8x16.avgr_u}: unsigned average rounding up, {@code (a + b + 1) / 2}. */
    public static int i8AvgrU(int a, int b) {
        return ((a & 0xFF) + (b & 0xFF) + 1) >>> 1;
    }

    /** {@code i16x8.avgr_u}: unsigned average rounding up, {@code (a + b + 1) / 2}. */
    public static int i16AvgrU(int a, int b) {
        return ((a & 0xFFFF) + (b & 0xFFFF) + 1) >>> 1;
    }

    /**
     * {@code i16x8.q15mulr_sat_s}: Q15 fixed-point product rounded to nearest (ties up), {@code
     * (a * b + 2^14) >> 15}, clamped; only {@code -32768 * -32768} saturates.
     */
    public static int i16Q15MulrSatS(int a, int b) {
        return Math.min(((short) a * (short) b + 0x4000) >> 15, Short.MAX_VALUE);
    }

    /** {@code i8x16.narrow_i16x8_s}: the signed 16-bit lane clamped to {@code [-128, 127]}. */
    public static int i8NarrowI16S(int a) {
        return Math.clamp((short) a, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /** {@code i8x16.narrow_i16x8_u}: the signed 16-bit lane clamped to {@code [0, 255]}. */
    public static int i8NarrowI16U(int a) {
        return Math.clamp((short) a, 0, 0xFF);
    }

    /** {@code i16x8.narrow_i32x4_s}: the signed 32-bit lane clamped to {@code [-32768, 32767]}. */
    public static int i16NarrowI32S(int a) {
        return Math.clamp(a, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** {@code i16x8.narrow_i32x4_u}: the signed 32-bit lane clamped to {@code [0, 65535]}. */
    public static int i16NarrowI32U(int a) {
        return Math.clamp(a, 0, 0xFFFF);
    }

    /** {@code i8x16.popcnt}: the number of one bits in the 8-bit lane. */
    public static int i8Popcnt(int a) {
        return Integer.bitCount(a & 0xFF);
    }

    /**
     * {@code f32x4.pmin}: {@code b < a ? b : a}, the C {@code fmin} idiom. Unlike {@code min} it
     * returns an operand as it is: a NaN {@code a} (or a NaN {@code b}) yields {@code a} with its
     * payload untouched, and {@code pmin(+0, -0) = +0}.
     */
    public static float f32Pmin(float a, float b) {
        return b < a ? b : a;
    }

    /** {@code f32x4.pmax}: {@code a < b ? b : a}; NaN operands yield {@code a} unchanged. */
    public static float f32Pmax(float a, float b) {
        return a < b ? b : a;
    }

    /** {@code f64x2.pmin}: {@code b < a ? b : a}; NaN operands yield {@code a} unchanged. */
    public static double f64Pmin(double a, double b) {
        return b < a ? b : a;
    }

    /** {@code f64x2.pmax}: {@code a < b ? b : a}; NaN operands yield {@code a} unchanged. */
    public static double f64Pmax(double a, double b) {
        return a < b ? b : a;
    }
}
