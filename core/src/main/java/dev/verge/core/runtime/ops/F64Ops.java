package dev.verge.core.runtime.ops;

/**
 * The {@code f64} instructions whose semantics differ from a single JVM bytecode. Values are Wasm
 * {@code f64} held in a Java {@code double}; comparisons return the Wasm {@code i32} boolean
 * {@code 1} or {@code 0}.
 *
 * <p>{@code add}, {@code sub}, {@code mul} and {@code div} are {@code dadd} and friends: IEEE 754
 * binary64 with round-to-nearest-even, and the hardware's NaN propagation, which is what Wasm
 * requires. The NaN rules for the rest are those described on {@link F32Ops}.
 */
public final class F64Ops {
    private F64Ops() {}

    private static final long SIGN = 0x8000_0000_0000_0000L;
    /** The most significant payload bit; set, it makes a NaN quiet (arithmetic). */
    private static final long QUIET = 0x0008_0000_0000_0000L;

    /** {@code f64.eq}: 0 when either operand is NaN; {@code -0 == +0}. */
    public static int eq(double a, double b) {
        return a == b ? 1 : 0;
    }

    /** {@code f64.ne}: 1 when either operand is NaN. */
    public static int ne(double a, double b) {
        return a != b ? 1 : 0;
    }

    /** {@code f64.lt}: 0 when either operand is NaN. */
    public static int lt(double a, double b) {
        return a < b ? 1 : 0;
    }

    /** {@code f64.gt}: 0 when either operand is NaN. */
    public static int gt(double a, double b) {
        return a > b ? 1 : 0;
    }

    /** {@code f64.le}: 0 when either operand is NaN. */
    public static int le(double a, double b) {
        return a <= b ? 1 : 0;
    }

    /** {@code f64.ge}: 0 when either operand is NaN. */
    public static int ge(double a, double b) {
        return a >= b ? 1 : 0;
    }

    /** {@code f64.abs}: clears the sign bit; a NaN keeps its payload. */
    public static double abs(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & ~SIGN);
    }

    /** {@code f64.neg}: flips the sign bit; a NaN keeps its payload. */
    public static double neg(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) ^ SIGN);
    }

    /** {@code f64.copysign}: {@code a}'s magnitude bits with {@code b}'s sign bit, NaNs included. */
    public static double copysign(double a, double b) {
        return Double.longBitsToDouble(
                Double.doubleToRawLongBits(a) & ~SIGN | Double.doubleToRawLongBits(b) & SIGN);
    }

    /** {@code f64.ceil}: rounds toward +infinity; {@code (-1, 0)} gives {@code -0}. */
    public static double ceil(double a) {
        return a == a ? Math.ceil(a) : quiet(a);
    }

    /** {@code f64.floor}: rounds toward -infinity; {@code (0, 1)} gives {@code +0}. */
    public static double floor(double a) {
        return a == a ? Math.floor(a) : quiet(a);
    }

    /** {@code f64.trunc}: rounds toward zero, keeping the sign of a zero result. */
    public static double trunc(double a) {
        return a == a ? (a < 0 ? Math.ceil(a) : Math.floor(a)) : quiet(a);
    }

    /**
     * {@code f64.nearest}: rounds to the nearest integer, ties to even, keeping the sign of a zero
     * result ({@code -0.5} gives {@code -0}).
     */
    public static double nearest(double a) {
        return a == a ? Math.rint(a) : quiet(a);
    }

    /**
     * {@code f64.sqrt}: correctly rounded; {@code sqrt(-0) = -0}; a negative operand gives the
     * canonical NaN.
     */
    public static double sqrt(double a) {
        if (a >= 0) {
            return Math.sqrt(a);
        }
        return sqrtOfNegativeOrNaN(a);
    }

    private static double sqrtOfNegativeOrNaN(double a) {
        return a == a ? Double.NaN : quiet(a);
    }

    /**
     * {@code f64.min}: the smaller operand, {@code -0} below {@code +0}; a NaN operand makes the
     * result NaN (that operand, quieted).
     */
    public static double min(double a, double b) {
        double r = Math.min(a, b);
        return r == r ? r : quietNaNOf(a, b);
    }

    /**
     * {@code f64.max}: the larger operand, {@code +0} above {@code -0}; a NaN operand makes the
     * result NaN (that operand, quieted).
     */
    public static double max(double a, double b) {
        double r = Math.max(a, b);
        return r == r ? r : quietNaNOf(a, b);
    }

    private static double quietNaNOf(double a, double b) {
        return quiet(a != a ? a : b);
    }

    /**
     * The NaN {@code a} with its quiet bit set. A canonical NaN stays canonical; any other NaN
     * becomes arithmetic, as the spec's NaN propagation asks.
     */
    static double quiet(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) | QUIET);
    }
}
