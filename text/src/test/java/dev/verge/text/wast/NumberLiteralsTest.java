package dev.verge.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumberLiteralsTest {
    @Test
    void integersSignedUnsignedHexAndUnderscores() {
        assertEquals(-1, NumberLiterals.i32("0xffffffff"));
        assertEquals(-1, NumberLiterals.i32("4294967295"));
        assertEquals(Integer.MIN_VALUE, NumberLiterals.i32("-2147483648"));
        assertEquals(1_000_000, NumberLiterals.i32("+1_000_000"));
        assertEquals(-1L, NumberLiterals.i64("18446744073709551615"));
        assertEquals(Long.MIN_VALUE, NumberLiterals.i64("-0x8000_0000_0000_0000"));
        assertEquals(0xFF, NumberLiterals.smallInt("-1", 8));
        assertEquals(0x8000, NumberLiterals.smallInt("-32768", 16));
    }

    @Test
    void integersOutOfRangeOrMisspelledAreRejected() {
        assertThrows(NumberFormatException.class, () -> NumberLiterals.i32("4294967296"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.i32("-2147483649"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.i64("0x1_0000_0000_0000_0000"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.i32("1__0"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.i32("_1"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.i32("0x"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.smallInt("256", 8));
    }

    @Test
    void floatsKeepSignPayloadAndRoundCorrectly() {
        assertEquals(0x8000_0000, NumberLiterals.f32("-0"));
        assertEquals(0x7F80_0000, NumberLiterals.f32("inf"));
        assertEquals(0xFFC0_0000, NumberLiterals.f32("-nan"));
        assertEquals(0x7F80_0001, NumberLiterals.f32("nan:0x1"));
        assertEquals(0x3FC0_0000, NumberLiterals.f32("0x1.8"));
        assertEquals(0x3FC0_0000, NumberLiterals.f32("0x1.8p0"));
        assertEquals(0x0000_0001, NumberLiterals.f32("0x1p-149"));
        assertEquals(0x3DCC_CCCD, NumberLiterals.f32("0.1"));
        assertEquals(0x4122_0000, NumberLiterals.f32("1_0.1_25"));
        assertEquals(0x3FB9_9999_9999_999AL, NumberLiterals.f64("0.1"));
        assertEquals(0x7FF0_0000_0000_0001L, NumberLiterals.f64("nan:0x1"));
        assertEquals(0x4024_0000_0000_0000L, NumberLiterals.f64("1e1"));
        assertEquals(0x4024_0000_0000_0000L, NumberLiterals.f64("1.e+1"));
    }

    @Test
    void floatsOutOfRangeAreRejected() {
        assertThrows(NumberFormatException.class, () -> NumberLiterals.f32("1e39"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.f32("nan:0x800000"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.f32("nan:0x0"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.f64("0x1p1024"));
    }

    @Test
    void floatTextReadsBackToTheSameBits() {
        int[] f32 = {0, 0x8000_0000, 1, 0x7F7F_FFFF, 0x3DCC_CCCD, 0x7FC0_0000, 0xFFA0_0001, 0x7F80_0000};
        for (int bits : f32) {
            assertEquals(bits, NumberLiterals.f32(FloatText.f32(bits)), FloatText.f32(bits));
        }
        long[] f64 = {0, 1, 0x8000_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL, 0x7FF0_0000_0000_0001L, 0xFFF8_0000_0000_0000L};
        for (long bits : f64) {
            assertEquals(bits, NumberLiterals.f64(FloatText.f64(bits)), FloatText.f64(bits));
        }
    }
}
