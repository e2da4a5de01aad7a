package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;

/**
 * The WebAssembly instructions that change a value's type: wrap, extend, the trapping and the
 * saturating float-to-integer truncations, integer-to-float conversions, demote, promote and
 * reinterpret. Method names spell the mnemonic, so {@code i64.trunc_sat_f32_u} is {@link
 * #i64TruncSatF32U}.
 *
 * <p>Where a single JVM bytecode is exactly right the method is that bytecode ({@code l2i},
 * {@code i2l}, {@code i2f}, {@code l2f}, {@code l2d}, {@code f2i} for the signed saturating
 * truncations...) and exists so the compiler can treat every conversion alike; it inlines to the
 * bytecode. Note that {@code l2f} rounds once, correctly; converting through double first ({@code
 * l2d} then {@code d2f}) would round twice and is wrong.
 */
public final class ConvertOps {
    private ConvertOps() {}

    // ---- integer width changes -------------------------------------------------------------

    /** {@code i32.wrap_i64}: the low 32 bits. */
    public static int i32WrapI64(long a) {
        return (int) a;
    }

    /** {@code i64.extend_i32_s}: sign extension. */
    public static long i64ExtendI32S(int a) {
        return a;
    }

    /** {@code i64.extend_i32_u}: zero extension. */
    public static long i64ExtendI32U(int a) {
        return Integer.toUnsignedLong(a);
    }

    // ---- trapping truncation ----------------------------------------------------------------
    // Each accepts exactly the operands whose truncation fits the target type. The bounds are
    // written as the exclusive limits -2^(N-1)-1 and 2^(N-1) (or -1 and 2^N unsigned) where the
    // source type can represent them, and as the inclusive -2^(N-1) where it cannot. A NaN fails
    // every comparison and so falls through to the trap, which then tells NaN from overflow.

    /** {@code i32.trunc_f32_s}: truncates toward zero; traps unless {@code -2^31 <= a < 2^31}. */
    public static int i32TruncF32S(float a) {
        if (a >= -0x1p31f && a < 0x1p31f) {
            return (int) a;
        }
        throw truncTrap(a);
    }

    /** {@code i32.trunc_f32_u}: truncates toward zero; traps unless {@code -1 < a < 2^32}. */
    public static int i32TruncF32U(float a) {
        if (a > -1f && a < 0x1p32f) {
            return (int) (long) a;
        }
        throw truncTrap(a);
    }

    /** {@code i32.trunc_f64_s}: truncates toward zero; traps unless {@code -2^31-1 < a < 2^31}. */
    public static int i32TruncF64S(double a) {
        if (a > -2147483649.0 && a < 2147483648.0) {
            return (int) a;
        }
        throw truncTrap(a);
    }

    /** {@code i32.trunc_f64_u}: truncates toward zero; traps unless {@code -1 < a < 2^32}. */
    public static int i32TruncF64U(double a) {
        if (a > -1.0 && a < 4294967296.0) {
            return (int) (long) a;
        }
        throw truncTrap(a);
    }

    /** {@code i64.trunc_f32_s}: truncates toward zero; traps unless {@code -2^63 <= a < 2^63}. */
    public static long i64TruncF32S(float a) {
        if (a >= -0x1p63f && a < 0x1p63f) {
            return (long) a;
        }
        throw truncTrap(a);
    }

    /** {@code i64.trunc_f32_u}: truncates toward zero; traps unless {@code -1 < a < 2^64}. */
    public static long i64TruncF32U(float a) {
        if (a > -1f && a < 0x1p64f) {
            return truncToU64(a);
        }
        throw truncTrap(a);
    }

    /** {@code i64.trunc_f64_s}: truncates toward zero; traps unless {@code -2^63 <= a < 2^63}. */
    public static long i64TruncF64S(double a) {
        if (a >= -0x1p63 && a < 0x1p63) {
            return (long) a;
        }
        throw truncTrap(a);
    }

