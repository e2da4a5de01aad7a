package dev.verge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumberParserTest {
    private static void outOfRange(Runnable r) {
        NumberFormatException e = assertThrows(NumberFormatException.class, r::run);
        assertEquals("constant out of range", e.getMessage());
    }

    @Test
    void i32AcceptsSignedAndUnsignedRanges() {
        assertEquals(0, NumberParser.parseI32("0"));
        assertEquals(-1, NumberParser.parseI32("0xffff_ffff"));
        assertEquals(-1, NumberParser.parseI32("4294967295"));
        assertEquals(-1, NumberParser.parseI32("+4294967295"));
        assertEquals(Integer.MIN_VALUE, NumberParser.parseI32("-2147483648"));
        assertEquals(Integer.MIN_VALUE, NumberParser.parseI32("-0x8000_0000"));
        assertEquals(1_000_000, NumberParser.parseI32("1_000_000"));
        outOfRange(() -> NumberParser.parseI32("4294967296"));
        outOfRange(() -> NumberParser.parseI32("-2147483649"));
        outOfRange(() -> NumberParser.parseI32("0x1_0000_0000"));
    }

    @Test
    void i64AcceptsSignedAndUnsignedRanges() {
        assertEquals(-1L, NumberParser.parseI64("18446744073709551615"));
        assertEquals(Long.MIN_VALUE, NumberParser.parseI64("-9223372036854775808"));
        assertEquals(0x0123_4567_89AB_CDEFL, NumberParser.parseI64("0x0123456789abcdef"));
        outOfRange(() -> NumberParser.parseI64("18446744073709551616"));
        outOfRange(() -> NumberParser.parseI64("-9223372036854775809"));
        outOfRange(() -> NumberParser.parseI64("0x1_0000_0000_0000_0000"));
    }

    @Test
    void lanesOfEightAndSixteenBits() {
        assertEquals(0xFF, NumberParser.parseInt("255", 8, "x") & 0xFF);
        assertEquals(-128, NumberParser.parseInt("-128", 8, "x"));
        assertThrows(NumberFormatException.class, () -> NumberParser.parseInt("256", 8, "x"));
        assertThrows(NumberFormatException.class, () -> NumberParser.parseInt("-32769", 16, "x"));
    }

    @Test
    void unsignedIndices() {
        assertEquals(-1, NumberParser.parseU32("4294967295"));
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> NumberParser.parseU32("4294967296"));
        assertEquals("i32 constant out of range", e.getMessage());
    }

    @Test
    void f32IsRoundedOnceToSinglePrecision() {
        assertEquals(0x3F800000, NumberParser.parseF32Bits("1"));
        assertEquals(0x3F800000, NumberParser.parseF32Bits("1.0"));
        assertEquals(0xBF800000, NumberParser.parseF32Bits("-1e0"));
        // Just above the halfway point between 1 and the next float: rounding through f64 first
        // would land exactly on the tie and round down to 1.
        assertEquals(0x3F800001, NumberParser.parseF32Bits("1.00000005960464477539062500001"));
        assertEquals(0x3F800000, NumberParser.parseF32Bits("1.000000059604644775390625"));
        // Hexadecimal ties go to even; anything past the tie goes up.
        assertEquals(0x3F800000, NumberParser.parseF32Bits("0x1.000001p0"));
        assertEquals(0x3F800002, NumberParser.parseF32Bits("0x1.000003p0"));
        assertEquals(0x3F800001, NumberParser.parseF32Bits("0x1.00000100000000001p0"));
        assertEquals(0x00000001, NumberParser.parseF32Bits("0x1p-149"));
        assertEquals(0x7F7FFFFF, NumberParser.parseF32Bits("0x1.fffffep127"));
        assertEquals(0x7F7FFFFF, NumberParser.parseF32Bits("3.4028235e38"));
        assertEquals(0x4B800000, NumberParser.parseF32Bits("1_6_777_216"));
        assertEquals(0x3F800000, NumberParser.parseF32Bits("0x1"));
        outOfRange(() -> NumberParser.parseF32Bits("0x1p128"));
        outOfRange(() -> NumberParser.parseF32Bits("1e39"));
        outOfRange(() -> NumberParser.parseF32Bits("0x1.ffffffp127"));
        // Below the midpoint to 2^128 by less than f64 can tell: still the largest float.
        assertEquals(0x7F7FFFFF, NumberParser.parseF32Bits("0x1.fffffefffffff8000000p127"));
        assertEquals(0x7F7FFFFF, NumberParser.parseF32Bits("340282356779733661637539395458142568447.9"));
        outOfRange(() -> NumberParser.parseF32Bits("340282356779733661637539395458142568448"));
    }

    @Test
    void f32SpecialValues() {
        assertEquals(0x7F800000, NumberParser.parseF32Bits("inf"));
        assertEquals(0xFF800000, NumberParser.parseF32Bits("-inf"));
        assertEquals(0x7FC00000, NumberParser.parseF32Bits("nan"));
        assertEquals(0xFFC00000, NumberParser.parseF32Bits("-nan"));
        assertEquals(0x7F800001, NumberParser.parseF32Bits("nan:0x1"));
        assertEquals(0xFFFFFFFF, NumberParser.parseF32Bits("-nan:0x7f_ffff"));
        outOfRange(() -> NumberParser.parseF32Bits("nan:0x0"));
        outOfRange(() -> NumberParser.parseF32Bits("nan:0x800000"));
        assertEquals(0x80000000, NumberParser.parseF32Bits("-0"));
    }

    @Test
    void f64Literals() {
        assertEquals(Double.doubleToRawLongBits(0.1), NumberParser.parseF64Bits("0.1"));
        assertEquals(Double.doubleToRawLongBits(1e308), NumberParser.parseF64Bits("1e308"));
        assertEquals(0x0000000000000001L, NumberParser.parseF64Bits("0x1p-1074"));
        assertEquals(0x0000000000000000L, NumberParser.parseF64Bits("0x1p-1076"));
        assertEquals(0x7FF8000000000000L, NumberParser.parseF64Bits("+nan"));
        assertEquals(0x7FF0000000000001L, NumberParser.parseF64Bits("nan:0x1"));
        assertEquals(0x7FFFFFFFFFFFFFFFL, NumberParser.parseF64Bits("nan:0xf_ffff_ffff_ffff"));
        assertEquals(0L, NumberParser.parseF64Bits("0e1000000000000000000000"));
        outOfRange(() -> NumberParser.parseF64Bits("1e1000000000000000000000"));
        outOfRange(() -> NumberParser.parseF64Bits("1e309"));
        outOfRange(() -> NumberParser.parseF64Bits("nan:0x10_0000_0000_0000"));
        outOfRange(() -> NumberParser.parseF64Bits("1._0"));
    }
}
