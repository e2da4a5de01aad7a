package dev.verge.core.binary;

import static dev.verge.core.binary.Wasm.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class WasmReaderTest {
    private static WasmReader reader(int... bytes) {
        return new WasmReader(b(bytes));
    }

    private static void assertReads(long expected, ToLongFunction<WasmReader> read, int... bytes) {
        WasmReader r = reader(bytes);
        assertEquals(expected, read.applyAsLong(r));
        assertTrue(r.atEnd(), "whole encoding consumed");
    }

    private static void assertFails(String reason, ToLongFunction<WasmReader> read, int... bytes) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> read.applyAsLong(reader(bytes)));
        assertEquals(reason, e.reason());
    }

    @Test
    void u32ReadsMinimalAndPaddedEncodings() {
        assertReads(0, WasmReader::u32, 0x00);
        assertReads(127, WasmReader::u32, 0x7F);
        assertReads(128, WasmReader::u32, 0x80, 0x01);
        assertReads(0, WasmReader::u32, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertReads(0xFFFFFFFFL, WasmReader::u32Long, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
        assertReads(-1, WasmReader::u32, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
    }

    @Test
    void u32RejectsUnusedBitsAndSixthByte() {
        assertFails("integer too large", WasmReader::u32, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F);
        assertFails("integer too large", WasmReader::u32, 0x80, 0x80, 0x80, 0x80, 0x70);
        assertFails("integer representation too long", WasmReader::u32, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertFails(WasmReader.UNEXPECTED_END, WasmReader::u32, 0x80, 0x80);
        assertFails(WasmReader.UNEXPECTED_END, WasmReader::u32);
    }

    @Test
    void s32SignExtendsAndChecksTheLastByte() {
        assertReads(-1, WasmReader::s32, 0x7F);
        assertReads(63, WasmReader::s32, 0x3F);
        assertReads(-64, WasmReader::s32, 0x40);
        assertReads(-128, WasmReader::s32, 0x80, 0x7F);
        assertReads(Integer.MIN_VALUE, WasmReader::s32, 0x80, 0x80, 0x80, 0x80, 0x78);
        assertReads(Integer.MAX_VALUE, WasmReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0x07);
        assertReads(-1, WasmReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F);
        assertFails("integer too large", WasmReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
        assertFails("integer too large", WasmReader::s32, 0x80, 0x80, 0x80, 0x80, 0x70);
        assertFails("integer representation too long", WasmReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F);
    }

    @Test
    void s33CoversTheWholeU32Range() {
        assertReads(0xFFFFFFFFL, WasmReader::s33, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
        assertReads(-(1L << 32), WasmReader::s33, 0x80, 0x80, 0x80, 0x80, 0x70);
        assertFails("integer too large", WasmReader::s33, 0xFF, 0xFF, 0xFF, 0xFF, 0x2F);
    }

    @Test
    void tryS33LeavesThePositionOnFailure() {
        WasmReader r = reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertEquals(Long.MIN_VALUE, r.tryS33());
        assertEquals(0, r.pos());
        WasmReader ok = reader(0x81, 0x01);
        assertEquals(129, ok.tryS33());
        assertEquals(2, ok.pos());
    }

    @Test
    void s64AndU64UseTenBytes() {
        assertReads(Long.MIN_VALUE, WasmReader::s64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F);
        assertReads(Long.MAX_VALUE, WasmReader::s64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00);
        assertFails("integer too large", WasmReader::s64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
        assertFails("integer too large", WasmReader::s64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7E);
        assertFails(
                "integer representation too long",
                WasmReader::s64,
                0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertReads(-1L, WasmReader::u64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
        assertFails("integer too large", WasmReader::u64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02);
    }

    @Test
    void u1IsAFlagByte() {
        assertReads(1, WasmReader::u1, 0x01);
        assertFails("integer too large", WasmReader::u1, 0x02);
        assertFails("integer representation too long", WasmReader::u1, 0x81, 0x00);
    }

    @Test
    void littleEndianWords() {
        assertReads(0x04030201, WasmReader::i32LE, 1, 2, 3, 4);
        assertReads(0x0807060504030201L, WasmReader::i64LE, 1, 2, 3, 4, 5, 6, 7, 8);
        assertFails(WasmReader.UNEXPECTED_END, WasmReader::i32LE, 1, 2, 3);
    }

    @Test
    void lengthCountsFromWhereTheLengthStarts() {
        // Two bytes follow the length byte, and the length byte itself counts: 3 is allowed.
        assertEquals(3, reader(0x03, 0xAA, 0xBB).length());
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> reader(0x04, 0xAA, 0xBB).length());
        assertEquals("length out of bounds", e.reason());
        MalformedModuleException huge =
                assertThrows(MalformedModuleException.class, () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0).length());
        assertEquals("length out of bounds", huge.reason());
    }

    @Test
    void namesAreUtf8() {
        WasmReader r = reader(0x03, 'a', 0xC3, 0xA9);
        assertEquals("a\u00e9", r.name());
        assertTrue(r.atEnd());
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> reader(0x01, 0xC3).name());
        assertEquals("malformed UTF-8 encoding", e.reason());
    }

    @Test
    void errorsReportModuleOffsets() {
        WasmReader r = new WasmReader(b(0, 0, 0x80), 2, 3, 100);
        MalformedModuleException e = assertThrows(MalformedModuleException.class, r::u32);
        assertEquals(103, e.offset());
    }
}
