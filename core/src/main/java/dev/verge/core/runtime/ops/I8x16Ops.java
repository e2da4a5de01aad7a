package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/**
 * The {@code i8x16} instructions. Lane immediates come last, after the operands, as an {@code
 * int}; {@code i8x16.shuffle}'s 16 lane indices come as two longs in {@code v128.const} order.
 */
public final class I8x16Ops {
    private I8x16Ops() {}

    /** {@code i8x16.shuffle}: lane {@code i} is lane {@code s[i]} of {@code a ++ b} (0-31). */
    public static V128 shuffle(V128 a, V128 b, long lanesLo, long lanesHi) {
        Lanes.Builder out = new Lanes.Builder(8);
        for (int i = 0; i < 16; i++) {
            int s = (int) ((i < 8 ? lanesLo : lanesHi) >>> ((i & 7) * 8)) & 31;
            out.set(i, s < 16 ? Lanes.i8(a, s) : Lanes.i8(b, s - 16));
        }
        return out.build();
    }

    /** {@code i8x16.swizzle}: lane {@code i} is lane {@code s[i]} of {@code a}, or 0 if {@code s[i] >= 16}. */
    public static V128 swizzle(V128 a, V128 s) {
        Lanes.Builder out = new Lanes.Builder(8);
        for (int i = 0; i < 16; i++) {
            int k = Lanes.i8(s, i) & 0xFF;
            out.set(i, k < 16 ? Lanes.i8(a, k) : 0);
        }
        return out.build();
    }

    /** {@code i8x16.splat}: the low 8 bits of {@code x} in every lane. */
    public static V128 splat(int x) {
        long h = (x & 0xFFL) * 0x0101_0101_0101_0101L;
        return V128.of(h, h);
    }

    /** {@code i8x16.extract_lane_s}. */
    public static int extractLaneS(V128 a, int lane) {
        return Lanes.i8(a, lane);
    }

    /** {@code i8x16.extract_lane_u}. */
    public static int extractLaneU(V128 a, int lane) {
        return Lanes.i8(a, lane) & 0xFF;
    }

    /** {@code i8x16.replace_lane}: {@code a} with lane {@code lane} set to the low 8 bits of {@code x}. */
    public static V128 replaceLane(V128 a, int x, int lane) {
        int shift = (lane & 7) * 8;
        long mask = 0xFFL << shift;
        long v = (x & 0xFFL) << shift;
        return lane < 8 ? V128.of(a.lo() & ~mask | v, a.hi()) : V128.of(a.lo(), a.hi() & ~mask | v);
    }

