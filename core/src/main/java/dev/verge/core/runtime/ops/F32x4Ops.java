package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/**
 * The {@code f32x4} instructions: each lane follows the scalar {@code f32} rule in {@link F32Ops}
 * (NaN propagation included); {@code abs} and {@code neg} work on the bits of both halves at once.
 */
public final class F32x4Ops {
    private F32x4Ops() {}

    private static final long SIGNS = 0x8000_0000_8000_0000L;

    /** {@code f32x4.splat}. */
    public static V128 splat(float x) {
        long h = (Float.floatToRawIntBits(x) & 0xFFFF_FFFFL) * 0x0000_0001_0000_0001L;
        return V128.of(h, h);
    }

    /** {@code f32x4.extract_lane}. */
    public static float extractLane(V128 a, int lane) {
        return Lanes.f32(a, lane);
    }

    /** {@code f32x4.replace_lane}. */
    public static V128 replaceLane(V128 a, float x, int lane) {
        return I32x4Ops.replaceLane(a, Float.floatToRawIntBits(x), lane);
    }

    /** {@code f32x4.eq}. */
    public static V128 eq(V128 a, V128 b) {
        return Lanes.cmpF32(a, b, (x, y) -> x == y);
    }

    /** {@code f32x4.ne}. */
    public static V128 ne(V128 a, V128 b) {
        return Lanes.cmpF32(a, b, (x, y) -> x != y);
    }

    /** {@code f32x4.lt}. */
    public static V128 lt(V128 a, V128 b) {
        return Lanes.cmpF32(a, b, (x, y) -> x < y);
    }

    /** {@code f32x4.gt}. */
    public static V128 gt(V128 a, V128 b) {
        return Lanes.cmpF32(a, b, (x, y) -> x > y);
    }

    /** {@code f32x4.le}. */
    public static V128 le(V128 a, V128 b) {
        return Lanes.cmpF32(a, b, (x, y) -> x <= y);
    }

    /** {@code f32x4.ge}. */
    public static V128 ge(V128 a, V128 b) {
        return Lanes.cmpF32(a, b, (x, y) -> x >= y);
    }

    /** {@code f32x4.abs}. */
    public static V128 abs(V128 a) {
        return V128.of(a.lo() & ~SIGNS, a.hi() & ~SIGNS);
    }

    /** {@code f32x4.neg}. */
    public static V128 neg(V128 a) {
        return V128.of(a.lo() ^ SIGNS, a.hi() ^ SIGNS);
    }

    /** {@code f32x4.sqrt}. */
    public static V128 sqrt(V128 a) {
        return Lanes.mapF32(a, F32Ops::sqrt);
    }

    /** {@code f32x4.ceil}. */
    public static V128 ceil(V128 a) {
        return Lanes.mapF32(a, F32Ops::ceil);
    }

    /** {@code f32x4.floor}. */
    public static V128 floor(V128 a) {
        return Lanes.mapF32(a, F32Ops::floor);
    }

    /** {@code f32x4.trunc}. */
    public static V128 trunc(V128 a) {
        return Lanes.mapF32(a, F32Ops::trunc);
    }

    /** {@code f32x4.nearest}. */
    public static V128 nearest(V128 a) {
        return Lanes.mapF32(a, F32Ops::nearest);
    }

    /** {@code f32x4.add}. */
    public static V128 add(V128 a, V128 b) {
        return Lanes.zipF32(a, b, Float::sum);
    }

    /** {@code f32x4.sub}. */
    public static V128 sub(V128 a, V128 b) {
        return Lanes.zipF32(a, b, (x, y) -> x - y);
    }

    /** {@code f32x4.mul}. */
    public static V128 mul(V128 a, V128 b) {
        return Lanes.zipF32(a, b, (x, y) -> x * y);
    }

    /** {@code f32x4.div}. */
    public static V128 div(V128 a, V128 b) {
        return Lanes.zipF32(a, b, (x, y) -> x / y);
    }

    /** {@code f32x4.min}. */
    public static V128 min(V128 a, V128 b) {
        return Lanes.zipF32(a, b, F32Ops::min);
    }

    /** {@code f32x4.max}. */
    public static V128 max(V128 a, V128 b) {
        return Lanes.zipF32(a, b, F32Ops::max);
    }

    /** {@code f32x4.pmin}. */
    public static V128 pmin(V128 a, V128 b) {
        return Lanes.zipF32(a, b, LaneOps::f32Pmin);
    }

    /** {@code f32x4.pmax}. */
    public static V128 pmax(V128 a, V128 b) {
        return Lanes.zipF32(a, b, LaneOps::f32Pmax);
    }

    /** {@code f32x4.convert_i32x4_s}. */
    public static V128 convertI32x4S(V128 a) {
        return Lanes.ofF32(Lanes.i32(a, 0), Lanes.i32(a, 1), Lanes.i32(a, 2), Lanes.i32(a, 3));
    }

    /** {@code f32x4.convert_i32x4_u}. */
    public static V128 convertI32x4U(V128 a) {
        return Lanes.ofF32(
                ConvertOps.f32ConvertI32U(Lanes.i32(a, 0)), ConvertOps.f32ConvertI32U(Lanes.i32(a, 1)),
                ConvertOps.f32ConvertI32U(Lanes.i32(a, 2)), ConvertOps.f32ConvertI32U(Lanes.i32(a, 3)));
    }

    /** {@code f32x4.demote_f64x2_zero}: the two f64 lanes demoted into lanes 0-1, then zeros. */
    public static V128 demoteF64x2Zero(V128 a) {
        return Lanes.ofF32(ConvertOps.f32DemoteF64(Lanes.f64(a, 0)), ConvertOps.f32DemoteF64(Lanes.f64(a, 1)), 0f, 0f);
    }
}
