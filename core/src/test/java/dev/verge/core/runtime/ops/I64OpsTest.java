package dev.verge.core.runtime.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The i64 helpers at the edges the spec and its test suite care about. */
class I64OpsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "i64.div_s 1 0 !! integer divide by zero",
        "i64.div_s 0x8000000000000000 -1 !! integer overflow",
        "i64.div_s 0x8000000000000000 0 !! integer divide by zero",
        "i64.div_s 0x7fffffffffffffff -1 -> 0x8000000000000001",
        "i64.div_s 0x8000000000000000 2 -> 0xc000000000000000",
        "i64.div_s 0x8000000000000001 1000 -> 0xffdf3b645a1cac09",
        "i64.div_s -7 3 -> -2",
        "i64.div_s 7 -3 -> -2",
        "i64.div_s -1 -1 -> 1",
        "i64.div_u 1 0 !! integer divide by zero",
        "i64.div_u 0x8000000000000000 -1 -> 0",
        "i64.div_u 0x8ff00ff00ff00ff0 0x100000001 -> 0x8ff00fef",
        "i64.div_u 0x8000000000000001 1000 -> 0x20c49ba5e353f7",
        "i64.div_u -5 2 -> 0x7ffffffffffffffd",
        "i64.div_u -5 -2 -> 0",
    })
    void division(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i64.rem_s 1 0 !! integer divide by zero",
        "i64.rem_s 0x8000000000000000 -1 -> 0",
        "i64.rem_s 0x8000000000000001 1000 -> -807",
        "i64.rem_s -7 3 -> -1",
        "i64.rem_s 7 -3 -> 1",
        "i64.rem_u 1 0 !! integer divide by zero",
        "i64.rem_u 0x8000000000000000 -1 -> 0x8000000000000000",
        "i64.rem_u 0x8ff00ff00ff00ff0 0x100000001 -> 0x80000001",
        "i64.rem_u 0x8000000000000001 1000 -> 809",
        "i64.rem_u -5 -2 -> -5",
    })
    void remainders(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i64.shl 1 63 -> 0x8000000000000000",
        "i64.shl 1 64 -> 1",
        "i64.shl 1 65 -> 2",
        "i64.shl 1 -1 -> 0x8000000000000000",
        "i64.shl 1 0x7fffffffffffffff -> 0x8000000000000000",
        "i64.shr_s 0x8000000000000000 63 -> -1",
        "i64.shr_s 1 64 -> 1",
        "i64.shr_s 1 0x8000000000000000 -> 1",
        "i64.shr_s -1 -1 -> -1",
        "i64.shr_u -1 65 -> 0x7fffffffffffffff",
        "i64.shr_u -1 -1 -> 1",
        "i64.shr_u 1 0x8000000000000000 -> 1",
        "i64.shr_u 0x8000000000000000 63 -> 1",
        "i64.rotl 1 63 -> 0x8000000000000000",
        "i64.rotl 1 64 -> 1",
        "i64.rotl 0xabd1234ef567809c 63 -> 0x55e891a77ab3c04e",
        "i64.rotl 0xabcd1234ef567809 0x800000000000003f -> 0xd5e6891a77ab3c04",
        "i64.rotl 0x8000000000000000 -1 -> 0x4000000000000000",
        "i64.rotr 1 1 -> 0x8000000000000000",
        "i64.rotr 1 -1 -> 2",
        "i64.rotr 0xabcd1234ef567809 0x8000000000000035 -> 0x6891a77ab3c04d5e",
        "i64.rotr 0xabd1234ef567809c 63 -> 0x57a2469deacf0139",
    })
    void shiftsAndRotationsTakeTheCountModulo64(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i64.lt_u 0 -1 -> 1",
        "i64.lt_u 0x7fffffffffffffff 0x8000000000000000 -> 1",
        "i64.le_u 0x8000000000000000 0x7fffffffffffffff -> 0",
        "i64.gt_u -1 1 -> 1",
        "i64.ge_u 0 0x8000000000000000 -> 0",
        "i64.ge_u 7 7 -> 1",
        "i64.lt_s 0x7fffffffffffffff 0x8000000000000000 -> 0",
        "i64.gt_s 0x7fffffffffffffff 0x8000000000000000 -> 1",
        "i64.le_s -1 -1 -> 1",
        "i64.ge_s -1 0 -> 0",
        "i64.eq 0x100000000 0 -> 0",
        "i64.ne 0x100000000 0 -> 1",
        "i64.eqz 0x100000000 -> 0",
        "i64.eqz 0 -> 1",
    })
    void comparisons(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i64.clz 0 -> 64",
        "i64.clz 1 -> 63",
        "i64.clz 0x00008000 -> 48",
        "i64.clz 0x8000000000000000 -> 0",
        "i64.ctz 0 -> 64",
        "i64.ctz 0x8000000000000000 -> 63",
        "i64.ctz 0x100000000 -> 32",
        "i64.popcnt -1 -> 64",
        "i64.popcnt 0x8000800080008000 -> 4",
        "i64.popcnt 0xdeadbeefdeadbeef -> 48",
        "i64.extend8_s 0x7f -> 127",
        "i64.extend8_s 0x0123456789abcd_80 -> -0x80",
        "i64.extend16_s 0xfedcba98765_7fff -> 0x7fff",
        "i64.extend16_s 0x8000 -> -32768",
        "i64.extend32_s 0x7fffffff -> 0x7fffffff",
        "i64.extend32_s 0x80000000 -> -0x80000000",
        "i64.extend32_s 0x01234567_80000000 -> -0x80000000",
        "i64.extend32_s 0xfedcba98_7fffffff -> 0x7fffffff",
    })
    void bitCountsAndSignExtension(String line) {
        Cases.check(line);
    }
}
