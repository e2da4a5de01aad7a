package dev.verge.core.runtime.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The i32 helpers at the edges the spec and its test suite care about. */
class I32OpsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "i32.div_s 1 0 !! integer divide by zero",
        "i32.div_s 0 0 !! integer divide by zero",
        "i32.div_s 0x80000000 -1 !! integer overflow",
        "i32.div_s 0x80000000 0 !! integer divide by zero",
        "i32.div_s 0x7fffffff -1 -> 0x80000001",
        "i32.div_s 0x80000000 2 -> 0xc0000000",
        "i32.div_s 0x80000001 1000 -> 0xffdf3b65",
        "i32.div_s 7 -3 -> -2",
        "i32.div_s -7 3 -> -2",
        "i32.div_s -7 -3 -> 2",
        "i32.div_s 5 -1 -> -5",
        "i32.div_s -1 -1 -> 1",
        "i32.div_s 0 -1 -> 0",
    })
    void divS(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32.div_u 1 0 !! integer divide by zero",
        "i32.div_u 0 0 !! integer divide by zero",
        "i32.div_u 0x80000000 -1 -> 0",
        "i32.div_u -1 -1 -> 1",
        "i32.div_u 0x80000000 2 -> 0x40000000",
        "i32.div_u 0x8ff00ff0 0x10001 -> 0x8fef",
        "i32.div_u 0x80000001 1000 -> 0x20c49b",
        "i32.div_u -5 2 -> 0x7ffffffd",
        "i32.div_u 7 -3 -> 0",
    })
    void divU(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32.rem_s 1 0 !! integer divide by zero",
        "i32.rem_s 0x80000000 -1 -> 0",
        "i32.rem_s 0x7fffffff -1 -> 0",
        "i32.rem_s 0x80000000 2 -> 0",
        "i32.rem_s 0x80000001 1000 -> -647",
        "i32.rem_s 7 -3 -> 1",
        "i32.rem_s -7 3 -> -1",
        "i32.rem_s -7 -3 -> -1",
        "i32.rem_u 1 0 !! integer divide by zero",
        "i32.rem_u 0x80000000 -1 -> 0x80000000",
        "i32.rem_u 0x8ff00ff0 0x10001 -> 0x8001",
        "i32.rem_u 0x80000001 1000 -> 649",
        "i32.rem_u -5 2 -> 1",
        "i32.rem_u 7 -3 -> 7",
    })
    void remainders(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32.lt_u 0 -1 -> 1",
        "i32.lt_u -1 0 -> 0",
        "i32.lt_u 0x7fffffff 0x80000000 -> 1",
        "i32.lt_u 5 5 -> 0",
        "i32.le_u 5 5 -> 1",
        "i32.le_u 0x80000000 0x7fffffff -> 0",
        "i32.gt_u -1 1 -> 1",
        "i32.gt_u 1 -1 -> 0",
        "i32.ge_u 0x80000000 0x80000000 -> 1",
        "i32.ge_u 0 0x80000000 -> 0",
        "i32.lt_s -1 0 -> 1",
        "i32.lt_s 0x7fffffff 0x80000000 -> 0",
        "i32.gt_s 0x7fffffff 0x80000000 -> 1",
        "i32.le_s 0x80000000 0x80000000 -> 1",
        "i32.ge_s -1 0 -> 0",
        "i32.eq 0x80000000 0x80000000 -> 1",
        "i32.ne 0 -1 -> 1",
        "i32.eqz 0 -> 1",
        "i32.eqz 0x80000000 -> 0",
    })
    void comparisons(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32.rotl 0xfe00dc00 4 -> 0xe00dc00f",
        "i32.rotl 0xabcd9876 1 -> 0x579b30ed",
        "i32.rotl 1 31 -> 0x80000000",
        "i32.rotl 1 32 -> 1",
        "i32.rotl 0x80000000 -1 -> 0x40000000",
        "i32.rotl 0x00008000 37 -> 0x00100000",
        "i32.rotr 0xb0c1d2e3 5 -> 0x1d860e97",
        "i32.rotr 0x00008000 37 -> 0x00000400",
        "i32.rotr 1 -1 -> 2",
        "i32.rotr 1 0 -> 1",
        "i32.rotr 0xff00cc00 0x80000011 -> 0x6600_7f80",
        "i32.rotr 0x769abcdf 0x8000000d -> 0xe6fbb4d5",
    })
    void rotations(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32.clz 0 -> 32",
        "i32.clz 0xffffffff -> 0",
        "i32.clz 0x00008000 -> 16",
        "i32.clz 1 -> 31",
        "i32.clz 0x7fffffff -> 1",
        "i32.ctz 0 -> 32",
        "i32.ctz 0x80000000 -> 31",
        "i32.ctz 0x00010000 -> 16",
        "i32.ctz -1 -> 0",
        "i32.popcnt 0 -> 0",
        "i32.popcnt -1 -> 32",
        "i32.popcnt 0x55555555 -> 16",
        "i32.popcnt 0xdeadbeef -> 24",
    })
    void bitCounts(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i32.extend8_s 0x7f -> 127",
        "i32.extend8_s 0x80 -> -128",
        "i32.extend8_s 0x012345_fe -> -2",
        "i32.extend8_s 0xfedcba_80 -> -0x80",
        "i32.extend8_s 0xfedcba_7f -> 0x7f",
        "i32.extend16_s 0x7fff -> 32767",
        "i32.extend16_s 0x8000 -> -32768",
        "i32.extend16_s 0xfedc_7fff -> 0x7fff",
        "i32.extend16_s 0x0123_8000 -> -0x8000",
    })
    void signExtension(String line) {
        Cases.check(line);
    }
}
