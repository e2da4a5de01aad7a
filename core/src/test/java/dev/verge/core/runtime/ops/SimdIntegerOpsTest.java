package dev.verge.core.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.runtime.V128;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lane-wise integer SIMD: wrapping, saturation, unsigned views, shift counts, widening. */
class SimdIntegerOpsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "i8x16.add [i8x16 127 -128 -1 0 1 2 3 4 5 6 7 8 9 10 11 12] [i8x16 1 -1 1 0 0 0 0 0 0 0 0 0 0 0 0 -12]"
            + " -> [i8x16 -128 127 0 0 1 2 3 4 5 6 7 8 9 10 11 0]",
        "i8x16.add_sat_s [i8x16 127 -128 -1 100 0 0 0 0 0 0 0 0 0 0 0 0] [i8x16 1 -1 1 100 0 0 0 0 0 0 0 0 0 0 0 -128]"
            + " -> [i8x16 127 -128 0 127 0 0 0 0 0 0 0 0 0 0 0 -128]",
        "i8x16.sub_sat_u [i8x16 0 255 128 1 0 0 0 0 0 0 0 0 0 0 0 0] [i8x16 1 254 129 1 0 0 0 0 0 0 0 0 0 0 0 0]"
            + " -> [i8x16 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0]",
        "i8x16.min_u [i8x16 -1 0 1 2 3 4 5 6 7 8 9 10 11 12 13 -128] [i8x16 1 -1 1 2 3 4 5 6 7 8 9 10 11 12 13 127]"
            + " -> [i8x16 1 0 1 2 3 4 5 6 7 8 9 10 11 12 13 127]",
        "i8x16.max_s [i8x16 -1 0 1 2 3 4 5 6 7 8 9 10 11 12 13 -128] [i8x16 1 -1 1 2 3 4 5 6 7 8 9 10 11 12 13 127]"
            + " -> [i8x16 1 0 1 2 3 4 5 6 7 8 9 10 11 12 13 127]",
        "i8x16.lt_u [i8x16 -1 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0] [i8x16 1 -1 1 0 0 0 0 0 0 0 0 0 0 0 0 0]"
            + " -> [i8x16 0 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0]",
        "i8x16.lt_s [i8x16 -1 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0] [i8x16 1 -1 1 0 0 0 0 0 0 0 0 0 0 0 0 0]"
            + " -> [i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0]",
        "i8x16.abs [i8x16 -128 -127 -1 0 1 127 0 0 0 0 0 0 0 0 0 0] -> [i8x16 -128 127 1 0 1 127 0 0 0 0 0 0 0 0 0 0]",
        "i8x16.neg [i8x16 -128 -127 -1 0 1 127 0 0 0 0 0 0 0 0 0 0] -> [i8x16 -128 127 1 0 -1 -127 0 0 0 0 0 0 0 0 0 0]",
        "i8x16.popcnt [i8x16 -1 0 1 3 7 0x55 0x80 0 0 0 0 0 0 0 0 0] -> [i8x16 8 0 1 2 3 4 1 0 0 0 0 0 0 0 0 0]",
        "i8x16.shl [i8x16 1 -1 0x40 0 0 0 0 0 0 0 0 0 0 0 0 0] 9 -> [i8x16 2 -2 -128 0 0 0 0 0 0 0 0 0 0 0 0 0]",
        "i8x16.shr_s [i8x16 -128 -1 0x40 0 0 0 0 0 0 0 0 0 0 0 0 0] 15 -> [i8x16 -1 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0]",
        "i8x16.shr_u [i8x16 -128 -1 0x40 0 0 0 0 0 0 0 0 0 0 0 0 0] -1 -> [i8x16 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0]",
        "i8x16.narrow_i16x8_s [i16x8 128 -129 -1 127 0 0 0 0] [i16x8 0x7fff 0x8000 1 -128 0 0 0 0]"
            + " -> [i8x16 127 -128 -1 127 0 0 0 0 127 -128 1 -128 0 0 0 0]",
        "i8x16.narrow_i16x8_u [i16x8 256 -1 255 127 0 0 0 0] [i16x8 0x7fff 0x8000 1 -128 0 0 0 0]"
            + " -> [i8x16 255 0 255 127 0 0 0 0 255 0 1 0 0 0 0 0]",
        "i8x16.avgr_u [i8x16 255 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0] [i8x16 255 255 2 0 0 0 0 0 0 0 0 0 0 0 0 0]"
            + " -> [i8x16 255 128 2 0 0 0 0 0 0 0 0 0 0 0 0 0]",
    })
    void i8x16(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i16x8.mul [i16x8 0x4000 -1 3 0 0 0 0 0] [i16x8 4 -1 -3 0 0 0 0 0] -> [i16x8 0 1 -9 0 0 0 0 0]",
        "i16x8.sub_sat_s [i16x8 -32768 32767 0 0 0 0 0 0] [i16x8 1 -1 -32768 0 0 0 0 0] -> [i16x8 -32768 32767 32767 0 0 0 0 0]",
        "i16x8.q15mulr_sat_s [i16x8 -32768 -32768 16384 -1 0 0 0 0] [i16x8 -32768 32767 16384 16384 0 0 0 0]"
            + " -> [i16x8 32767 -32767 8192 0 0 0 0 0]",
        "i16x8.shr_s [i16x8 -32768 1 0 0 0 0 0 0] 17 -> [i16x8 -16384 0 0 0 0 0 0 0]",
        "i16x8.extend_high_i8x16_s [i8x16 0 0 0 0 0 0 0 0 -1 -128 127 1 0 0 0 0] -> [i16x8 -1 -128 127 1 0 0 0 0]",
        "i16x8.extend_low_i8x16_u [i8x16 -1 -128 127 1 0 0 0 0 0 0 0 0 0 0 0 0] -> [i16x8 255 128 127 1 0 0 0 0]",
        "i16x8.extmul_low_i8x16_s [i8x16 -128 -128 127 0 0 0 0 0 0 0 0 0 0 0 0 0] [i8x16 -128 127 127 0 0 0 0 0 0 0 0 0 0 0 0 0]"
            + " -> [i16x8 16384 -16256 16129 0 0 0 0 0]",
        "i16x8.extmul_high_i8x16_u [i8x16 0 0 0 0 0 0 0 0 -1 2 0 0 0 0 0 0] [i8x16 0 0 0 0 0 0 0 0 -1 -1 0 0 0 0 0 0]"
            + " -> [i16x8 65025 510 0 0 0 0 0 0]",
        "i16x8.extadd_pairwise_i8x16_s [i8x16 -128 -128 127 127 -1 1 0 0 0 0 0 0 0 0 0 0] -> [i16x8 -256 254 0 0 0 0 0 0]",
        "i16x8.extadd_pairwise_i8x16_u [i8x16 -1 -1 127 127 -1 1 0 0 0 0 0 0 0 0 0 0] -> [i16x8 510 254 256 0 0 0 0 0]",
        "i16x8.narrow_i32x4_u [i32x4 65536 -1 65535 32768] [i32x4 0 0 0 0] -> [i16x8 65535 0 65535 32768 0 0 0 0]",
        "i16x8.ge_u [i16x8 0xffff 0 1 0 0 0 0 0] [i16x8 0 0xffff 1 0 0 0 0 0] -> [i16x8 -1 0 -1 -1 -1 -1 -1 -1]",
    })
    void i16x8(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32x4.min_u [i32x4 -1 0 0x80000000 5] [i32x4 1 -1 0x7fffffff 5] -> [i32x4 1 0 0x7fffffff 5]",
        "i32x4.max_s [i32x4 -1 0 0x80000000 5] [i32x4 1 -1 0x7fffffff 5] -> [i32x4 1 0 0x7fffffff 5]",
        "i32x4.gt_u [i32x4 -1 0 0x80000000 5] [i32x4 1 -1 0x7fffffff 5] -> [i32x4 -1 0 -1 0]",
        "i32x4.shl [i32x4 1 -1 0 0] 33 -> [i32x4 2 -2 0 0]",
        "i32x4.shr_u [i32x4 -1 0x80000000 0 0] 63 -> [i32x4 1 1 0 0]",
        "i32x4.dot_i16x8_s [i16x8 -32768 -32768 1 2 0 0 -1 1] [i16x8 -32768 -32768 3 4 0 0 -1 1]"
            + " -> [i32x4 0x80000000 11 0 2]",
        "i32x4.extmul_high_i16x8_u [i16x8 0 0 0 0 -1 2 0 0] [i16x8 0 0 0 0 -1 -1 0 0] -> [i32x4 0xfffe0001 131070 0 0]",
        "i32x4.extadd_pairwise_i16x8_s [i16x8 -32768 -32768 32767 32767 0 0 0 0] -> [i32x4 -65536 65534 0 0]",
        "i32x4.trunc_sat_f32x4_s [f32x4 nan -inf 0x1p+31 -1.9] -> [i32x4 0 0x80000000 0x7fffffff -1]",
        "i32x4.trunc_sat_f32x4_u [f32x4 nan -1.9 0x1p+32 4294967040.0] -> [i32x4 0 0 -1 -256]",
        "i32x4.trunc_sat_f64x2_s_zero [f64x2 -2147483649.0 2147483647.9] -> [i32x4 0x80000000 0x7fffffff 0 0]",
        "i32x4.trunc_sat_f64x2_u_zero [f64x2 -0.9 4294967296.0] -> [i32x4 0 -1 0 0]",
    })
    void i32x4(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i64x2.mul [i64x2 0x100000001 -1] [i64x2 0x100000001 -1] -> [i64x2 0x200000001 1]",
        "i64x2.abs [i64x2 0x8000000000000000 -5] -> [i64x2 0x8000000000000000 5]",
        "i64x2.lt_s [i64x2 -1 0x7fffffffffffffff] [i64x2 0 0x8000000000000000] -> [i64x2 -1 0]",
        "i64x2.ne [i64x2 1 2] [i64x2 1 3] -> [i64x2 0 -1]",
        "i64x2.shr_s [i64x2 0x8000000000000000 2] 65 -> [i64x2 0xc000000000000000 1]",
        "i64x2.extend_high_i32x4_s [i32x4 0 0 -1 0x80000000] -> [i64x2 -1 0xffffffff80000000]",
        "i64x2.extend_low_i32x4_u [i32x4 -1 0x80000000 0 0] -> [i64x2 0xffffffff 0x80000000]",
        "i64x2.extmul_low_i32x4_s [i32x4 0x80000000 -1 0 0] [i32x4 0x80000000 0x7fffffff 0 0] -> [i64x2 0x4000000000000000 -0x7fffffff]",
        "i64x2.extmul_high_i32x4_u [i32x4 0 0 -1 2] [i32x4 0 0 -1 -1] -> [i64x2 0xfffffffe00000001 0x1fffffffe]",
        "v128.andnot [i64x2 0xff00ff00ff00ff00 -1] [i64x2 0xf0f0f0f0f0f0f0f0 0] -> [i64x2 0x0f000f000f000f00 -1]",
        "v128.bitselect [i64x2 -1 0] [i64x2 0 -1] [i64x2 0x00000000ffffffff 0xffff000000000000]"
            + " -> [i64x2 0x00000000ffffffff 0x0000ffffffffffff]",
    })
    void i64x2AndBitwise(String line) {
        Cases.check(line);
    }

    /** The whole-long (SWAR) add and sub agree with lane-by-lane arithmetic on random vectors. */
    @Test
    void wholeLongAddAndSubMatchLaneByLane() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 20_000; i++) {
            V128 a = V128.of(random.nextLong(), random.nextLong());
            V128 b = V128.of(random.nextLong(), random.nextLong());
            assertEquals(Lanes.zip8(a, b, Integer::sum), I8x16Ops.add(a, b));
            assertEquals(Lanes.zip8(a, b, (x, y) -> x - y), I8x16Ops.sub(a, b));
            assertEquals(Lanes.zip16(a, b, Integer::sum), I16x8Ops.add(a, b));
            assertEquals(Lanes.zip16(a, b, (x, y) -> x - y), I16x8Ops.sub(a, b));
            assertEquals(Lanes.zip32(a, b, Integer::sum), I32x4Ops.add(a, b));
            assertEquals(Lanes.zip32(a, b, (x, y) -> x - y), I32x4Ops.sub(a, b));
        }
    }
}
