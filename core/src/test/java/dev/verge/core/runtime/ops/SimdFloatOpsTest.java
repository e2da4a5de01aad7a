package dev.verge.core.runtime.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lane-wise float SIMD: the scalar NaN and signed-zero rules hold in every lane. */
class SimdFloatOpsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "f32x4.min [f32x4 -0x0p+0 0 nan:0x200000 1] [f32x4 0 -0x0p+0 1 -nan] -> [f32x4 -0x0p+0 -0x0p+0 nan:arithmetic nan:canonical]",
        "f32x4.max [f32x4 -0x0p+0 0 nan:0x200000 1] [f32x4 0 -0x0p+0 1 -nan] -> [f32x4 0 0 nan:arithmetic nan:canonical]",
        "f32x4.pmin [f32x4 -0x0p+0 0 nan:0x200000 1] [f32x4 0 -0x0p+0 1 -nan] -> [i32x4 0x80000000 0 0x7fa00000 0x3f800000]",
        "f32x4.pmax [f32x4 -0x0p+0 0 nan:0x200000 1] [f32x4 0 -0x0p+0 1 -nan] -> [i32x4 0x80000000 0 0x7fa00000 0x3f800000]",
        "f32x4.abs [i32x4 0xffa00000 0x80000000 0xff800000 0x3f800000] -> [i32x4 0x7fa00000 0 0x7f800000 0x3f800000]",
        "f32x4.neg [i32x4 0x7fa00000 0 0xff800000 0xbf800000] -> [i32x4 0xffa00000 0x80000000 0x7f800000 0x3f800000]",
        "f32x4.nearest [f32x4 -0.5 2.5 -3.5 nan:0x200000] -> [f32x4 -0x0p+0 2 -4 nan:arithmetic]",
        "f32x4.ceil [f32x4 -0.5 0x1p-149 -inf nan] -> [f32x4 -0x0p+0 1 -inf nan:canonical]",
        "f32x4.floor [f32x4 0.5 -0x1p-149 inf -0x0p+0] -> [f32x4 0 -1 inf -0x0p+0]",
        "f32x4.trunc [f32x4 -0.5 0.5 -1.5 1.5] -> [f32x4 -0x0p+0 0 -1 1]",
        "f32x4.sqrt [f32x4 -0x0p+0 -1 4 nan:0x200000] -> [f32x4 -0x0p+0 nan:canonical 2 nan:arithmetic]",
        "f32x4.div [f32x4 1 -1 0 nan:0x200000] [f32x4 0 0 0 1] -> [f32x4 inf -inf nan:canonical nan:arithmetic]",
        "f32x4.lt [f32x4 nan 1 -0x0p+0 -inf] [f32x4 1 nan 0 inf] -> [i32x4 0 0 0 -1]",
        "f32x4.ne [f32x4 nan 1 -0x0p+0 -inf] [f32x4 nan nan 0 -inf] -> [i32x4 -1 -1 0 0]",
        "f32x4.convert_i32x4_u [i32x4 -1 0x80000080 0x80000081 16777217] -> [f32x4 0x1p+32 0x1p+31 0x1.000002p+31 16777216]",
        "f32x4.convert_i32x4_s [i32x4 -1 0x80000000 16777217 0x7fffffff] -> [f32x4 -1 -0x1p+31 16777216 0x1p+31]",
        "f32x4.demote_f64x2_zero [f64x2 0x1.fffffd0000001p+127 nan:0x4000000000000] -> [f32x4 0x1.fffffep+127 nan:arithmetic 0 0]",
    })
    void f32x4(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f64x2.min [f64x2 -0x0p+0 nan:0x4000000000000] [f64x2 0 1] -> [f64x2 -0x0p+0 nan:arithmetic]",
        "f64x2.max [f64x2 -0x0p+0 1] [f64x2 0 nan] -> [f64x2 0 nan:canonical]",
        "f64x2.pmin [f64x2 nan:0x1 1] [f64x2 0 -nan] -> [i64x2 0x7ff0000000000001 0x3ff0000000000000]",
        "f64x2.pmax [f64x2 0 -0x0p+0] [f64x2 -0x0p+0 0] -> [i64x2 0 0x8000000000000000]",
        "f64x2.abs [i64x2 0xfff0000000000001 0x8000000000000000] -> [i64x2 0x7ff0000000000001 0]",
        "f64x2.neg [i64x2 0x7ff0000000000001 0] -> [i64x2 0xfff0000000000001 0x8000000000000000]",
        "f64x2.nearest [f64x2 -0.5 -2.5] -> [f64x2 -0x0p+0 -2]",
        "f64x2.trunc [f64x2 -0x1.fffffffffffffp+51 nan:0x1] -> [f64x2 -0x1.ffffffffffffep+51 nan:arithmetic]",
        "f64x2.sqrt [f64x2 -inf 0x1.0000000000002p+0] -> [f64x2 nan:canonical 0x1.0000000000001p+0]",
        "f64x2.ge [f64x2 nan 0] [f64x2 1 -0x0p+0] -> [i64x2 0 -1]",
        "f64x2.convert_low_i32x4_s [i32x4 -1 0x80000000 7 7] -> [f64x2 -1 -2147483648]",
        "f64x2.convert_low_i32x4_u [i32x4 -1 0x80000000 7 7] -> [f64x2 4294967295 2147483648]",
        "f64x2.promote_low_f32x4 [f32x4 -0x0p+0 nan:0x200000 1 1] -> [f64x2 -0x0p+0 nan:arithmetic]",
        "f64x2.promote_low_f32x4 [f32x4 nan 0x1p-149 1 1] -> [f64x2 nan:canonical 0x1p-149]",
    })
    void f64x2(String line) {
        Cases.check(line);
    }
}