    /** {@code i64.trunc_f64_u}: truncates toward zero; traps unless {@code -1 < a < 2^64}. */
    public static long i64TruncF64U(double a) {
        if (a > -1.0 && a < 0x1p64) {
            return truncToU64(a);
        }
        throw truncTrap(a);
    }

    /**
     * Truncates {@code a} in {@code (-1, 2^64)} to the unsigned 64-bit integer it holds. At and
     * above 2^63 the JVM's {@code d2l} saturates, so subtract 2^63 first (exact there, as both
     * are in the same binade) and put the top bit back.
     */
    private static long truncToU64(double a) {
        if (a < 0x1p63) {
            return (long) a;
        }
        return (long) (a - 0x1p63) | Long.MIN_VALUE;
    }

    /** The trap for a failed truncation of {@code a}: NaN is invalid, anything else overflows. */
    private static Trap truncTrap(double a) {
        return new Trap(a != a ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
    }

    // ---- saturating truncation --------------------------------------------------------------
    // The JVM's f2i, f2l, d2i and d2l are exactly Wasm's signed saturating truncations: they round
    // toward zero, clamp to the target range and turn NaN into 0 (JLS 5.1.3).

    /** {@code i32.trunc_sat_f32_s}: truncates, clamping to the i32 range; NaN gives 0. */
    public static int i32TruncSatF32S(float a) {
        return (int) a;
    }

    /** {@code i32.trunc_sat_f32_u}: truncates, clamping to {@code [0, 2^32-1]}; NaN gives 0. */
    public static int i32TruncSatF32U(float a) {
        return i32TruncSatF64U(a);
    }

    /** {@code i32.trunc_sat_f64_s}: truncates, clamping to the i32 range; NaN gives 0. */
    public static int i32TruncSatF64S(double a) {
        return (int) a;
    }

    /** {@code i32.trunc_sat_f64_u}: truncates, clamping to {@code [0, 2^32-1]}; NaN gives 0. */
    public static int i32TruncSatF64U(double a) {
        // d2l already saturates (and maps NaN to 0); clamp that into the unsigned 32-bit range.
        return (int) Math.min(Math.max((long) a, 0L), 0xFFFF_FFFFL);
    }

    /** {@code i64.trunc_sat_f32_s}: truncates, clamping to the i64 range; NaN gives 0. */
    public static long i64TruncSatF32S(float a) {
        return (long) a;
    }

    /** {@code i64.trunc_sat_f32_u}: truncates, clamping to {@code [0, 2^64-1]}; NaN gives 0. */
    public static long i64TruncSatF32U(float a) {
        return i64TruncSatF64U(a);
    }

    /** {@code i64.trunc_sat_f64_s}: truncates, clamping to the i64 range; NaN gives 0. */
    public static long i64TruncSatF64S(double a) {
        return (long) a;
    }

    /** {@code i64.trunc_sat_f64_u}: truncates, clamping to {@code [0, 2^64-1]}; NaN gives 0. */
    public static long i64TruncSatF64U(double a) {
        if (a < 0x1p63) {
            return Math.max((long) a, 0L);
        }
        return truncSatToU64AtLeast2To63(a);
    }

    /** The rare half of {@link #i64TruncSatF64U}: {@code a >= 2^63}, infinity or NaN. */
    private static long truncSatToU64AtLeast2To63(double a) {
        if (a < 0x1p64) {
            return (long) (a - 0x1p63) | Long.MIN_VALUE;
        }
        return a == a ? -1L : 0L;
    }

    // ---- integer to float -------------------------------------------------------------------

    /** {@code f32.convert_i32_s}: rounds to nearest, ties to even ({@code i2f}). */
    public static float f32ConvertI32S(int a) {
        return a;
    }

    /** {@code f32.convert_i32_u}: rounds to nearest, ties to even, reading {@code a} unsigned. */
    public static float f32ConvertI32U(int a) {
        return Integer.toUnsignedLong(a);
    }

    /** {@code f32.convert_i64_s}: rounds to nearest, ties to even, once ({@code l2f}). */
    public static float f32ConvertI64S(long a) {
        return a;
    }

    /**
     * {@code f32.convert_i64_u}: rounds to nearest, ties to even, reading {@code a} unsigned. At
     * and above 2^63, halve it keeping the lost bit as a sticky bit (so a tie cannot appear out of
     * nothing), round once with {@code l2f} and double exactly.
     */
    public static float f32ConvertI64U(long a) {
        if (a >= 0) {
            return a;
        }
        return (float) (a >>> 1 | a & 1) * 2f;
    }

    /** {@code f64.convert_i32_s}: exact. */
    public static double f64ConvertI32S(int a) {
        return a;
    }

    /** {@code f64.convert_i32_u}: exact, reading {@code a} unsigned. */
    public static double f64ConvertI32U(int a) {
        return Integer.toUnsignedLong(a);
    }

    /** {@code f64.convert_i64_s}: rounds to nearest, ties to even ({@code l2d}). */
    public static double f64ConvertI64S(long a) {
        return a;
    }

    /**
     * {@code f64.convert_i64_u}: rounds to nearest, ties to even, reading {@code a} unsigned; the
     * same halving with a sticky bit as {@link #f32ConvertI64U}.
     */
    public static double f64ConvertI64U(long a) {
        if (a >= 0) {
            return a;
        }
        return (double) (a >>> 1 | a & 1) * 2.0;
    }

    // ---- float width changes ----------------------------------------------------------------

    /**
     * {@code f32.demote_f64}: rounds to nearest, ties to even ({@code d2f}). A NaN keeps its sign
     * and the top 22 bits of its payload, with the quiet bit set: the canonical NaN stays
     * canonical and any other NaN becomes arithmetic.
     */
    public static float f32DemoteF64(double a) {
        return a == a ? (float) a : demoteNaN(a);
    }

    private static float demoteNaN(double a) {
        long bits = Double.doubleToRawLongBits(a);
        int sign = (int) (bits >>> 32) & 0x8000_0000;
        int payload = (int) (bits >>> 29) & 0x003F_FFFF;
        return Float.intBitsToFloat(sign | 0x7FC0_0000 | payload);
    }

    /**
     * {@code f64.promote_f32}: exact ({@code f2d}). A NaN keeps its sign and payload (shifted to
     * the top of the wider payload), with the quiet bit set.
     */
    public static double f64PromoteF32(float a) {
        return a == a ? (double) a : promoteNaN(a);
    }

    private static double promoteNaN(float a) {
        int bits = Float.floatToRawIntBits(a);
        long sign = (long) (bits & 0x8000_0000) << 32;
        long payload = (long) (bits & 0x003F_FFFF) << 29;
        return Double.longBitsToDouble(sign | 0x7FF8_0000_0000_0000L | payload);
    }

    // ---- reinterpretation -------------------------------------------------------------------
    // The raw bit conversions: never Float.floatToIntBits, which collapses every NaN to one.

    /** {@code i32.reinterpret_f32}: the float's bits, NaN payload included. */
    public static int i32ReinterpretF32(float a) {
        return Float.floatToRawIntBits(a);
    }

    /** {@code i64.reinterpret_f64}: the double's bits, NaN payload included. */
    public static long i64ReinterpretF64(double a) {
        return Double.doubleToRawLongBits(a);
    }

    /** {@code f32.reinterpret_i32}: the float with these bits, signalling NaNs included. */
    public static float f32ReinterpretI32(int a) {
        return Float.intBitsToFloat(a);
    }

    /** {@code f64.reinterpret_i64}: the double with these bits, signalling NaNs included. */
    public static double f64ReinterpretI64(long a) {
        return Double.longBitsToDouble(a);
    }
}
