package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/** The {@code i16x8} instructions. Lane immediates come last, after the operands. */
public final class I16x8Ops {
    private I16x8Ops() {}

    /** {@code i16x8.splat}: the low 16 bits of {@code x} in every lane. */
    public static V128 splat(int x) {
        long h = (x & 0xFFFFL) * 0x0001_0001_0001_0001L;
        return V128.of(h, h);
    }

    /** {@code i16x8.extract_lane_s}. */
    public static int extractLaneS(V128 a, int lane) {
        return Lanes.i16(a, lane);
    }

    /** {@code i16x8.extract_lane_u}. */
    public static int extractLaneU(V128 a, int lane) {
        return Lanes.i16(a, lane) & 0xFFFF;
    }

    /** {@code i16x8.replace_lane}: {@code a} with lane {@code lane} set to the low 16 bits of {@code x}. */
    public static V128 replaceLane(V128 a, int x, int lane) {
        int shift = (lane & 3) * 16;
        long mask = 0xFFFFL << shift;
        long v = (x & 0xFFFFL) << shift;
        return lane < 4 ? V128.of(a.lo() & ~mask | v, a.hi()) : V128.of(a.lo(), a.hi() & ~mask | v);
    }

    /** {@code i16x8.eq}. */
    public static V128 eq(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask(x == y));
    }

    /** {@code i16x8.ne}. */
    public static V128 ne(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask(x != y));
    }

    /** {@code i16x8.lt_s}. */
    public static V128 ltS(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask(x < y));
    }

    /** {@code i16x8.lt_u}. */
    public static V128 ltU(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask((x & 0xFFFF) < (y & 0xFFFF)));
    }

    /** {@code i16x8.gt_s}. */
    public static V128 gtS(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask(x > y));
    }

    /** {@code i16x8.gt_u}. */
    public static V128 gtU(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask((x & 0xFFFF) > (y & 0xFFFF)));
    }

    /** {@code i16x8.le_s}. */
    public static V128 leS(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask(x <= y));
    }

    /** {@code i16x8.le_u}. */
    public static V128 leU(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask((x & 0xFFFF) <= (y & 0xFFFF)));
    }

    /** {@code i16x8.ge_s}. */
    public static V128 geS(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask(x >= y));
    }

    /** {@code i16x8.ge_u}. */
    public static V128 geU(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Lanes.mask((x & 0xFFFF) >= (y & 0xFFFF)));
    }

    /** {@code i16x8.abs}: wraps, so {@code abs(-32768) = -32768}. */
    public static V128 abs(V128 a) {
        return Lanes.map16(a, Math::abs);
    }

    /** {@code i16x8.neg}. */
    public static V128 neg(V128 a) {
        return Lanes.map16(a, x -> -x);
    }

    /** {@code i16x8.q15mulr_sat_s}. */
    public static V128 q15mulrSatS(V128 a, V128 b) {
        return Lanes.zip16(a, b, LaneOps::i16Q15MulrSatS);
    }

    /** {@code i16x8.all_true}. */
    public static int allTrue(V128 a) {
        return Lanes.allTrue(a, 16);
    }

    /** {@code i16x8.bitmask}. */
    public static int bitmask(V128 a) {
        return Lanes.bitmask(a, 16);
    }

    /** {@code i16x8.narrow_i32x4_s}: the i32 lanes of {@code a} then {@code b}, saturated to i16. */
    public static V128 narrowI32x4S(V128 a, V128 b) {
        Lanes.Builder out = new Lanes.Builder(16);
        for (int i = 0; i < 4; i++) {
            out.set(i, LaneOps.i16NarrowI32S(Lanes.i32(a, i)));
            out.set(i + 4, LaneOps.i16NarrowI32S(Lanes.i32(b, i)));
        }
        return out.build();
    }

    /** {@code i16x8.narrow_i32x4_u}: the signed i32 lanes of {@code a} then {@code b}, saturated to u16. */
    public static V128 narrowI32x4U(V128 a, V128 b) {
        Lanes.Builder out = new Lanes.Builder(16);
        for (int i = 0; i < 4; i++) {
            out.set(i, LaneOps.i16NarrowI32U(Lanes.i32(a, i)));
            out.set(i + 4, LaneOps.i16NarrowI32U(Lanes.i32(b, i)));
        }
        return out.build();
    }

    /** {@code i16x8.extend_low_i8x16_s}. */
    public static V128 extendLowI8x16S(V128 a) {
        return extend(a, 0, true);
    }

    /** {@code i16x8.extend_high_i8x16_s}. */
    public static V128 extendHighI8x16S(V128 a) {
        return extend(a, 8, true);
    }

    /** {@code i16x8.extend_low_i8x16_u}. */
    public static V128 extendLowI8x16U(V128 a) {
        return extend(a, 0, false);
    }

    /** {@code i16x8.extend_high_i8x16_u}. */
    public static V128 extendHighI8x16U(V128 a) {
        return extend(a, 8, false);
    }

    private static V128 extend(V128 a, int from, boolean signed) {
        Lanes.Builder out = new Lanes.Builder(16);
        for (int i = 0; i < 8; i++) {
            int x = Lanes.i8(a, from + i);
            out.set(i, signed ? x : x & 0xFF);
        }
        return out.build();
    }

    /** {@code i16x8.shl}: the count is taken modulo 16. */
    public static V128 shl(V128 a, int count) {
        int n = count & 15;
        return Lanes.map16(a, x -> x << n);
    }

    /** {@code i16x8.shr_s}. */
    public static V128 shrS(V128 a, int count) {
        int n = count & 15;
        return Lanes.map16(a, x -> x >> n);
    }

    /** {@code i16x8.shr_u}. */
    public static V128 shrU(V128 a, int count) {
        int n = count & 15;
        return Lanes.map16(a, x -> (x & 0xFFFF) >>> n);
    }

    /** {@code i16x8.add}. */
    public static V128 add(V128 a, V128 b) {
        return V128.of(Lanes.swarAdd(a.lo(), b.lo(), Lanes.H16), Lanes.swarAdd(a.hi(), b.hi(), Lanes.H16));
    }

    /** {@code i16x8.add_sat_s}. */
    public static V128 addSatS(V128 a, V128 b) {
        return Lanes.zip16(a, b, LaneOps::i16AddSatS);
    }

    /** {@code i16x8.add_sat_u}. */
    public static V128 addSatU(V128 a, V128 b) {
        return Lanes.zip16(a, b, LaneOps::i16AddSatU);
    }

    /** {@code i16x8.sub}. */
    public static V128 sub(V128 a, V128 b) {
        return V128.of(Lanes.swarSub(a.lo(), b.lo(), Lanes.H16), Lanes.swarSub(a.hi(), b.hi(), Lanes.H16));
    }

    /** {@code i16x8.sub_sat_s}. */
    public static V128 subSatS(V128 a, V128 b) {
        return Lanes.zip16(a, b, LaneOps::i16SubSatS);
    }

    /** {@code i16x8.sub_sat_u}. */
    public static V128 subSatU(V128 a, V128 b) {
        return Lanes.zip16(a, b, LaneOps::i16SubSatU);
    }

    /** {@code i16x8.mul}. */
    public static V128 mul(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> x * y);
    }

    /** {@code i16x8.min_s}. */
    public static V128 minS(V128 a, V128 b) {
        return Lanes.zip16(a, b, Math::min);
    }

    /** {@code i16x8.min_u}. */
    public static V128 minU(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Math.min(x & 0xFFFF, y & 0xFFFF));
    }

    /** {@code i16x8.max_s}. */
    public static V128 maxS(V128 a, V128 b) {
        return Lanes.zip16(a, b, Math::max);
    }

    /** {@code i16x8.max_u}. */
    public static V128 maxU(V128 a, V128 b) {
        return Lanes.zip16(a, b, (x, y) -> Math.max(x & 0xFFFF, y & 0xFFFF));
    }

    /** {@code i16x8.avgr_u}. */
    public static V128 avgrU(V128 a, V128 b) {
        return Lanes.zip16(a, b, LaneOps::i16AvgrU);
    }

    /** {@code i16x8.extmul_low_i8x16_s}. */
    public static V128 extmulLowI8x16S(V128 a, V128 b) {
        return extmul(a, b, 0, true);
    }

    /** {@code i16x8.extmul_high_i8x16_s}. */
    public static V128 extmulHighI8x16S(V128 a, V128 b) {
        return extmul(a, b, 8, true);
    }

    /** {@code i16x8.extmul_low_i8x16_u}. */
    public static V128 extmulLowI8x16U(V128 a, V128 b) {
        return extmul(a, b, 0, false);
    }

    /** {@code i16x8.extmul_high_i8x16_u}. */
    public static V128 extmulHighI8x16U(V128 a, V128 b) {
        return extmul(a, b, 8, false);
    }

    private static V128 extmul(V128 a, V128 b, int from, boolean signed) {
        Lanes.Builder out = new Lanes.Builder(16);
        for (int i = 0; i < 8; i++) {
            int x = Lanes.i8(a, from + i);
            int y = Lanes.i8(b, from + i);
            out.set(i, signed ? x * y : (x & 0xFF) * (y & 0xFF));
        }
        return out.build();
    }

    /** {@code i16x8.extadd_pairwise_i8x16_s}: lane {@code i} is {@code a[2i] + a[2i+1]}, widened. */
    public static V128 extaddPairwiseI8x16S(V128 a) {
        Lanes.Builder out = new Lanes.Builder(16);
        for (int i = 0; i < 8; i++) {
            out.set(i, Lanes.i8(a, 2 * i) + Lanes.i8(a, 2 * i + 1));
        }
        return out.build();
    }

    /** {@code i16x8.extadd_pairwise_i8x16_u}. */
    public static V128 extaddPairwiseI8x16U(V128 a) {
        Lanes.Builder out = new Lanes.Builder(16);
        for (int i = 0; i < 8; i++) {
            out.set(i, (Lanes.i8(a, 2 * i) & 0xFF) + (Lanes.i8(a, 2 * i + 1) & 0xFF));
        }
        return out.build();
    }
}
