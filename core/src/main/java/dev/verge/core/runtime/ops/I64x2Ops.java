package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/** The {@code i64x2} instructions. Lane immediates come last, after the operands. */
public final class I64x2Ops {
    private I64x2Ops() {}

    /** {@code i64x2.splat}. */
    public static V128 splat(long x) {
        return V128.of(x, x);
    }

    /** {@code i64x2.extract_lane}. */
    public static long extractLane(V128 a, int lane) {
        return Lanes.i64(a, lane);
    }

    /** {@code i64x2.replace_lane}. */
    public static V128 replaceLane(V128 a, long x, int lane) {
        return lane == 0 ? V128.of(x, a.hi()) : V128.of(a.lo(), x);
    }

    /** {@code i64x2.eq}. */
    public static V128 eq(V128 a, V128 b) {
        return Lanes.zip64(a, b, (x, y) -> x == y ? -1L : 0L);
    }

    /** {@code i64x2.ne}. */
    public static V128 ne(V128 a, V128 b) {
        return Lanes.zip64(a, b, (x, y) -> x != y ? -1L : 0L);
    }

    /** {@code i64x2.lt_s}. */
    public static V128 ltS(V128 a, V128 b) {
        return Lanes.zip64(a, b, (x, y) -> x < y ? -1L : 0L);
    }

    /** {@code i64x2.gt_s}. */
    public static V128 gtS(V128 a, V128 b) {
        return Lanes.zip64(a, b, (x, y) -> x > y ? -1L : 0L);
    }

    /** {@code i64x2.le_s}. */
    public static V128 leS(V128 a, V128 b) {
        return Lanes.zip64(a, b, (x, y) -> x <= y ? -1L : 0L);
    }

    /** {@code i64x2.ge_s}. */
    public static V128 geS(V128 a, V128 b) {
        return Lanes.zip64(a, b, (x, y) -> x >= y ? -1L : 0L);
    }

    /** {@code i64x2.abs}: wraps, so {@code abs(MIN) = MIN}. */
    public static V128 abs(V128 a) {
        return V128.of(Math.abs(a.lo()), Math.abs(a.hi()));
    }

    /** {@code i64x2.neg}. */
    public static V128 neg(V128 a) {
        return V128.of(-a.lo(), -a.hi());
    }

    /** {@code i64x2.all_true}. */
    public static int allTrue(V128 a) {
        return a.lo() != 0 && a.hi() != 0 ? 1 : 0;
    }

    /** {@code i64x2.bitmask}. */
    public static int bitmask(V128 a) {
        return (int) (a.lo() >>> 63) | (int) (a.hi() >>> 63) << 1;
    }

    /** {@code i64x2.extend_low_i32x4_s}. */
    public static V128 extendLowI32x4S(V128 a) {
        return V128.of(Lanes.i32(a, 0), Lanes.i32(a, 1));
    }

    /** {@code i64x2.extend_high_i32x4_s}. */
    public static V128 extendHighI32x4S(V128 a) {
        return V128.of(Lanes.i32(a, 2), Lanes.i32(a, 3));
    }

    /** {@code i64x2.extend_low_i32x4_u}. */
    public static V128 extendLowI32x4U(V128 a) {
        return V128.of(a.lo() & 0xFFFF_FFFFL, a.lo() >>> 32);
    }

    /** {@code i64x2.extend_high_i32x4_u}. */
    public static V128 extendHighI32x4U(V128 a) {
        return V128.of(a.hi() & 0xFFFF_FFFFL, a.hi() >>> 32);
    }

    /** {@code i64x2.shl}: the count is taken modulo 64. */
    public static V128 shl(V128 a, int count) {
        return V128.of(a.lo() << count, a.hi() << count);
    }

    /** {@code i64x2.shr_s}. */
    public static V128 shrS(V128 a, int count) {
        return V128.of(a.lo() >> count, a.hi() >> count);
    }

    /** {@code i64x2.shr_u}. */
    public static V128 shrU(V128 a, int count) {
        return V128.of(a.lo() >>> count, a.hi() >>> count);
    }

    /** {@code i64x2.add}. */
    public static V128 add(V128 a, V128 b) {
        return V128.of(a.lo() + b.lo(), a.hi() + b.hi());
    }

    /** {@code i64x2.sub}. */
    public static V128 sub(V128 a, V128 b) {
        return V128.of(a.lo() - b.lo(), a.hi() - b.hi());
    }

    /** {@code i64x2.mul}. */
    public static V128 mul(V128 a, V128 b) {
        return V128.of(a.lo() * b.lo(), a.hi() * b.hi());
    }

    /** {@code i64x2.extmul_low_i32x4_s}. */
    public static V128 extmulLowI32x4S(V128 a, V128 b) {
        return V128.of((long) Lanes.i32(a, 0) * Lanes.i32(b, 0), (long) Lanes.i32(a, 1) * Lanes.i32(b, 1));
    }

    /** {@code i64x2.extmul_high_i32x4_s}. */
    public static V128 extmulHighI32x4S(V128 a, V128 b) {
        return V128.of((long) Lanes.i32(a, 2) * Lanes.i32(b, 2), (long) Lanes.i32(a, 3) * Lanes.i32(b, 3));
    }

    /** {@code i64x2.extmul_low_i32x4_u}. */
    public static V128 extmulLowI32x4U(V128 a, V128 b) {
        return V128.of(
                (a.lo() & 0xFFFF_FFFFL) * (b.lo() & 0xFFFF_FFFFL), (a.lo() >>> 32) * (b.lo() >>> 32));
    }

    /** {@code i64x2.extmul_high_i32x4_u}. */
    public static V128 extmulHighI32x4U(V128 a, V128 b) {
        return V128.of(
                (a.hi() & 0xFFFF_FFFFL) * (b.hi() & 0xFFFF_FFFFL), (a.hi() >>> 32) * (b.hi() >>> 32));
    }
}
