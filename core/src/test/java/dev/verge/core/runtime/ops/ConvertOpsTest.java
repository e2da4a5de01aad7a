package dev.verge.core.runtime.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Width changes, integer-to-float rounding (the unsigned 64-bit cases are where double rounding
 * would show), demote and promote with their NaN rules, and reinterpretation.
 */
class ConvertOpsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "i32.wrap_i64 0xffffffff7fffffff -> 0x7fffffff",
        "i32.wrap_i64 0x0000000100000001 -> 1",
        "i32.wrap_i64 -1 -> -1",
        "i64.extend_i32_s 0x80000000 -> 0xffffffff80000000",
        "i64.extend_i32_s 0x7fffffff -> 0x7fffffff",
        "i64.extend_i32_u 0x80000000 -> 0x80000000",
        "i64.extend_i32_u -10000 -> 0xffffd8f0",
        "i64.extend_i32_u -1 -> 0xffffffff",
    })
    void integerWidthChanges(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f32.convert_i32_s 16777217 -> 16777216.0",
        "f32.convert_i32_s -16777219 -> -16777220.0",
        "f32.convert_i32_s 2147483647 -> 2147483648",
        "f32.convert_i32_u 0xffffffff -> 4294967296.0",
        "f32.convert_i32_u 0x80000080 -> 0x1p+31",
        "f32.convert_i32_u 0x80000081 -> 0x1.000002p+31",
        "f32.convert_i32_u 0xfffffe80 -> 0x1.fffffcp+31",
        "f32.convert_i32_u 0xfffffe81 -> 0x1.fffffep+31",
        "f32.convert_i32_u 16777219 -> 16777220.0",
        "f32.convert_i64_s 0x7fffff4000000001 -> 0x1.fffffep+62",
        "f32.convert_i64_s 0x8000004000000001 -> -0x1.fffffep+62",
        "f32.convert_i64_s 0x0020000020000001 -> 0x1.000002p+53",
        "f32.convert_i64_s 0xffdfffffdfffffff -> -0x1.000002p+53",
        "f32.convert_i64_u 0xffffffffffffffff -> 0x1p+64",
        "f32.convert_i64_u 0x8000000000000000 -> 0x1p+63",
        "f32.convert_i64_u 0x0020000020000001 -> 0x1.000002p+53",
        "f32.convert_i64_u 0x7fffffbfffffffff -> 0x1.fffffep+62",
        "f32.convert_i64_u 0x8000008000000001 -> 0x1.000002p+63",
        "f32.convert_i64_u 0x8000008000000000 -> 0x1p+63",
        "f32.convert_i64_u 0x8000018000000000 -> 0x1.000004p+63",
        "f32.convert_i64_u 0xfffffe8000000001 -> 0x1.fffffep+63",
        "f32.convert_i64_u 0xffffff7fffffffff -> 0x1.fffffep+63",
        "f32.convert_i64_u 0xffffff8000000000 -> 0x1p+64",
        "f64.convert_i32_s -2147483648 -> -2147483648",
        "f64.convert_i32_u 0xffffffff -> 4294967295.0",
        "f64.convert_i32_u 0x80000000 -> 2147483648",
        "f64.convert_i64_s 9007199254740993 -> 9007199254740992",
        "f64.convert_i64_s -9007199254740995 -> -9007199254740996",
        "f64.convert_i64_u 0xffffffffffffffff -> 0x1p+64",
        "f64.convert_i64_u 0x8000000000000400 -> 0x1p+63",
        "f64.convert_i64_u 0x8000000000000401 -> 0x1.0000000000001p+63",
        "f64.convert_i64_u 0x8000000000000c00 -> 0x1.0000000000002p+63",
        "f64.convert_i64_u 0xfffffffffffff400 -> 0x1.ffffffffffffep+63",
        "f64.convert_i64_u 0xfffffffffffff401 -> 0x1.fffffffffffffp+63",
        "f64.convert_i64_u 0xfffffffffffffbff -> 0x1.fffffffffffffp+63",
        "f64.convert_i64_u 0xfffffffffffffc00 -> 0x1p+64",
        "f64.convert_i64_u 9007199254740993 -> 9007199254740992",
    })
    void integerToFloatRoundsOnceToNearestEven(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f32.demote_f64 -0x0p+0 -> -0x0p+0",
        "f32.demote_f64 -0x0.0000000000001p-1022 -> -0x0p+0",
        "f32.demote_f64 0x1.fffffe0000000p-127 -> 0x1p-126",
        "f32.demote_f64 0x1.fffffdfffffffp-127 -> 0x1.fffffcp-127",
        "f32.demote_f64 0x1p-149 -> 0x1p-149",
        "f32.demote_f64 0x1.0p-150 -> 0x0p+0",
        "f32.demote_f64 0x1.0000000000001p-150 -> 0x1p-149",
        "f32.demote_f64 0x1.fffffd0000000p+127 -> 0x1.fffffcp+127",
        "f32.demote_f64 0x1.fffffefffffffp+127 -> 0x1.fffffep+127",
        "f32.demote_f64 0x1.ffffffp+127 -> inf",
        "f32.demote_f64 -0x1.ffffffp+127 -> -inf",
        "f32.demote_f64 0x1.0000010000000p+0 -> 0x1p+0",
        "f32.demote_f64 0x1.0000030000000p+0 -> 0x1.000004p+0",
        "f32.demote_f64 -0x1.6972b30cfb562p+1 -> -0x1.6972b4p+1",
        "f32.demote_f64 nan -> nan:canonical",
        "f32.demote_f64 -nan -> nan:canonical",
        "f32.demote_f64 nan:0x4000000000000 -> nan:arithmetic",
        "f32.demote_f64 -nan:0x4000000000000 -> nan:arithmetic",
        "f32.demote_f64 nan:0x1 -> nan:arithmetic",
        "f32.demote_f64 nan:0x7ffffe0000000 -> nan:0x7fffff",
        "f32.demote_f64 -nan:0x0000020000000 -> -nan:0x400001",
        "f64.promote_f32 -0x0p+0 -> -0x0p+0",
        "f64.promote_f32 0x1p-149 -> 0x1p-149",
        "f64.promote_f32 -0x1.fffffep+127 -> -0x1.fffffep+127",
        "f64.promote_f32 0x1.8f867ep+125 -> 6.6382536710104395e+37",
        "f64.promote_f32 -inf -> -inf",
        "f64.promote_f32 nan -> nan:canonical",
        "f64.promote_f32 -nan -> nan:canonical",
        "f64.promote_f32 nan:0x200000 -> nan:arithmetic",
        "f64.promote_f32 -nan:0x200000 -> nan:arithmetic",
        "f64.promote_f32 nan:0x1 -> nan:0x8000020000000",
        "f64.promote_f32 -nan:0x7fffff -> -nan:0xfffffe0000000",
    })
    void demoteAndPromoteRoundAndQuietNaNs(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32.reinterpret_f32 nan:0x200000 -> 0x7fa00000",
        "i32.reinterpret_f32 -nan:0x1 -> 0xff800001",
        "i32.reinterpret_f32 -0x0p+0 -> 0x80000000",
        "f32.reinterpret_i32 0x7fa00000 -> nan:0x200000",
        "f32.reinterpret_i32 0xff800001 -> -nan:0x1",
        "f32.reinterpret_i32 0x80000000 -> -0x0p+0",
        "i64.reinterpret_f64 nan:0x4000000000000 -> 0x7ff4000000000000",
        "i64.reinterpret_f64 -nan:0x1 -> 0xfff0000000000001",
        "f64.reinterpret_i64 0x7ff4000000000000 -> nan:0x4000000000000",
        "f64.reinterpret_i64 0xfff0000000000001 -> -nan:0x1",
        "f64.reinterpret_i64 0x8000000000000000 -> -0x0p+0",
    })
    void reinterpretKeepsEveryBit(String line) {
        Cases.check(line);
    }
}
