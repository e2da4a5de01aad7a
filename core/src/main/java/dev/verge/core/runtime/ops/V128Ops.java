package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/**
 * The shape-less {@code v128} instructions (bitwise operations and {@code any_true}), plus the
 * widening step of the extending loads, which compiled code applies to the 8 bytes it loaded.
 */
public final class V128Ops {
    private V128Ops() {}

    /** {@code v128.not}. */
    public static V128 not(V128 a) {
        return V128.of(~a.lo(), ~a.hi());
    }

    /** {@code v128.and}. */
    public static V128 and(V128 a, V128 b) {
        return V128.of(a.lo() & b.lo(), a.hi() & b.hi());
    }

    /** {@code v128.andnot}: {@code a & ~b}. */
    public static V128 andnot(V128 a, V128 b) {
        return V128.of(a.lo() & ~b.lo(), a.hi() & ~b.hi());
    }

    /** {@code v128.or}. */
    public static V128 or(V128 a, V128 b) {
        return V128.of(a.lo() | b.lo(), a.hi() | b.hi());
    }

    /** {@code v128.xor}. */
    public static V128 xor(V128 a, V128 b) {
        return V128.of(a.lo() ^ b.lo(), a.hi() ^ b.hi());
    }

    /** {@code v128.bitselect}: bits of {@code a} where {@code mask} is 1, of {@code b} where 0. */
    public static V128 bitselect(V128 a, V128 b, V128 mask) {
        return V128.of(
                a.lo() & mask.lo() | b.lo() & ~mask.lo(), a.hi() & mask.hi() | b.hi() & ~mask.hi());
    }

    /** {@code v128.any_true}: 1 if any bit is set. */
    public static int anyTrue(V128 a) {
        return (a.lo() | a.hi()) != 0 ? 1 : 0;
    }

    /** {@code v128.load8x8_s} after the load: the 8 loaded bytes sign-extended to i16 lanes. */
    public static V128 extend8x8S(long bytes) {
        return I16x8Ops.extendLowI8x16S(V128.of(bytes, 0));
    }

    /** {@code v128.load8x8_u} after the load: the 8 loaded bytes zero-extended to i16 lanes. */
    public static V128 extend8x8U(long bytes) {
        return I16x8Ops.extendLowI8x16U(V128.of(bytes, 0));
    }

    /** {@code v128.load16x4_s} after the load: four i16 sign-extended to i32 lanes. */
    public static V128 extend16x4S(long bytes) {
        return I32x4Ops.extendLowI16x8S(V128.of(bytes, 0));
    }

    /** {@code v128.load16x4_u} after the load: four i16 zero-extended to i32 lanes. */
    public static V128 extend16x4U(long bytes) {
        return I32x4Ops.extendLowI16x8U(V128.of(bytes, 0));
    }

    /** {@code v128.load32x2_s} after the load: two i32 sign-extended to i64 lanes. */
    public static V128 extend32x2S(long bytes) {
        return V128.of((int) bytes, bytes >> 32);
    }

    /** {@code v128.load32x2_u} after the load: two i32 zero-extended to i64 lanes. */
    public static V128 extend32x2U(long bytes) {
        return V128.of(bytes & 0xFFFF_FFFFL, bytes >>> 32);
    }
}
