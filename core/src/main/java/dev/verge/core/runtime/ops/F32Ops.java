package dev.verge.core.runtime.ops;

/**
 * The {@code f32} instructions whose semantics differ from a single JVM bytecode. Values are Wasm
 * {@code f32} held in a Java {@code float}; comparisons return the Wasm boolean {@code 1} or
 * {@code 0}.
 *
 * <p>{@code add}, {@code sub}, {@code mul} and {@code div} are {@code fadd} and friends: IEEE 754
 * binary32 with round-to-nearest-even, and the hardware's NaN propagation (x86-64 and AArch64
 * both quiet an input NaN and produce the canonical NaN otherwise), which is what Wasm requires.
 *
 * <p>NaN rules (spec "NaN propagation"): {@code abs}, {@code neg} and {@code copysign} work on
 * the bits and never touch a payload. Every other operation that yields a NaN returns a canonical
 * NaN when all NaN inputs were canonical, and otherwise an arithmetic NaN (quiet bit set). The
 * helpers below get that by setting the quiet bit of the NaN input explicitly, because the JDK's
 * library methods (such as {@link Math#min(float, float)}) may return a signalling NaN unchanged.
 */
public final class F32Ops {
    private F32Ops() {}

    private static final int SIGN = 0x8000_0000;
    /** The most significant payload bit; set, it makes a NaN quiet (arithmetic). */
    private static final int QUIET = 0x0040_0000;

    /** {@code f32.eq}: 0 when either operand is NaN; {@code -0 == +0}. */
    public static int eq(float a, float b) {
        return a == b ? 1 : 0;
    }

    /** {@code f32.ne}: 1 when either operand is NaN. */
    public static int ne(float a, float b) {
        return a != b ? 1 : 0;
    }

    /** {@code f32.lt}: 0 when either operand is NaN. */
    public static int lt(float a, float b) {
        return a < b ? 1 : 0;
    }

    /** {@code f32.gt}: 0 when either operand is NaN. */
    public static int gt(float a, float b) {
        return a > b ? 1 : 0;
    }

    /** {@code f32.le}: 0 when either operand is NaN. */
    public static int le(float a, float b) {
        return a <= b ? 1 : 0;
    }

    /** {@code f32.ge}: 0 when either operand is NaN. */
    public static int ge(float a, float b) {
        return a >= b ? 1 : 0;
    }

    /** {@code f32.abs}: clears the sign bit; a NaN keeps its payload. */
    public static float abs(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) & ~SIGN);
    }

    /** {@code f32.neg}: flips the sign bit; a NaN keeps its payload. */
    public static float neg(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) ^ SIGN);
    }

    /** {@code f32.copysign}: {@code a}'s magnitude bits with {@code b}'s sign bit, NaNs included. */
    public static float copysign(float a, float b) {
        return Float.intBitsToFloat(
                Float.floatToRawIntBits(a) & ~SIGN | Float.floatToRawIntBits(b) & SIGN);
    }

    /** {@code f32.ceil}: rounds toward +infinity; {@code (-1, 0)} gives {@code -0}. */
    public static float ceil(float a) {
        return a == a ? (float) Math.ceil(a) : quiet(a);
    }

    /** {@code f32.floor}: rounds toward -infinity; {@code (0, 1)} gives {@code +0}. */
    public static float floor(float a) {
        return a == a ? (float) Math.floor(a) : quiet(a);
    }

    /** {@code f32.trunc}: rounds toward zero, keeping the sign of a zero result. */
    public static float trunc(float a) {
        return a == a ? (float) (a < 0 ? Math.ceil(a) : Math.floor(a)) : quiet(a);
    }

    /**
     * {@code f32.nearest}: rounds to the nearest integer, ties to even, keeping the sign of a zero
     * result ({@code -0.5} gives {@code -0}). Exact through double: every float is a double and
     * the rounded result is again a float.
     */
    public static float nearest(float a) {
        return a == a ? (float) Math.rint(a) : quiet(a);
    }

    /**
     * {@code f32.sqrt}: correctly rounded (the double square root has more than twice the bits a
     * float needs, so rounding it to float is exact rounding); {@code sqrt(-0) = -0}; a negative
     * operand gives the canonical NaN.
     */
    public static float sqrt(float a) {
        if (a >= 0) {
            return (float) Math.sqrt(a);
        }
        return sqrtOfNegativeOrNaN(a);
    }

    private static float sqrtOfNegativeOrNaN(float a) {
        return a == a ? Float.NaN : quiet(a);
    }

    /**
     * {@code f32.min}: the smaller operand, {@code -0} below {@code +0}; a NaN operand makes the
     * result NaN (that operand, quieted).
     */
    public static float min(float a, float b) {
        float r = Math.min(a, b);
        return r == r ? r : quietNaNOf(a, b);
    }

    /**
     * {@code f32.max}: the larger operand, {@code +0} above {@code -0}; a NaN operand makes the
     * result NaN (that operand, quieted).
     */
    public static float max(float a, float b) {
        float r = Math.max(a, b);
        return r == r ? r : quietNaNOf(a, b);
    }

    private static float quietNaNOf(float a, float b) {
        return quiet(a != a ? a : b);
    }

    /**
     * The NaN {@code a} with its quiet bit set. A canonical NaN stays canonical; any other NaN
     * becomes arithmetic, as the spec's NaN propagation asks.
     */
    static float quiet(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) | QUIET);
    }
}
