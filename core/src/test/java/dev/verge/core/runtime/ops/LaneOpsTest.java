package dev.verge.core.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lane semantics of the SIMD-only integer and pseudo-min/max operations. */
class LaneOpsTest {
    @ParameterizedTest
    @CsvSource({
        // a, b (lane bits, high bits must be ignored), add_sat_s, add_sat_u, sub_sat_s, sub_sat_u
        "0x7f, 0x01, 127, 128, 126, 126",
        "0x80, 0xff, -128, 255, -127, 0",
        "0x80, 0x01, -127, 129, -128, 127",
        "0xff, 0xff, -2, 255, 0, 0",
        "0x40, 0x40, 127, 128, 0, 0",
        "0x12345601, 0xabcdef02, 3, 3, -1, 0",
    })
    void i8Saturating(String a, String b, int addS, int addU, int subS, int subU) {
        int x = WasmValues.i32(a);
        int y = WasmValues.i32(b);
        assertEquals(addS, LaneOps.i8AddSatS(x, y));
        assertEquals(addU, LaneOps.i8AddSatU(x, y));
        assertEquals(subS, LaneOps.i8SubSatS(x, y));
        assertEquals(subU, LaneOps.i8SubSatU(x, y));
    }

    @ParameterizedTest
    @CsvSource({
        "0x7fff, 0x0001, 32767, 32768, 32766, 32766",
        "0x8000, 0xffff, -32768, 65535, -32767, 0",
        "0x8000, 0x0001, -32767, 32769, -32768, 32767",
        "0xffff, 0xffff, -2, 65535, 0, 0",
        "0x7fff0003, 0x80000001, 4, 4, 2, 2",
    })
    void i16Saturating(String a, String b, int addS, int addU, int subS, int subU) {
        int x = WasmValues.i32(a);
        int y = WasmValues.i32(b);
        assertEquals(addS, LaneOps.i16AddSatS(x, y));
        assertEquals(addU, LaneOps.i16AddSatU(x, y));
        assertEquals(subS, LaneOps.i16SubSatS(x, y));
        assertEquals(subU, LaneOps.i16SubSatU(x, y));
    }

    @Test
    void averagesRoundHalfUpWithoutOverflow() {
        assertEquals(255, LaneOps.i8AvgrU(0xff, 0xff));
        assertEquals(128, LaneOps.i8AvgrU(0xff, 0x00));
        assertEquals(1, LaneOps.i8AvgrU(1, 0));
        assertEquals(0, LaneOps.i8AvgrU(0x100, 0x200));
        assertEquals(65535, LaneOps.i16AvgrU(0xffff, 0xffff));
        assertEquals(32768, LaneOps.i16AvgrU(0xffff, 0));
        assertEquals(2, LaneOps.i16AvgrU(0x10001, 0x20002));
    }

    @ParameterizedTest
    @CsvSource({
        "0x8000, 0x8000, 32767",
        "0x8000, 0x7fff, -32767",
        "0x7fff, 0x7fff, 32766",
        "0x4000, 0x4000, 8192",
        "0x0001, 0x4000, 1",
        "0xffff, 0x4000, 0",
        "0xfffd, 0x4000, -1",
        "0x0000, 0x8000, 0",
    })
    void q15MultiplicationRoundsAndSaturatesOnlyMinTimesMin(String a, String b, int expected) {
        assertEquals(expected, LaneOps.i16Q15MulrSatS(WasmValues.i32(a), WasmValues.i32(b)));
    }

    @Test
    void narrowingSaturatesSignedInputs() {
        assertEquals(127, LaneOps.i8NarrowI16S(0x0080));
        assertEquals(-128, LaneOps.i8NarrowI16S(0xff7f));
        assertEquals(-1, LaneOps.i8NarrowI16S(0xffff));
        assertEquals(255, LaneOps.i8NarrowI16U(0x0100));
        assertEquals(0, LaneOps.i8NarrowI16U(0xffff));
        assertEquals(0x7f, LaneOps.i8NarrowI16U(0x1234007f));
        assertEquals(32767, LaneOps.i16NarrowI32S(0x8000));
        assertEquals(-32768, LaneOps.i16NarrowI32S(Integer.MIN_VALUE));
        assertEquals(65535, LaneOps.i16NarrowI32U(0x10000));
        assertEquals(0, LaneOps.i16NarrowI32U(-1));
        assertEquals(0xabcd, LaneOps.i16NarrowI32U(0xabcd));
    }

    @Test
    void popcntReadsOnlyTheLane() {
        assertEquals(8, LaneOps.i8Popcnt(0xff));
        assertEquals(0, LaneOps.i8Popcnt(0xff00));
        assertEquals(4, LaneOps.i8Popcnt(0x55));
    }

    @ParameterizedTest
    @CsvSource({
        // a, b, pmin, pmax (wast notation; compared bit for bit)
        "0x0p+0, -0x0p+0, 0x0p+0, 0x0p+0",
        "-0x0p+0, 0x0p+0, -0x0p+0, -0x0p+0",
        "0x1p+0, -0x1p+0, -0x1p+0, 0x1p+0",
        "-inf, inf, -inf, inf",
        "-nan, 0x0p+0, -nan, -nan",
        "nan:0x200000, -inf, nan:0x200000, nan:0x200000",
        "0x1p+0, nan:0x200000, 0x1p+0, 0x1p+0",
        "-nan:0x1, nan, -nan:0x1, -nan:0x1",
    })
    void pseudoMinMaxReturnAnOperandUnchanged(String a, String b, String pmin, String pmax) {
        float fa = WasmValues.f32(a);
        float fb = WasmValues.f32(b);
        assertEquals(bits32(pmin), Float.floatToRawIntBits(LaneOps.f32Pmin(fa, fb)), "f32 pmin");
        assertEquals(bits32(pmax), Float.floatToRawIntBits(LaneOps.f32Pmax(fa, fb)), "f32 pmax");
        double da = WasmValues.f64(widen(a));
        double db = WasmValues.f64(widen(b));
        assertEquals(bits64(pmin), Double.doubleToRawLongBits(LaneOps.f64Pmin(da, db)), "f64 pmin");
        assertEquals(bits64(pmax), Double.doubleToRawLongBits(LaneOps.f64Pmax(da, db)), "f64 pmax");
    }

    private static int bits32(String s) {
        return Float.floatToRawIntBits(WasmValues.f32(s));
    }

    private static long bits64(String s) {
        return Double.doubleToRawLongBits(WasmValues.f64(widen(s)));
    }

    /** The same case for f64: NaN payloads are moved to the top of the wider payload. */
    private static String widen(String s) {
        int i = s.indexOf("nan:0x");
        if (i < 0) {
            return s;
        }
        long payload = Long.parseLong(s.substring(i + 6), 16) << 29;
        return s.substring(0, i) + "nan:0x" + Long.toHexString(payload);
    }
}
