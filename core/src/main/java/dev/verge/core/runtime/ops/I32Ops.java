package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;

/**
 * The {@code i32} instructions whose semantics differ from a single JVM bytecode. Arguments and
 * results are Wasm {@code i32} values held in a Java {@code int}; comparisons return the Wasm
 * boolean {@code 1} or {@code 0}.
 *
 * <p>{@code add}, {@code sub}, {@code mul}, {@code and}, {@code or}, {@code xor} are {@code iadd}
 * and friends; {@code shl}, {@code shr_s} and {@code shr_u} are {@code ishl}, {@code ishr} and
 * {@code iushr}, which already take the count modulo 32 as Wasm does.
 */
public final class I32Ops {
    private I32Ops() {}

    /** {@code i32.eqz}: 1 if {@code a} is zero. */
    public static int eqz(int a) {
        return a == 0 ? 1 : 0;
    }

    /** {@code i32.eq}. */
    public static int eq(int a, int b) {
        return a == b ? 1 : 0;
    }

    /** {@code i32.ne}. */
    public static int ne(int a, int b) {
        return a != b ? 1 : 0;
    }

    /** {@code i32.lt_s}. */
    public static int ltS(int a, int b) {
        return a < b ? 1 : 0;
    }

    /** {@code i32.lt_u}: compares as unsigned (flipping the sign bits turns it into signed). */
    public static int ltU(int a, int b) {
        return a + Integer.MIN_VALUE < b + Integer.MIN_VALUE ? 1 : 0;
    }

    /** {@code i32.gt_s}. */
    public static int gtS(int a, int b) {
        return a > b ? 1 : 0;
    }

    /** {@code i32.gt_u}. */
    public static int gtU(int a, int b) {
        return a + Integer.MIN_VALUE > b + Integer.MIN_VALUE ? 1 : 0;
    }

    /** {@code i32.le_s}. */
    public static int leS(int a, int b) {
        return a <= b ? 1 : 0;
    }

    /** {@code i32.le_u}. */
    public static int leU(int a, int b) {
        return a + Integer.MIN_VALUE <= b + Integer.MIN_VALUE ? 1 : 0;
    }

    /** {@code i32.ge_s}. */
    public static int geS(int a, int b) {
        return a >= b ? 1 : 0;
    }

    /** {@code i32.ge_u}. */
    public static int geU(int a, int b) {
        return a + Integer.MIN_VALUE >= b + Integer.MIN_VALUE ? 1 : 0;
    }

    /** {@code i32.clz}: leading zero bits, 32 for zero. */
    public static int clz(int a) {
        return Integer.numberOfLeadingZeros(a);
    }

    /** {@code i32.ctz}: trailing zero bits, 32 for zero. */
    public static int ctz(int a) {
        return Integer.numberOfTrailingZeros(a);
    }

    /** {@code i32.popcnt}: number of one bits. */
    public static int popcnt(int a) {
        return Integer.bitCount(a);
    }

    /**
     * {@code i32.div_s}: signed division rounding toward zero; traps on a zero divisor and on
     * {@code INT_MIN / -1}, whose quotient does not fit.
     */
    public static int divS(int a, int b) {
        if (b == 0 || b == -1) {
            return divSBy0OrMinus1(a, b);
        }
        return a / b;
    }

    private static int divSBy0OrMinus1(int a, int b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
        return -a;
    }

    /** {@code i32.div_u}: unsigned division; traps on a zero divisor. */
    public static int divU(int a, int b) {
        if (b == 0) {
            throw divideByZero();
        }
        return Integer.divideUnsigned(a, b);
    }

    /**
     * {@code i32.rem_s}: signed remainder with the dividend's sign; traps on a zero divisor.
     * {@code INT_MIN rem_s -1} is 0, which is also what the JVM's {@code irem} gives.
     */
    public static int remS(int a, int b) {
        if (b == 0) {
            throw divideByZero();
        }
        return a % b;
    }

    /** {@code i32.rem_u}: unsigned remainder; traps on a zero divisor. */
    public static int remU(int a, int b) {
        if (b == 0) {
            throw divideByZero();
        }
        return Integer.remainderUnsigned(a, b);
    }

    /** {@code i32.rotl}: rotates left by {@code b} modulo 32. */
    public static int rotl(int a, int b) {
        return Integer.rotateLeft(a, b);
    }

    /** {@code i32.rotr}: rotates right by {@code b} modulo 32. */
    public static int rotr(int a, int b) {
        return Integer.rotateRight(a, b);
    }

    /** {@code i32.extend8_s}: sign-extends the low 8 bits. */
    public static int extend8S(int a) {
        return (byte) a;
    }

    /** {@code i32.extend16_s}: sign-extends the low 16 bits. */
    public static int extend16S(int a) {
        return (short) a;
    }

    /** The trap for a zero divisor, shared with {@link I64Ops}; a method so callers stay small. */
    static Trap divideByZero() {
        return new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
}
