package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/** The {@code i32x4} instructions. Lane immediates come last, after the operands. */
public final class I32x4Ops {
    private I32x4Ops() {}

    /** {@code i32x4.splat}. */
    public static V128 splat(int x) {
        long h = (x & 0xFFFF_FFFFL) * 0x0000_0001_0000_0001L;
        return V128.of(h, h);
    }

    /** {@code i32x4.extract_lane}. */
    public static int extractLane(V128 a, int lane) {
        return Lanes.i32(a, lane);
    }

    /** {@code i32x4.replace_lane}. */
    public static V128 replaceLane(V128 a, int x, int lane) {
        int shift = (lane & 1) * 32;
        long mask = 0xFFFF_FFFFL << shift;
        long v = (x & 0xFFFF_FFFFL) << shift;
        return lane < 2 ? V128.of(a.lo() & ~mask | v, a.hi()) : V128.of(a.lo(), a.hi() & ~mask | v);
    }

    /** {@code i32x4.eq}. */
    public static V128 eq(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(x == y));
    }

    /** {@code i32x4.ne}. */
    public static V128 ne(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(x != y));
    }

    /** {@code i32x4.lt_s}. */
    public static V128 ltS(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(x < y));
    }

    /** {@code i32x4.lt_u}. */
    public static V128 ltU(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(Integer.compareUnsigned(x, y) < 0));
    }

    /** {@code i32x4.gt_s}. */
    public static V128 gtS(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(x > y));
    }

    /** {@code i32x4.gt_u}. */
    public static V128 gtU(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(Integer.compareUnsigned(x, y) > 0));
    }

    /** {@code i32x4.le_s}. */
    public static V128 leS(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(x <= y));
    }

    /** {@code i32x4.le_u}. */
    public static V128 leU(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(Integer.compareUnsigned(x, y) <= 0));
    }

    /** {@code i32x4.ge_s}. */
    public static V128 geS(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(x >= y));
    }

    /** {@code i32x4.ge_u}. */
    public static V128 geU(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Lanes.mask(Integer.compareUnsigned(x, y) >= 0));
    }

    /** {@code i32x4.abs}: wraps, so {@code abs(MIN) = MIN}. */
    public static V128 abs(V128 a) {
        return Lanes.map32(a, Math::abs);
    }

    /** {@code i32x4.neg}. */
    public static V128 neg(V128 a) {
        return Lanes.map32(a, x -> -x);
    }

    /** {@code i32x4.all_true}. */
    public static int allTrue(V128 a) {
        return Lanes.allTrue(a, 32);
    }

    /** {@code i32x4.bitmask}. */
    public static int bitmask(V128 a) {
        return Lanes.bitmask(a, 32);
    }

    /** {@code i32x4.extend_low_i16x8_s}. */
    public static V128 extendLowI16x8S(V128 a) {
        return Lanes.of32(new int[] {Lanes.i16(a, 0), Lanes.i16(a, 1), Lanes.i16(a, 2), Lanes.i16(a, 3)});
    }

    /** {@code i32x4.extend_high_i16x8_s}. */
    public static V128 extendHighI16x8S(V128 a) {
        return Lanes.of32(new int[] {Lanes.i16(a, 4), Lanes.i16(a, 5), Lanes.i16(a, 6), Lanes.i16(a, 7)});
    }

    /** {@code i32x4.extend_low_i16x8_u}. */
    public static V128 extendLowI16x8U(V128 a) {
        return Lanes.map32(extendLowI16x8S(a), x -> x & 0xFFFF);
    }

    /** {@code i32x4.extend_high_i16x8_u}. */
    public static V128 extendHighI16x8U(V128 a) {
        return Lanes.map32(extendHighI16x8S(a), x -> x & 0xFFFF);
    }

    /** {@code i32x4.shl}: the count is taken modulo 32. */
    public static V128 shl(V128 a, int count) {
        return Lanes.map32(a, x -> x << count);
    }

    /** {@code i32x4.shr_s}. */
    public static V128 shrS(V128 a, int count) {
        return Lanes.map32(a, x -> x >> count);
    }

    /** {@code i32x4.shr_u}. */
    public static V128 shrU(V128 a, int count) {
        return Lanes.map32(a, x -> x >>> count);
    }

    /** {@code i32x4.add}. */
    public static V128 add(V128 a, V128 b) {
        return V128.of(Lanes.swarAdd(a.lo(), b.lo(), Lanes.H32), Lanes.swarAdd(a.hi(), b.hi(), Lanes.H32));
    }

    /** {@code i32x4.sub}. */
    public static V128 sub(V128 a, V128 b) {
        return V128.of(Lanes.swarSub(a.lo(), b.lo(), Lanes.H32), Lanes.swarSub(a.hi(), b.hi(), Lanes.H32));
    }

    /** {@code i32x4.mul}. */
    public static V128 mul(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> x * y);
    }

    /** {@code i32x4.min_s}. */
    public static V128 minS(V128 a, V128 b) {
        return Lanes.zip32(a, b, Math::min);
    }

    /** {@code i32x4.min_u}. */
    public static V128 minU(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Integer.compareUnsigned(x, y) <= 0 ? x : y);
    }

    /** {@code i32x4.max_s}. */
    public static V128 maxS(V128 a, V128 b) {
        return Lanes.zip32(a, b, Math::max);
    }

    /** {@code i32x4.max_u}. */
    public static V128 maxU(V128 a, V128 b) {
        return Lanes.zip32(a, b, (x, y) -> Integer.compareUnsigned(x, y) >= 0 ? x : y);
    }

    /** {@code i32x4.dot_i16x8_s}: lane {@code i} is {@code a[2i]*b[2i] + a[2i+1]*b[2i+1]}, wrapping. */
    public static V128 dotI16x8S(V128 a, V128 b) {
        Lanes.Builder out = new Lanes.Builder(32);
        for (int i = 0; i < 4; i++) {
            out.set(i, Lanes.i16(a, 2 * i) * Lanes.i16(b, 2 * i) + Lanes.i16(a, 2 * i + 1) * Lanes.i16(b, 2 * i + 1));
        }
        return out.build();
    }

    /** {@code i32x4.extmul_low_i16x8_s}. */
    public static V128 extmulLowI16x8S(V128 a, V128 b) {
        return extmul(a, b, 0, true);
    }

    /** {@code i32x4.extmul_high_i16x8_s}. */
    public static V128 extmulHighI16x8S(V128 a, V128 b) {
        return extmul(a, b, 4, true);
    }

    /** {@code i32x4.extmul_low_i16x8_u}. */
    public static V128 extmulLowI16x8U(V128 a, V128 b) {
        return extmul(a, b, 0, false);
    }

    /** {@code i32x4.extmul_high_i16x8_u}. */
    public static V128 extmulHighI16x8U(V128 a, V128 b) {
        return extmul(a, b, 4, false);
    }

    private static V128 extmul(V128 a, V128 b, int from, boolean signed) {
        Lanes.Builder out = new Lanes.Builder(32);
        for (int i = 0; i < 4; i++) {
            int x = Lanes.i16(a, from + i);
            int y = Lanes.i16(b, from + i);
            out.set(i, signed ? x * y : (x & 0xFFFF) * (y & 0xFFFF));
        }
        return out.build();
    }

    /** {@code i32x4.extadd_pairwise_i16x8_s}. */
    public static V128 extaddPairwiseI16x8S(V128 a) {
        Lanes.Builder out = new Lanes.Builder(32);
        for (int i = 0; i < 4; i++) {
            out.set(i, Lanes.i16(a, 2 * i) + Lanes.i16(a, 2 * i + 1));
        }
        return out.build();
    }

    /** {@code i32x4.extadd_pairwise_i16x8_u}. */
    public static V128 extaddPairwiseI16x8U(V128 a) {
        Lanes.Builder out = new Lanes.Builder(32);
        for (int i = 0; i < 4; i++) {
            out.set(i, (Lanes.i16(a, 2 * i) & 0xFFFF) + (Lanes.i16(a, 2 * i + 1) & 0xFFFF));
        }
        return out.build();
    }

    /** {@code i32x4.trunc_sat_f32x4_s}: {@link ConvertOps#i32TruncSatF32S} per lane. */
    public static V128 truncSatF32x4S(V128 a) {
        return Lanes.of32(new int[] {
            ConvertOps.i32TruncSatF32S(Lanes.f32(a, 0)), ConvertOps.i32TruncSatF32S(Lanes.f32(a, 1)),
            ConvertOps.i32TruncSatF32S(Lanes.f32(a, 2)), ConvertOps.i32TruncSatF32S(Lanes.f32(a, 3))
        });
    }

    /** {@code i32x4.trunc_sat_f32x4_u}: {@link ConvertOps#i32TruncSatF32U} per lane. */
    public static V128 truncSatF32x4U(V128 a) {
        return Lanes.of32(new int[] {
            ConvertOps.i32TruncSatF32U(Lanes.f32(a, 0)), ConvertOps.i32TruncSatF32U(Lanes.f32(a, 1)),
            ConvertOps.i32TruncSatF32U(Lanes.f32(a, 2)), ConvertOps.i32TruncSatF32U(Lanes.f32(a, 3))
        });
    }

    /** {@code i32x4.trunc_sat_f64x2_s_zero}: the two f64 lanes truncated into lanes 0-1, then zeros. */
    public static V128 truncSatF64x2SZero(V128 a) {
        return Lanes.of32(new int[] {
            ConvertOps.i32TruncSatF64S(Lanes.f64(a, 0)), ConvertOps.i32TruncSatF64S(Lanes.f64(a, 1)), 0, 0
        });
    }

    /** {@code i32x4.trunc_sat_f64x2_u_zero}. */
    public static V128 truncSatF64x2UZero(V128 a) {
        return Lanes.of32(new int[] {
            ConvertOps.i32TruncSatF64U(Lanes.f64(a, 0)), ConvertOps.i32TruncSatF64U(Lanes.f64(a, 1)), 0, 0
        });
    }
}