    /** {@code i8x16.eq}. */
    public static V128 eq(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask(x == y));
    }

    /** {@code i8x16.ne}. */
    public static V128 ne(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask(x != y));
    }

    /** {@code i8x16.lt_s}. */
    public static V128 ltS(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask(x < y));
    }

    /** {@code i8x16.lt_u}. */
    public static V128 ltU(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask((x & 0xFF) < (y & 0xFF)));
    }

    /** {@code i8x16.gt_s}. */
    public static V128 gtS(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask(x > y));
    }

    /** {@code i8x16.gt_u}. */
    public static V128 gtU(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask((x & 0xFF) > (y & 0xFF)));
    }

    /** {@code i8x16.le_s}. */
    public static V128 leS(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask(x <= y));
    }

    /** {@code i8x16.le_u}. */
    public static V128 leU(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask((x & 0xFF) <= (y & 0xFF)));
    }

    /** {@code i8x16.ge_s}. */
    public static V128 geS(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask(x >= y));
    }

    /** {@code i8x16.ge_u}. */
    public static V128 geU(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Lanes.mask((x & 0xFF) >= (y & 0xFF)));
    }

    /** {@code i8x16.abs}: wraps, so {@code abs(-128) = -128}. */
    public static V128 abs(V128 a) {
        return Lanes.map8(a, Math::abs);
    }

    /** {@code i8x16.neg}. */
    public static V128 neg(V128 a) {
        return Lanes.map8(a, x -> -x);
    }

    /** {@code i8x16.popcnt}. */
    public static V128 popcnt(V128 a) {
        return Lanes.map8(a, LaneOps::i8Popcnt);
    }

    /** {@code i8x16.all_true}. */
    public static int allTrue(V128 a) {
        return Lanes.allTrue(a, 8);
    }

    /** {@code i8x16.bitmask}. */
    public static int bitmask(V128 a) {
        return Lanes.bitmask(a, 8);
    }

    /** {@code i8x16.narrow_i16x8_s}: the i16 lanes of {@code a} then {@code b}, saturated to i8. */
    public static V128 narrowI16x8S(V128 a, V128 b) {
        Lanes.Builder out = new Lanes.Builder(8);
        for (int i = 0; i < 8; i++) {
            out.set(i, LaneOps.i8NarrowI16S(Lanes.i16(a, i)));
            out.set(i + 8, LaneOps.i8NarrowI16S(Lanes.i16(b, i)));
        }
        return out.build();
    }

    /** {@code i8x16.narrow_i16x8_u}: the signed i16 lanes of {@code a} then {@code b}, saturated to u8. */
    public static V128 narrowI16x8U(V128 a, V128 b) {
        Lanes.Builder out = new Lanes.Builder(8);
        for (int i = 0; i < 8; i++) {
            out.set(i, LaneOps.i8NarrowI16U(Lanes.i16(a, i)));
            out.set(i + 8, LaneOps.i8NarrowI16U(Lanes.i16(b, i)));
        }
        return out.build();
    }

    /** {@code i8x16.shl}: the count is taken modulo 8. */
    public static V128 shl(V128 a, int count) {
        int n = count & 7;
        return Lanes.map8(a, x -> x << n);
    }

    /** {@code i8x16.shr_s}. */
    public static V128 shrS(V128 a, int count) {
        int n = count & 7;
        return Lanes.map8(a, x -> x >> n);
    }

    /** {@code i8x16.shr_u}. */
    public static V128 shrU(V128 a, int count) {
        int n = count & 7;
        return Lanes.map8(a, x -> (x & 0xFF) >>> n);
    }

    /** {@code i8x16.add}. */
    public static V128 add(V128 a, V128 b) {
        return V128.of(Lanes.swarAdd(a.lo(), b.lo(), Lanes.H8), Lanes.swarAdd(a.hi(), b.hi(), Lanes.H8));
    }

    /** {@code i8x16.add_sat_s}. */
    public static V128 addSatS(V128 a, V128 b) {
        return Lanes.zip8(a, b, LaneOps::i8AddSatS);
    }

    /** {@code i8x16.add_sat_u}. */
    public static V128 addSatU(V128 a, V128 b) {
        return Lanes.zip8(a, b, LaneOps::i8AddSatU);
    }

    /** {@code i8x16.sub}. */
    public static V128 sub(V128 a, V128 b) {
        return V128.of(Lanes.swarSub(a.lo(), b.lo(), Lanes.H8), Lanes.swarSub(a.hi(), b.hi(), Lanes.H8));
    }

    /** {@code i8x16.sub_sat_s}. */
    public static V128 subSatS(V128 a, V128 b) {
        return Lanes.zip8(a, b, LaneOps::i8SubSatS);
    }

    /** {@code i8x16.sub_sat_u}. */
    public static V128 subSatU(V128 a, V128 b) {
        return Lanes.zip8(a, b, LaneOps::i8SubSatU);
    }

    /** {@code i8x16.min_s}. */
    public static V128 minS(V128 a, V128 b) {
        return Lanes.zip8(a, b, Math::min);
    }

    /** {@code i8x16.min_u}. */
    public static V128 minU(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Math.min(x & 0xFF, y & 0xFF));
    }

    /** {@code i8x16.max_s}. */
    public static V128 maxS(V128 a, V128 b) {
        return Lanes.zip8(a, b, Math::max);
    }

    /** {@code i8x16.max_u}. */
    public static V128 maxU(V128 a, V128 b) {
        return Lanes.zip8(a, b, (x, y) -> Math.max(x & 0xFF, y & 0xFF));
    }

    /** {@code i8x16.avgr_u}. */
    public static V128 avgrU(V128 a, V128 b) {
        return Lanes.zip8(a, b, LaneOps::i8AvgrU);
    }
}
