package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;

/**
 * The {@code i64} instructions whose semantics differ from a single JVM bytecode. Arguments and
 * results are Wasm {@code i64} values held in a Java {@code long}; comparisons return the Wasm
 * {@code i32} boolean {@code 1} or {@code 0}.
 *
 * <p>Shifts and rotates take their count as a {@code long}, as Wasm does, so that the compiler
 * need not insert {@code l2i}; the JVM's {@code lshl} family already uses the count modulo 64.
 * {@code add}, {@code sub}, {@code mul}, {@code and}, {@code or}, {@code xor} are {@code ladd}
 * and friends.
 */
public final class I64Ops {
    private I64Ops() {}

    /** {@code i64.eqz}: 1 if {@code a} is zero. */
    public static int eqz(long a) {
        return a == 0 ? 1 : 0;
    }

    /** {@code i64.eq}. */
    public static int eq(long a, long b) {
        return a == b ? 1 : 0;
    }

    /** {@code i64.ne}. */
    public static int ne(long a, long b) {
        return a != b ? 1 : 0;
    }

    /** {@code i64.lt_s}. */
    public static int ltS(long a, long b) {
        return a < b ? 1 : 0;
    }

    /** {@code i64.lt_u}: compares as unsigned (flipping the sign bits turns it into signed). */
    public static int ltU(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE ? 1 : 0;
    }

    /** {@code i64.gt_s}. */
    public static int gtS(long a, long b) {
        return a > b ? 1 : 0;
    }

    /** {@code i64.gt_u}. */
    public static int gtU(long a, long b) {
        return a + Long.MIN_VALUE > b + Long.MIN_VALUE ? 1 : 0;
    }

    /** {@code i64.le_s}. */
    public static int leS(long a, long b) {
        return a <= b ? 1 : 0;
    }

    /** {@code i64.le_u}. */
    public static int leU(long a, long b) {
        return a + Long.MIN_VALUE <= b + Long.MIN_VALUE ? 1 : 0;
    }

    /** {@code i64.ge_s}. */
    public static int geS(long a, long b) {
        return a >= b ? 1 : 0;
    }

    /** {@code i64.ge_u}. */
    public static int geU(long a, long b) {
        return a + Long.MIN_VALUE >= b + Long.MIN_VALUE ? 1 : 0;
    }

    /** {@code i64.clz}: leading zero bits, 64 for zero, as an {@code i64}. */
    public static long clz(long a) {
        return Long.numberOfLeadingZeros(a);
    }

    /** {@code i64.ctz}: trailing zero bits, 64 for zero, as an {@code i64}. */
    public static long ctz(long a) {
        return Long.numberOfTrailingZeros(a);
    }

    /** {@code i64.popcnt}: number of one bits, as an {@code i64}. */
    public static long popcnt(long a) {
        return Long.bitCount(a);
    }

    /**
     * {@code i64.div_s}: signed division rounding toward zero; traps on a zero divisor and on
     * {@code LONG_MIN / -1}, whose quotient does not fit.
     */
    public static long divS(long a, long b) {
        if (b == 0 || b == -1) {
            return divSBy0OrMinus1(a, b);
        }
        return a / b;
    }

    private static long divSBy0OrMinus1(long a, long b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
        return -a;
    }

    /** {@code i64.div_u}: unsigned division; traps on a zero divisor. */
    public static long divU(long a, long b) {
        if (b == 0) {
            throw I32Ops.divideByZero();
        }
        return Long.divideUnsigned(a, b);
    }

    /**
     * {@code i64.rem_s}: signed remainder with the dividend's sign; traps on a zero divisor.
     * {@code LONG_MIN rem_s -1} is 0, which is also what the JVM's {@code lrem} gives.
     */
    public static long remS(long a, long b) {
        if (b == 0) {
            throw I32Ops.divideByZero();
        }
        return a % b;
    }

    /** {@code i64.rem_u}: unsigned remainder; traps on a zero divisor. */
    public static long remU(long a, long b) {
        if (b == 0) {
            throw I32Ops.divideByZero();
        }
        return Long.remainderUnsigned(a, b);
    }

    /** {@code i64.shl}: shifts left by {@code b} modulo 64. */
    public static long shl(long a, long b) {
        return a << b;
    }

    /** {@code i64.shr_s}: arithmetic shift right by {@code b} modulo 64. */
    public static long shrS(long a, long b) {
        return a >> b;
    }

    /** {@code i64.shr_u}: logical shift right by {@code b} modulo 64. */
    public static long shrU(long a, long b) {
        return a >>> b;
    }

    /** {@code i64.rotl}: rotates left by {@code b} modulo 64. */
    public static long rotl(long a, long b) {
        return Long.rotateLeft(a, (int) b);
    }

    /** {@code i64.rotr}: rotates right by {@code b} modulo 64. */
    public static long rotr(long a, long b) {
        return Long.rotateRight(a, (int) b);
    }

    /** {@code i64.extend8_s}: sign-extends the low 8 bits. */
    public static long extend8S(long a) {
        return (byte) a;
    }

    /** {@code i64.extend16_s}: sign-extends the low 16 bits. */
    public static long extend16S(long a) {
        return (short) a;
    }

    /** {@code i64.extend32_s}: sign-extends the low 32 bits. */
    public static long extend32S(long a) {
        return (int) a;
    }
}
