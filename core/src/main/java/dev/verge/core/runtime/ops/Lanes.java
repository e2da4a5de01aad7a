package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Lane access and lane-wise combinators over {@link V128} for the SIMD helpers. Integer lanes are
 * handed to the lane functions sign-extended (an unsigned operation masks them itself) and results
 * are truncated to the lane width. Loops have constant trip counts, which HotSpot unrolls.
 */
final class Lanes {
    private Lanes() {}

    /** A float lane function. */
    interface FloatUnary {
        float apply(float a);
    }

    /** A two-operand float lane function. */
    interface FloatBinary {
        float apply(float a, float b);
    }

    /** A float lane comparison. */
    interface FloatTest {
        boolean test(float a, float b);
    }

    /** A double lane comparison. */
    interface DoubleTest {
        boolean test(double a, double b);
    }

    // ---- reading one lane ----

    static int i8(V128 v, int i) {
        return (byte) (half(v, i >> 3) >>> ((i & 7) * 8));
    }

    static int i16(V128 v, int i) {
        return (short) (half(v, i >> 2) >>> ((i & 3) * 16));
    }

    static int i32(V128 v, int i) {
        return (int) (half(v, i >> 1) >>> ((i & 1) * 32));
    }

    static long i64(V128 v, int i) {
        return half(v, i);
    }

    static float f32(V128 v, int i) {
        return Float.intBitsToFloat(i32(v, i));
    }

    static double f64(V128 v, int i) {
        return Double.longBitsToDouble(half(v, i));
    }

    private static long half(V128 v, int h) {
        return h == 0 ? v.lo() : v.hi();
    }

    // ---- building from lanes: array literals (constant indices only) are scalar-replaced once
    // inlined; lanes computed in a loop go to a Builder instead (see docs/simd.md) ----

    static V128 of32(int[] lanes) {
        return V128.of(pair(lanes[0], lanes[1]), pair(lanes[2], lanes[3]));
    }

    static V128 ofF32(float a, float b, float c, float d) {
        return V128.of(
                pair(Float.floatToRawIntBits(a), Float.floatToRawIntBits(b)),
                pair(Float.floatToRawIntBits(c), Float.floatToRawIntBits(d)));
    }

    /** Two 32-bit lanes as one half, {@code low} in the low bits. */
    private static long pair(int low, int high) {
        return (low & 0xFFFF_FFFFL) | (long) high << 32;
    }

