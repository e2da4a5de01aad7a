package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/**
 * The {@code f64x2} instructions: each lane follows the scalar {@code f64} rule in {@link F64Ops}
 * (NaN propagation included); {@code abs} and {@code neg} work on the bits.
 */
public final class F64x2Ops {
    private F64x2Ops() {}

    public static V128 splat(double x) {
        long h = Double.doubleToRawLongBits(x);
        return V128.of(h, h);
    }

    public static double extractLane(V128 a, int lane) {
        return Lanes.f64(a, lane);
    }

    public static V128 replaceLane(V128 a, double x, int lane) {
        return I64x2Ops.replaceLane(a, Double.doubleToRawLongBits(x), lane);
    }

    public static V128 eq(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x == y);
    }

    public static V128 ne(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x != y);
    }

    public static V128 lt(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x < y);
    }

    public static V128 gt(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x > y);
    }

    public static V128 le(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x <= y);
    }

    public static V128 ge(V128 a, V128 b) {
        return Lanes.cmpF64(a, b, (x, y) -> x >= y);
    }

    public static V128 abs(V128 a) {
        return V128.of(a.lo() & Long.MAX_VALUE, a.hi() & Long.MAX_VALUE);
    }

    public static V128 neg(V128 a) {
        return V128.of(a.lo() ^ Long.MIN_VALUE, a.hi() ^ Long.MIN_VALUE);
    }

    public static V128 sqrt(V128 a) {
        return Lanes.mapF64(a, F64Ops::sqrt);
    }

    public static V128 ceil(V128 a) {
        return Lanes.mapF64(a, F64Ops::ceil);
    }

    public static V128 floor(V128 a) {
        return Lanes.mapF64(a, F64Ops::floor);
    }

    public static V128 trunc(V128 a) {
        return Lanes.mapF64(a, F64Ops::trunc);
    }

    public static V128 nearest(V128 a) {
        return Lanes.mapF64(a, F64Ops::nearest);
    }

    public static V128 add(V128 a, V128 b) {
        return Lanes.zipF64(a, b, Double::sum);
    }

    public static V128 sub(V128 a, V128 b) {
        return Lanes.zipF64(a, b, (x, y) -> x - y);
    }

    public static V128 mul(V128 a, V128 b) {
        return Lanes.zipF64(a, b, (x, y) -> x * y);
    }

    public static V128 div(V128 a, V128 b) {
        return Lanes.zipF64(a, b, (x, y) -> x / y);
    }

    public static V128 min(V128 a, V128 b) {
        return Lanes.zipF64(a, b, F64Ops::min);
    }

    public static V128 max(V128 a, V128 b) {
        return Lanes.zipF64(a, b, F64Ops::max);
    }

    public static V128 pmin(V128 a, V128 b) {
        return Lanes.zipF64(a, b, LaneOps::f64Pmin);
    }

    public static V128 pmax(V128 a, V128 b) {
        return Lanes.zipF64(a, b, LaneOps::f64Pmax);
    }

    /** {@code f64x2.convert_low_i32x4_s}: lanes 0-1, exactly. */
    public static V128 convertLowI32x4S(V128 a) {
        return Lanes.ofF64(Lanes.i32(a, 0), Lanes.i32(a, 1));
    }

    public static V128 convertLowI32x4U(V128 a) {
        return Lanes.ofF64(ConvertOps.f64ConvertI32U(Lanes.i32(a, 0)), ConvertOps.f64ConvertI32U(Lanes.i32(a, 1)));
    }

    /** {@code f64x2.promote_low_f32x4}: lanes 0-1 promoted, NaNs as {@link ConvertOps#f64PromoteF32}. */
    public static V128 promoteLowF32x4(V128 a) {
        return Lanes.ofF64(ConvertOps.f64PromoteF32(Lanes.f32(a, 0)), ConvertOps.f64PromoteF32(Lanes.f32(a, 1)));
    }
}
