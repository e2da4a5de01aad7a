package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/**
 * The {@code f64x2} instructions: each lane follows the scalar {@code f64} rule in {@link F64Ops}
 * (NaN propagation included); {@code abs} and {@code neg} work on the bits.
 */
public final class F64x2Ops {
    private F64x2Ops() {}

    /** {@code f64x2.splat}. */
    public static V128 splat(double x) {
        long h = Double.doubleToRawLongBits(x);
        return V128.of(h, h);
    }

    /** {@code f64x2.extract_lane}. */
    public static double extractLane(V128 a, int lane) {
        return Lanes.f64(a, lane);
    }

    /** {@code f64x2.replace_lane}. */
    public static V128 replaceLane(V128 a, double x, int lane) {
        return I64x2Ops.replaceLane(a, Double.doubleToRawLongBits(x), lane);
    }

    /** {@code f64x2.eq}. */
    public static V128 eq(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x == y);
    }

    /** {@code f64x2.ne}. */
    public static V128 ne(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x != y);
    }

    /** {@code f64x2.lt}. */
    public static V128 lt(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x < y);
    }

    /** {@code f64x2.gt}. */
    public static V128 gt(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x > y);
    }

    /** {@code f64x2.le}. */
    public static V128 le(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x <= y);
    }

    /** {@code f64x2.ge}. */
    public static V128 ge(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x >= y);
    }

    /** {@code f64x2.abs}. */
    public static V128 abs(V128 a) {
        return V128.of(a.lo() & Long.MAX_VALUE, a.hi() & Long.MAX_VALUE);
    }

    /** {@code f64x2.neg}. */
    public static V128 neg(V128 a) {
        return V128.of(a.lo() ^ Long.MIN_VALUE, a.hi() ^ Long.MIN_VALUE);
    }

    /** {@code f64x2.sqrt}. */
    public static V128 sqrt(V128 a) {
        return Lanes.mapF64(a, F64Ops::sqrt);
    }

    /** {@code f64x2.ceil}. */
    public static V128 ceil(V128 a) {
        return Lanes.mapF64(a, F64Ops::ceil);
    }

    /** {@code f64x2.floor}. */
    public static V128 floor(V128 a) {
        return Lanes.mapF64(a, F64Ops::floor);
    }

    /** {@code f64x2.trunc}. */
    public static V128 trunc(V128 a) {
        return Lanes.mapF64(a, F64Ops::trunc);
    }

    /** {@code f64x2.nearest}. */
    public static V128 nearest(V128 a) {
        return Lanes.mapF64(a, F64Ops::nearest);
    }

    /** {@code f64x2.add}. */
    public static V128 add(V128 a, V128 b) {
        return Lanes.zipF64(a, b, Double::sum);
    }

    /** {@code f64x2.sub}. */
    public static V128 sub(V128 a, V128 b) {
        return Lanes.zipF64(a, b, (x, y) -> x - y);
    }

    /** {@code f64x2.mul}. */
    public static V128 mul(V128 a, V128 b) {
        return Lanes.zipF64(a, b, (x, y) -> x * y);
    }

    /** {@code f64x2.div}. */
    public static V128 div(V128 a, V128 b) {
        return Lanes.zipF64(a, b, (x, y) -> x / y);
    }

    /** {@code f64x2.min}. */
    public static V128 min(V128 a, V128 b) {
        return Lanes.zipF64(a, b, F64Ops::min);
    }

    /** {@code f64x2.max}. */
    public static V128 max(V128 a, V128 b) {
        return Lanes.zipF64(a, b, F64Ops::max);
    }

    /** {@code f64x2.pmin}. */
    public static V128 pmin(V128 a, V128 b) {
        return Lanes.zipF64(a, b, LaneOps::f64Pmin);
    }

    /** {@code f64x2.pmax}. */
    public static V128 pmax(V128 a, V128 b) {
        return Lanes.zipF64(a, b, LaneOps::f64Pmax);
    }

    /** {@code f64x2.convert_low_i32x4_s}: lanes 0-1, exactly. */
    public static V128 convertLowI32x4S(V128 a) {
        return Lanes.ofF64(Lanes.i32(a, 0), Lanes.i32(a, 1));
    }

    /** {@code f64x2.convert_low_i32x4_u}. */
    public static V128 convertLowI32x4U(V128 a) {
        return Lanes.ofF64(ConvertOps.f64ConvertI32U(Lanes.i32(a, 0)), ConvertOps.f64ConvertI32U(Lanes.i32(a, 1)));
    }

    /** {@code f64x2.promote_low_f32x4}: lanes 0-1 promoted, NaNs as {@link ConvertOps#f64PromoteF32}. */
    public static V128 promoteLowF32x4(V128 a) {
        return Lanes.ofF64(ConvertOps.f64PromoteF32(Lanes.f32(a, 0)), ConvertOps.f64PromoteF32(Lanes.f32(a, 1)));
    }
}