    static V128 ofF64(double a, double b) {
        return V128.of(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b));
    }

    /**
     * Builds a vector lane by lane, each lane set once, for helpers that compute lanes in a loop.
     * Unlike an {@code int[]} filled in a loop, which C2 keeps on the heap unless it unrolls the
     * loop completely, this object has fixed fields, so escape analysis removes it: such helpers
     * do not allocate once inlined.
     */
    static final class Builder {
        private final int width;
        private final int perHalf;
        private final long mask;
        private long lo;
        private long hi;

        /** A builder of lanes {@code width} bits wide (8, 16 or 32). */
        Builder(int width) {
            this.width = width;
            this.perHalf = 64 / width;
            this.mask = (1L << width) - 1;
        }

        /** Sets lane {@code i} (not set before) to the low {@code width} bits of {@code value}. */
        void set(int i, int value) {
            long bits = (value & mask) << ((i & (perHalf - 1)) * width);
            if (i < perHalf) {
                lo |= bits;
            } else {
                hi |= bits;
            }
        }

        V128 build() {
            return V128.of(lo, hi);
        }
    }

    // ---- lane-wise combinators ----

    static V128 map8(V128 a, IntUnaryOperator f) {
        return V128.of(map(a.lo(), 8, f), map(a.hi(), 8, f));
    }

    static V128 map16(V128 a, IntUnaryOperator f) {
        return V128.of(map(a.lo(), 16, f), map(a.hi(), 16, f));
    }

    static V128 map32(V128 a, IntUnaryOperator f) {
        return V128.of(map(a.lo(), 32, f), map(a.hi(), 32, f));
    }

    static V128 zip8(V128 a, V128 b, IntBinaryOperator f) {
        return V128.of(zip(a.lo(), b.lo(), 8, f), zip(a.hi(), b.hi(), 8, f));
    }

    static V128 zip16(V128 a, V128 b, IntBinaryOperator f) {
        return V128.of(zip(a.lo(), b.lo(), 16, f), zip(a.hi(), b.hi(), 16, f));
    }

    static V128 zip32(V128 a, V128 b, IntBinaryOperator f) {
        return V128.of(zip(a.lo(), b.lo(), 32, f), zip(a.hi(), b.hi(), 32, f));
    }

    static V128 zip64(V128 a, V128 b, LongBinaryOperator f) {
        return V128.of(f.applyAsLong(a.lo(), b.lo()), f.applyAsLong(a.hi(), b.hi()));
    }

    private static long map(long a, int width, IntUnaryOperator f) {
        long mask = (1L << width) - 1;
        int unused = 32 - width;
        long r = 0;
        for (int s = 0; s < 64; s += width) {
            int x = (int) (a >>> s) << unused >> unused;
            r |= (f.applyAsInt(x) & mask) << s;
        }
        return r;
    }

    private static long zip(long a, long b, int width, IntBinaryOperator f) {
        long mask = (1L << width) - 1;
        int unused = 32 - width;
        long r = 0;
        for (int s = 0; s < 64; s += width) {
            int x = (int) (a >>> s) << unused >> unused;
            int y = (int) (b >>> s) << unused >> unused;
            r |= (f.applyAsInt(x, y) & mask) << s;
        }
        return r;
    }

    static V128 mapF32(V128 a, FloatUnary f) {
        return ofF32(f.apply(f32(a, 0)), f.apply(f32(a, 1)), f.apply(f32(a, 2)), f.apply(f32(a, 3)));
    }

    static V128 zipF32(V128 a, V128 b, FloatBinary f) {
        return ofF32(
                f.apply(f32(a, 0), f32(b, 0)), f.apply(f32(a, 1), f32(b, 1)),
                f.apply(f32(a, 2), f32(b, 2)), f.apply(f32(a, 3), f32(b, 3)));
    }

    static V128 cmpF32(V128 a, V128 b, FloatTest f) {
        return of32(new int[] {
            mask(f.test(f32(a, 0), f32(b, 0))), mask(f.test(f32(a, 1), f32(b, 1))),
            mask(f.test(f32(a, 2), f32(b, 2))), mask(f.test(f32(a, 3), f32(b, 3)))
        });
    }

    static V128 mapF64(V128 a, DoubleUnaryOperator f) {
        return ofF64(f.applyAsDouble(f64(a, 0)), f.applyAsDouble(f64(a, 1)));
    }

    static V128 zipF64(V128 a, V128 b, DoubleBinaryOperator f) {
        return ofF64(f.applyAsDouble(f64(a, 0), f64(b, 0)), f.applyAsDouble(f64(a, 1), f64(b, 1)));
    }

    static V128 cmpF64(V128 a, V128 b, DoubleTest f) {
        return V128.of(mask(f.test(f64(a, 0), f64(b, 0))), mask(f.test(f64(a, 1), f64(b, 1))));
    }

    // ---- SWAR: lane-wise add and subtract on whole longs, carries kept inside each lane ----

    /** The top bit of every 8-bit lane. */
    static final long H8 = 0x8080_8080_8080_8080L;
    /** The top bit of every 16-bit lane. */
    static final long H16 = 0x8000_8000_8000_8000L;
    /** The top bit of every 32-bit lane. */
    static final long H32 = 0x8000_0000_8000_0000L;

    /** Lane-wise {@code a + b} for lanes whose top bits are {@code h}: add the low bits, then xor the top. */
    static long swarAdd(long a, long b, long h) {
        return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
    }

    /** Lane-wise {@code a - b} for lanes whose top bits are {@code h}: borrows stop at the set top bits. */
    static long swarSub(long a, long b, long h) {
        return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
    }

    /** All ones for true, zero for false: a SIMD comparison's lane result. */
    static int mask(boolean b) {
        return b ? -1 : 0;
    }

    /** {@code 0} or {@code 1} per lane's top bit, lane 0 in bit 0: the {@code bitmask} result. */
    static int bitmask(V128 v, int width) {
        int lanes = 128 / width;
        int perHalf = lanes / 2;
        int r = 0;
        for (int i = 0; i < lanes; i++) {
            long h = i < perHalf ? v.lo() : v.hi();
            int bit = (int) (h >>> ((i % perHalf) * width + width - 1)) & 1;
            r |= bit << i;
        }
        return r;
    }

    /** Whether every lane of this width is non-zero: the {@code all_true} result. */
    static int allTrue(V128 v, int width) {
        long mask = width == 64 ? -1L : (1L << width) - 1;
        for (int s = 0; s < 64; s += width) {
            if ((v.lo() >>> s & mask) == 0 || (v.hi() >>> s & mask) == 0) {
                return 0;
            }
        }
        return 1;
    }
}
