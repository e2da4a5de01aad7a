package dev.verge.core.runtime.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Float-to-integer truncation, trapping and saturating, at the exact edges of each target range:
 * the last representable operand that fits and the first that does not, on both sides.
 */
class TruncationTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "i32.trunc_f32_s -0x1p-149 -> 0",
        "i32.trunc_f32_s -0x1.fffffep-1 -> 0",
        "i32.trunc_f32_s -1.9 -> -1",
        "i32.trunc_f32_s 1.9 -> 1",
        "i32.trunc_f32_s 0x1.fffffep+30 -> 2147483520",
        "i32.trunc_f32_s 0x1p+31 !! integer overflow",
        "i32.trunc_f32_s -0x1p+31 -> -2147483648",
        "i32.trunc_f32_s -0x1.000002p+31 !! integer overflow",
        "i32.trunc_f32_s inf !! integer overflow",
        "i32.trunc_f32_s -inf !! integer overflow",
        "i32.trunc_f32_s nan !! invalid conversion to integer",
        "i32.trunc_f32_s -nan:0x200000 !! invalid conversion to integer",
        "i32.trunc_f32_u -0x1.fffffep-1 -> 0",
        "i32.trunc_f32_u -1.0 !! integer overflow",
        "i32.trunc_f32_u 0x1p+31 -> 0x80000000",
        "i32.trunc_f32_u 0x1.fffffep+31 -> 0xffffff00",
        "i32.trunc_f32_u 0x1p+32 !! integer overflow",
        "i32.trunc_f32_u -inf !! integer overflow",
        "i32.trunc_f32_u nan:0x200000 !! invalid conversion to integer",
        "i32.trunc_f64_s 0x1.fffffffffffffp+30 -> 2147483647",
        "i32.trunc_f64_s 2147483648.0 !! integer overflow",
        "i32.trunc_f64_s -0x1.00000001fffffp+31 -> -2147483648",
        "i32.trunc_f64_s -2147483649.0 !! integer overflow",
        "i32.trunc_f64_s -0x0.0000000000001p-1022 -> 0",
        "i32.trunc_f64_s -nan !! invalid conversion to integer",
        "i32.trunc_f64_u -0x1.fffffffffffffp-1 -> 0",
        "i32.trunc_f64_u -1.0 !! integer overflow",
        "i32.trunc_f64_u 4294967295.9 -> 0xffffffff",
        "i32.trunc_f64_u 4294967296.0 !! integer overflow",
        "i32.trunc_f64_u 1e16 !! integer overflow",
        "i32.trunc_f64_u 9223372036854775808 !! integer overflow",
        "i32.trunc_f64_u nan:0x4000000000000 !! invalid conversion to integer",
    })
    void trappingToI32(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i64.trunc_f32_s 0x1.fffffep+62 -> 0x7fffff8000000000",
        "i64.trunc_f32_s 0x1p+63 !! integer overflow",
        "i64.trunc_f32_s -0x1p+63 -> 0x8000000000000000",
        "i64.trunc_f32_s -0x1.000002p+63 !! integer overflow",
        "i64.trunc_f32_s -4294967296 -> -4294967296",
        "i64.trunc_f32_s nan !! invalid conversion to integer",
        "i64.trunc_f32_u -0x1.fffffep-1 -> 0",
        "i64.trunc_f32_u -1.0 !! integer overflow",
        "i64.trunc_f32_u 0x1p+63 -> 0x8000000000000000",
        "i64.trunc_f32_u 0x1.fffffep+63 -> 0xffffff0000000000",
        "i64.trunc_f32_u 0x1p+64 !! integer overflow",
        "i64.trunc_f32_u inf !! integer overflow",
        "i64.trunc_f32_u -nan !! invalid conversion to integer",
        "i64.trunc_f64_s 0x1.fffffffffffffp+62 -> 0x7ffffffffffffc00",
        "i64.trunc_f64_s 0x1p+63 !! integer overflow",
        "i64.trunc_f64_s -0x1p+63 -> 0x8000000000000000",
        "i64.trunc_f64_s -0x1.0000000000001p+63 !! integer overflow",
        "i64.trunc_f64_s -1.9 -> -1",
        "i64.trunc_f64_s -inf !! integer overflow",
        "i64.trunc_f64_s nan:0x1 !! invalid conversion to integer",
        "i64.trunc_f64_u -0x1.fffffffffffffp-1 -> 0",
        "i64.trunc_f64_u -1.0 !! integer overflow",
        "i64.trunc_f64_u 0x1.fffffffffffffp+62 -> 0x7ffffffffffffc00",
        "i64.trunc_f64_u 0x1p+63 -> 0x8000000000000000",
        "i64.trunc_f64_u 0x1.0000000000001p+63 -> 0x8000000000000800",
        "i64.trunc_f64_u 0x1.fffffffffffffp+63 -> 0xfffffffffffff800",
        "i64.trunc_f64_u 0x1p+64 !! integer overflow",
        "i64.trunc_f64_u 1e16 -> 10000000000000000",
        "i64.trunc_f64_u -nan:0x4000000000000 !! invalid conversion to integer",
    })
    void trappingToI64(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32.trunc_sat_f32_s 0x1.fffffep+30 -> 2147483520",
        "i32.trunc_sat_f32_s 0x1p+31 -> 0x7fffffff",
        "i32.trunc_sat_f32_s -0x1.000002p+31 -> 0x80000000",
        "i32.trunc_sat_f32_s inf -> 0x7fffffff",
        "i32.trunc_sat_f32_s -inf -> 0x80000000",
        "i32.trunc_sat_f32_s -nan:0x200000 -> 0",
        "i32.trunc_sat_f32_s -1.9 -> -1",
        "i32.trunc_sat_f32_u -0x1.fffffep-1 -> 0",
        "i32.trunc_sat_f32_u -1.0 -> 0",
        "i32.trunc_sat_f32_u -inf -> 0",
        "i32.trunc_sat_f32_u 0x1.fffffep+31 -> 0xffffff00",
        "i32.trunc_sat_f32_u 0x1p+32 -> 0xffffffff",
        "i32.trunc_sat_f32_u inf -> 0xffffffff",
        "i32.trunc_sat_f32_u nan -> 0",
        "i32.trunc_sat_f64_s 2147483647.9 -> 0x7fffffff",
        "i32.trunc_sat_f64_s 2147483648.0 -> 0x7fffffff",
        "i32.trunc_sat_f64_s -2147483648.9 -> 0x80000000",
        "i32.trunc_sat_f64_s -2147483649.0 -> 0x80000000",
        "i32.trunc_sat_f64_s nan:0x4000000000000 -> 0",
        "i32.trunc_sat_f64_u 4294967295.9 -> 0xffffffff",
        "i32.trunc_sat_f64_u 4294967296.0 -> 0xffffffff",
        "i32.trunc_sat_f64_u 1e30 -> 0xffffffff",
        "i32.trunc_sat_f64_u 0x1p+31 -> 0x80000000",
        "i32.trunc_sat_f64_u -0.9 -> 0",
        "i32.trunc_sat_f64_u -1e30 -> 0",
        "i32.trunc_sat_f64_u -nan -> 0",
    })
    void saturatingToI32(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i64.trunc_sat_f32_s 0x1.fffffep+62 -> 0x7fffff8000000000",
        "i64.trunc_sat_f32_s 0x1p+63 -> 0x7fffffffffffffff",
        "i64.trunc_sat_f32_s -0x1.000002p+63 -> 0x8000000000000000",
        "i64.trunc_sat_f32_s -inf -> 0x8000000000000000",
        "i64.trunc_sat_f32_s nan -> 0",
        "i64.trunc_sat_f32_u -0x1.fffffep-1 -> 0",
        "i64.trunc_sat_f32_u -1.0 -> 0",
        "i64.trunc_sat_f32_u 0x1.fffffep+63 -> 0xffffff0000000000",
        "i64.trunc_sat_f32_u 0x1p+64 -> 0xffffffffffffffff",
        "i64.trunc_sat_f32_u inf -> 0xffffffffffffffff",
        "i64.trunc_sat_f32_u -nan:0x200000 -> 0",
        "i64.trunc_sat_f64_s 0x1.fffffffffffffp+62 -> 0x7ffffffffffffc00",
        "i64.trunc_sat_f64_s 0x1p+63 -> 0x7fffffffffffffff",
        "i64.trunc_sat_f64_s -0x1.0000000000001p+63 -> 0x8000000000000000",
        "i64.trunc_sat_f64_s inf -> 0x7fffffffffffffff",
        "i64.trunc_sat_f64_s -nan:0x1 -> 0",
        "i64.trunc_sat_f64_u -0x1.fffffffffffffp-1 -> 0",
        "i64.trunc_sat_f64_u -1.0 -> 0",
        "i64.trunc_sat_f64_u -0x1p+63 -> 0",
        "i64.trunc_sat_f64_u -inf -> 0",
        "i64.trunc_sat_f64_u 0x1.fffffffffffffp+62 -> 0x7ffffffffffffc00",
        "i64.trunc_sat_f64_u 0x1p+63 -> 0x8000000000000000",
        "i64.trunc_sat_f64_u 0x1.fffffffffffffp+63 -> 0xfffffffffffff800",
        "i64.trunc_sat_f64_u 0x1p+64 -> 0xffffffffffffffff",
        "i64.trunc_sat_f64_u 1e30 -> 0xffffffffffffffff",
        "i64.trunc_sat_f64_u inf -> 0xffffffffffffffff",
        "i64.trunc_sat_f64_u nan -> 0",
        "i64.trunc_sat_f64_u nan:0x4000000000000 -> 0",
    })
    void saturatingToI64(String line) {
        Cases.check(line);
    }
}
