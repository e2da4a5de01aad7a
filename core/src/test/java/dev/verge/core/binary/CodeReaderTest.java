package dev.verge.core.binary;

import static dev.verge.core.binary.Wasm.b;
import static dev.verge.core.binary.Wasm.cat;
import static dev.verge.core.binary.Wasm.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeReaderTest {
    private static List<String> read(byte[] code) {
        return read(code, DecoderLimits.DEFAULTS);
    }

    private static List<String> read(byte[] code, DecoderLimits limits) {
        RecordingVisitor v = new RecordingVisitor();
        CodeReader.read(new Expr(Bytes.copyOf(code), 0), v, limits);
        return v.calls;
    }

    private static String failure(byte[] code) {
        return failure(code, DecoderLimits.DEFAULTS);
    }

    private static String failure(byte[] code, DecoderLimits limits) {
        return assertThrows(MalformedModuleException.class, () -> read(code, limits)).reason();
    }

    @Test
    void controlInstructionsAndBlockTypes() {
        byte[] code = b(
                0x02, 0x40, // block
                0x03, 0x7F, // loop (result i32)
                0x04, 0x05, // if (type 5)
                0x0C, 0x02, // br 2
                0x05, // else
                0x0D, 0x01, // br_if 1
                0x0B, 0x0B, 0x0B, // end end end
                0x0E, 0x02, 0x00, 0x01, 0x02, // br_table [0 1] 2
                0x0B);
        assertEquals(
                List.of(
                        "block Empty[]",
                        "loop Value[type=i32]",
                        "if Index[index=5]",
                        "br 2",
                        "else",
                        "br_if 1",
                        "end",
                        "end",
                        "end",
                        "br_table [0, 1] 2",
                        "end"),
                read(code));
    }

    @Test
    void multiByteBlockTypeIndex() {
        assertEquals(List.of("block Index[index=200]", "end", "end"), read(b(0x02, 0xC8, 0x01, 0x0B, 0x0B)));
    }

    @Test
    void malformedBlockTypesFailAsValueTypes() {
        assertEquals("malformed value type", failure(b(0x02, 0x50, 0x0B, 0x0B)));
        // A negative multi-byte s33 is neither an index nor a one-byte value type.
        assertEquals("integer representation too long", failure(b(0x02, 0xFF, 0x7F, 0x0B, 0x0B)));
    }

    @Test
    void indexImmediates() {
        byte[] code = b(
                0x10, 0x03, // call 3
                0x11, 0x01, 0x02, // call_indirect type 1 table 2
                0x20, 0x00, 0x21, 0x01, 0x22, 0x02, // local.get/set/tee
                0x23, 0x04, 0x24, 0x05, // global.get/set
                0x25, 0x06, 0x26, 0x07, // table.get/set
                0xD2, 0x09, // ref.func 9
                0xFC, 0x0C, 0x03, 0x01, // table.init elem 3 table 1
                0xFC, 0x0E, 0x01, 0x02, // table.copy 1 2
                0xFC, 0x0D, 0x04, // elem.drop 4
                0xFC, 0x09, 0x05, // data.drop 5
                0x0B);
        assertEquals(
                List.of(
                        "call 3",
                        "call_indirect 1 2",
                        "local.get 0",
                        "local.set 1",
                        "local.tee 2",
                        "global.get 4",
                        "global.set 5",
                        "table.get 6",
                        "table.set 7",
                        "ref.func 9",
                        "table.init 3 1",
                        "table.copy 1 2",
                        "elem.drop 4",
                        "data.drop 5",
                        "end"),
                read(code));
    }

    @Test
    void memoryInstructionsWithReservedZeroBytes() {
        byte[] code = b(
                0x28, 0x02, 0x10, // i32.load align=2 offset=16
                0x3F, 0x00, // memory.size
                0x40, 0x00, // memory.grow
                0xFC, 0x08, 0x07, 0x00, // memory.init 7
                0xFC, 0x0A, 0x00, 0x00, // memory.copy
                0xFC, 0x0B, 0x00, // memory.fill
                0x0B);
        assertEquals(
                List.of(
                        "i32.load align=2 offset=16 memory=0",
                        "memory.size 0",
                        "memory.grow 0",
                        "memory.init 7 0",
                        "memory.copy 0 0",
                        "memory.fill 0",
                        "end"),
                read(code));
        assertEquals("zero byte expected", failure(b(0x3F, 0x01, 0x0B)));
        assertEquals("zero byte expected", failure(b(0x3F, 0x80, 0x00, 0x0B)));
        assertEquals("zero byte expected", failure(b(0xFC, 0x0A, 0x00, 0x01, 0x0B)));
    }

    @Test
    void memargOffsetIsUnsigned32() {
        assertEquals(
                List.of("i64.store align=3 offset=4294967295 memory=0", "end"),
                read(b(0x37, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B)));
        assertEquals("malformed memop flags", failure(b(0x28, 0x20, 0x00, 0x0B)));
        // Without multi-memory, bit 6 is just a (too large) alignment.
        assertEquals("malformed memop flags", failure(b(0x28, 0x42, 0x01, 0x00, 0x0B)));
    }

    @Test
    void multiMemoryEncodings() {
        DecoderLimits multi = DecoderLimits.DEFAULTS.withMultiMemory(true);
        assertEquals(
                List.of("i32.load align=2 offset=8 memory=3", "memory.size 1", "memory.copy 2 3", "end"),
                read(b(0x28, 0x42, 0x03, 0x08, 0x3F, 0x01, 0xFC, 0x0A, 0x02, 0x03, 0x0B), multi));
    }

    @Test
    void constants() {
        byte[] code = cat(
                b(0x41, 0x7F), // i32.const -1
                b(0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F), // i64.const min
                b(0x43, 0x01, 0x00, 0xC0, 0x7F), // f32.const NaN with payload
                b(0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F), // f64.const 1.0
                b(0xD0, 0x70, 0xD0, 0x6F), // ref.null func, ref.null extern
                b(0x1C, 0x01, 0x7E), // select (result i64)
                b(0x0B));
        assertEquals(
                List.of(
                        "i32.const -1",
                        "i64.const " + Long.MIN_VALUE,
                        "f32.const 0x7fc00001",
                        "f64.const 0x3ff0000000000000",
                        "ref.null FUNC",
                        "ref.null EXTERN",
                        "select [i64]",
                        "end"),
                read(code));
        assertEquals("malformed reference type", failure(b(0xD0, 0x7F, 0x0B)));
    }

    @Test
    void simdShapes() {
        byte[] code = cat(
                b(0xFD, 0x0C), b(1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0), // v128.const
                b(0xFD, 0x0D), b(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31), // shuffle
                b(0xFD, 0x15, 0x07), // i8x16.extract_lane_s 7
                b(0xFD, 0x54, 0x00, 0x04, 0x0F), // v128.load8_lane align=0 offset=4 lane 15
                b(0xFD, 0x00, 0x04, 0x00), // v128.load
                b(0xFD, 0x80, 0x01), // i16x8.abs: a two-byte sub-opcode
                b(0x0B));
        assertEquals(
                List.of(
                        "v128.const 0x1 0x2",
                        "i8x16.shuffle [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31]",
                        "i8x16.extract_lane_s 7",
                        "v128.load8_lane align=0 offset=4 memory=0 lane=15",
                        "v128.load align=4 offset=0 memory=0",
                        Op.prefixed(0xFD, 0x80).mnemonic(),
                        "end"),
                read(code));
    }

    @Test
    void everyInstructionWithoutImmediatesDecodes() {
        for (Op op : Op.values()) {
            if (op.imm() != Imm.NONE || op == Op.END || op == Op.ELSE) {
                continue;
            }
            byte[] opcode = op.prefix() == 0 ? b(op.code()) : cat(b(op.prefix()), u(op.code()));
            assertEquals(List.of(op.mnemonic(), "end"), read(cat(opcode, b(0x0B))), op.name());
        }
    }

    @Test
    void unknownOpcodesAreIllegal() {
        assertTrue(failure(b(0x06, 0x0B)).startsWith("illegal opcode"));
        assertEquals("illegal opcode ff", failure(b(0xFF, 0x0B)));
        assertEquals("illegal opcode fc 12", failure(b(0xFC, 0x12, 0x0B)));
        assertEquals("illegal opcode fc ffffffff", failure(b(0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B)));
    }

    @Test
    void offsetsAreAbsoluteModuleOffsets() {
        RecordingVisitor v = new RecordingVisitor();
        CodeReader.read(new Expr(Bytes.copyOf(b(0x41, 0x01, 0x1A, 0x0B)), 1000), v);
        assertEquals(List.of(1000, 1002, 1003), v.offsets);
    }

    @Test
    void sequenceMustEndWithItsOwnEnd() {
        assertEquals(WasmReader.UNEXPECTED_END, failure(b(0x01)));
        assertEquals(WasmReader.UNEXPECTED_END, failure(b(0x02, 0x40, 0x0B)));
        assertEquals("section size mismatch", failure(b(0x0B, 0x01)));
    }

    @Test
    void elseOnlyOncePerIf() {
        assertEquals("END opcode expected", failure(b(0x05, 0x0B)));
        assertEquals("END opcode expected", failure(b(0x02, 0x40, 0x05, 0x0B, 0x0B)));
        assertEquals("END opcode expected", failure(b(0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B)));
    }

    @Test
    void limitsOnNestingBrTableAndSelect() {
        DecoderLimits tight = DecoderLimits.DEFAULTS.withMaxNestingDepth(2).withMaxBrTableTargets(1).withMaxSelectTypes(1);
        assertEquals(List.of("block Empty[]", "block Empty[]", "end", "end", "end"), read(b(2, 0x40, 2, 0x40, 0x0B, 0x0B, 0x0B), tight));
        assertEquals(
                "too many nested blocks: 3 exceeds the limit of 2",
                failure(b(2, 0x40, 2, 0x40, 2, 0x40, 0x0B, 0x0B, 0x0B, 0x0B), tight));
        assertEquals("too many br_table targets: 2 exceeds the limit of 1", failure(b(0x0E, 2, 0, 0, 0, 0x0B), tight));
        assertEquals("too many select types: 2 exceeds the limit of 1", failure(b(0x1C, 2, 0x7F, 0x7F, 0x0B), tight));
    }

    @Test
    void hugeBrTableCountFailsWithoutAllocating() {
        assertEquals("length out of bounds", failure(b(0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00, 0x0B)));
    }

    @Test
    void deepNestingWithinTheLimitDecodes() {
        int depth = 5000;
        byte[] code = new byte[depth * 3 + 1];
        for (int i = 0; i < depth; i++) {
            code[2 * i] = 0x02;
            code[2 * i + 1] = 0x40;
        }
        for (int i = 0; i <= depth; i++) {
            code[2 * depth + i] = 0x0B;
        }
        assertEquals(2 * depth + 1, read(code).size());
    }
}
