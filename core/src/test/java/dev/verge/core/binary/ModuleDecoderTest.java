package dev.verge.core.binary;

import static dev.verge.core.binary.Wasm.HEADER;
import static dev.verge.core.binary.Wasm.ONE_EMPTY_TYPE;
import static dev.verge.core.binary.Wasm.b;
import static dev.verge.core.binary.Wasm.body;
import static dev.verge.core.binary.Wasm.cat;
import static dev.verge.core.binary.Wasm.module;
import static dev.verge.core.binary.Wasm.name;
import static dev.verge.core.binary.Wasm.section;
import static dev.verge.core.binary.Wasm.u;
import static dev.verge.core.binary.Wasm.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleDecoderTest {
    static String failure(byte[] bytes) {
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(bytes)).reason();
    }

    @Test
    void emptyModule() {
        WasmModule m = ModuleDecoder.decode(HEADER);
        assertTrue(m.types().isEmpty());
        assertEquals(-1, m.start());
        assertEquals(-1, m.dataCount());
    }

    @Test
    void header() {
        assertEquals("unexpected end", failure(b()));
        assertEquals("unexpected end", failure(b(0, 0x61, 0x73)));
        assertEquals("magic header not detected", failure(b(0, 0x61, 0x73, 0x6E, 1, 0, 0, 0)));
        assertEquals("unexpected end", failure(b(0, 0x61, 0x73, 0x6D, 1)));
        assertEquals("unknown binary version", failure(b(0, 0x61, 0x73, 0x6D, 2, 0, 0, 0)));
    }

    @Test
    void everySectionDecodes() {
        byte[] types = section(1, vec(2, b(0x60, 1, 0x7F, 1, 0x7E), b(0x60, 0, 0)));
        byte[] imports = section(2, vec(4,
                cat(name("env"), name("f"), b(0x00, 0x01)),
                cat(name("env"), name("t"), b(0x01, 0x6F, 0x01, 0x02, 0x03)),
                cat(name("env"), name("m"), b(0x02, 0x00, 0x01)),
                cat(name("env"), name("g"), b(0x03, 0x7D, 0x01))));
        byte[] functions = section(3, vec(1, b(0x00)));
        byte[] tables = section(4, vec(1, b(0x70, 0x00, 0x05)));
        byte[] memories = section(5, vec(1, b(0x01, 0x01, 0x02)));
        byte[] globals = section(6, vec(1, b(0x7F, 0x01, 0x41, 0x2A, 0x0B)));
        byte[] exports = section(7, vec(2, cat(name("run"), b(0x00, 0x01)), cat(name("mem"), b(0x02, 0x00))));
        byte[] start = section(8, b(0x01));
        byte[] elements = section(9, vec(3,
                b(0x00, 0x41, 0x00, 0x0B, 0x02, 0x00, 0x01), // active table 0, function indices
                b(0x05, 0x70, 0x01, 0xD2, 0x01, 0x0B), // passive, expressions
                b(0x03, 0x00, 0x01, 0x01))); // declarative, function indices
        byte[] dataCount = section(12, b(0x02));
        byte[] code = section(10, vec(1, cat(u(8), b(0x02, 0x02, 0x7F, 0x01, 0x7C), b(0x20, 0x00, 0x0B))));
        byte[] data = section(11, vec(2, b(0x00, 0x41, 0x08, 0x0B, 0x02, 0xAA, 0xBB), b(0x01, 0x01, 0xCC)));
        byte[] custom = section(0, name("extra"), b(1, 2, 3));
        WasmModule m = ModuleDecoder.decode(
                module(types, imports, functions, tables, memories, globals, exports, start, elements, dataCount, code, data, custom));

        assertEquals(new FuncType(List.of(ValType.I32), List.of(ValType.I64)), m.funcType(0));
        assertSame(FuncType.EMPTY, m.funcType(1));
        assertEquals(4, m.imports().size());
        assertEquals(new FuncImport(1), m.imports().get(0).type());
        assertEquals(new TableType(RefType.EXTERNREF, new Limits(2, 3)), m.imports().get(1).type());
        assertEquals(new MemoryType(Limits.atLeast(1)), m.imports().get(2).type());
        assertEquals(new GlobalType(ValType.F32, true), m.imports().get(3).type());
        assertEquals(List.of(0), m.functions());
        assertEquals(List.of(new TableType(RefType.FUNCREF, Limits.atLeast(5))), m.tables());
        assertEquals(List.of(new MemoryType(new Limits(1, 2))), m.memories());
        assertEquals(new GlobalType(ValType.I32, true), m.globals().get(0).type());
        assertArrayEquals(b(0x41, 0x2A, 0x0B), m.globals().get(0).init().code().toArray());
        assertEquals(List.of(new Export("run", ExternKind.FUNC, 1), new Export("mem", ExternKind.MEMORY, 0)), m.exports());
        assertEquals(1, m.start());

        ElementSegment active = m.elements().get(0);
        assertEquals(RefType.FUNCREF, active.type());
        assertEquals(List.of(0, 1), active.functionIndices());
        assertFalse(active.usesExpressions());
        assertEquals(0, ((SegmentMode.Active) active.mode()).index());
        ElementSegment passive = m.elements().get(1);
        assertSame(SegmentMode.PASSIVE, passive.mode());
        assertTrue(passive.usesExpressions());
        assertArrayEquals(b(0xD2, 0x01, 0x0B), passive.expressions().get(0).code().toArray());
        assertSame(SegmentMode.DECLARATIVE, m.elements().get(2).mode());

        assertEquals(2, m.dataCount());
        assertEquals(List.of(new Locals(2, ValType.I32), new Locals(1, ValType.F64)), m.codes().get(0).locals());
        assertArrayEquals(b(0x20, 0x00, 0x0B), m.codes().get(0).body().code().toArray());

        DataSegment d0 = m.data().get(0);
        assertArrayEquals(b(0xAA, 0xBB), d0.init().toArray());
        assertArrayEquals(b(0x41, 0x08, 0x0B), ((SegmentMode.Active) d0.mode()).offset().code().toArray());
        assertSame(SegmentMode.PASSIVE, m.data().get(1).mode());

        CustomSection c = m.customSections().get(0);
        assertEquals("extra", c.name());
        assertArrayEquals(b(1, 2, 3), c.content().toArray());
        assertEquals(11, c.after());
    }

    @Test
    void viewsShareOneCopyOfTheInput() {
        byte[] input = module(
                ONE_EMPTY_TYPE,
                section(3, vec(1, b(0))),
                section(6, vec(1, b(0x7F, 0x00, 0x41, 0x07, 0x0B))),
                section(10, vec(1, body(b(0x01, 0x0B)))));
        WasmModule m = ModuleDecoder.decode(input);
        byte[] shared = m.codes().get(0).body().code().unsafeArray();
        assertSame(shared, m.globals().get(0).init().code().unsafeArray());
        assertTrue(shared != input, "the input is copied, not kept");
        int bodyAt = m.codes().get(0).body().offset();
        assertEquals(0x01, input[bodyAt]);
        input[bodyAt] = 0x00;
        assertEquals(0x01, m.codes().get(0).body().code().get(0));
    }

    @Test
    void sectionIdsAndOrder() {
        assertEquals("malformed section id", failure(module(b(13, 0))));
        assertEquals("unexpected content after last section", failure(module(ONE_EMPTY_TYPE, ONE_EMPTY_TYPE)));
        assertEquals("unexpected content after last section", failure(module(section(3, vec(0)), section(1, vec(0)))));
        // The data count section goes between element and code sections.
        ModuleDecoder.decode(module(section(9, vec(0)), section(12, b(0)), section(10, vec(0))));
        assertEquals("unexpected content after last section", failure(module(section(10, vec(0)), section(12, b(0)))));
        // Custom sections may go anywhere, as many times as wanted.
        ModuleDecoder.decode(module(section(0, name("a")), ONE_EMPTY_TYPE, section(0, name("a")), section(0, name("b"))));
    }

    @Test
    void sectionSizes() {
        assertEquals("section size mismatch", failure(module(section(1, vec(0), b(0x60)))));
        assertEquals("length out of bounds", failure(module(b(1, 5, 0))));
        assertEquals("length out of bounds", failure(module(b(1, 7, 2, 0x60, 0, 0))));
        assertEquals(WasmReader.UNEXPECTED_END, failure(module(b(4, 1, 1))));
        assertEquals(WasmReader.UNEXPECTED_END, failure(module(b(1))));
    }

    @Test
    void hugeCountsFailFast() {
        assertEquals("length out of bounds", failure(module(b(1, 6, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x60))));
        assertEquals("length out of bounds", failure(module(b(10, 6, 0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x00))));
    }

    @Test
    void customSections() {
        assertEquals(WasmReader.UNEXPECTED_END, failure(module(b(0))));
        assertEquals(WasmReader.UNEXPECTED_END, failure(module(b(0, 0))));
        // The name runs past the section's end.
        assertEquals(WasmReader.UNEXPECTED_END, failure(module(b(0, 1, 3, 'a', 'b', 'c'))));
        // The size may exceed the bytes left by as much as its own encoding (a fuzzer's finding).
        assertEquals(WasmReader.UNEXPECTED_END, failure(module(b(0, 8, 4, 'n', 'a', 'o', 'e', 2, 0))));
        assertEquals("malformed UTF-8 encoding", failure(module(section(0, b(1, 0xFF)))));
        WasmModule m = ModuleDecoder.decode(module(section(0, name(""))));
        assertEquals("", m.customSections().get(0).name());
        assertEquals(0, m.customSections().get(0).content().length());
    }

    @Test
    void malformedTypes() {
        assertEquals("malformed function type", failure(module(section(1, vec(1, b(0x61, 0, 0))))));
        assertEquals("malformed value type", failure(module(section(1, vec(1, b(0x60, 1, 0x40, 0))))));
        assertEquals("integer representation too long", failure(module(section(1, vec(1, b(0x60, 1, 0xFF, 0x7F, 0))))));
        assertEquals("malformed reference type", failure(module(section(4, vec(1, b(0x7F, 0, 0))))));
        assertEquals("malformed mutability", failure(module(section(6, vec(1, b(0x7F, 0x02, 0x41, 0, 0x0B))))));
        assertEquals("integer too large", failure(module(section(5, vec(1, b(0x02, 0x00))))));
        assertEquals("integer representation too long", failure(module(section(5, vec(1, b(0x81, 0x00, 0x00))))));
    }

    @Test
    void malformedImportsAndExports() {
        assertEquals("malformed import kind", failure(module(section(2, vec(1, cat(name("a"), name("b"), b(0x04, 0x00)))))));
        assertEquals("malformed UTF-8 encoding", failure(module(section(2, vec(1, cat(b(1, 0xC0), name("b"), b(0x00, 0x00)))))));
        assertEquals("malformed export kind", failure(module(section(7, vec(1, cat(name("a"), b(0x04, 0x00)))))));
    }

    @Test
    void malformedSegments() {
        assertEquals("malformed elements segment kind", failure(module(section(9, vec(1, b(0x08))))));
        assertEquals("malformed element kind", failure(module(section(9, vec(1, b(0x01, 0x01, 0x00))))));
        assertEquals("malformed data segment kind", failure(module(section(11, vec(1, b(0x03))))));
        assertEquals(WasmReader.UNEXPECTED_END, failure(module(b(11, 5, 1, 0x01, 0x03, 0xAA, 0xBB))));
        assertEquals("illegal opcode 0a", failure(module(section(6, vec(1, b(0x7F, 0x00, 0x41, 0x00))), section(10, vec(0)))));
    }

    @Test
    void functionAndCodeCountsMustAgree() {
        assertEquals(
                "function and code section have inconsistent lengths",
                failure(module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))))));
        assertEquals(
                "function and code section have inconsistent lengths",
                failure(module(ONE_EMPTY_TYPE, section(10, vec(1, body(b(0x0B)))))));
    }

    @Test
    void dataCountMustAgreeAndIsRequiredForDataInstructions() {
        assertEquals(
                "data count and data section have inconsistent lengths",
                failure(module(section(12, b(1)))));
        byte[] dataDrop = b(0xFC, 0x09, 0x00, 0x0B);
        byte[] passive = section(11, vec(1, b(0x01, 0x00)));
        byte[] withoutCount = module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), section(10, vec(1, body(dataDrop))), passive);
        assertEquals("data count section required", failure(withoutCount));
        byte[] memoryInit = b(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0x00, 0x00, 0x0B);
        assertEquals(
                "data count section required",
                failure(module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), section(10, vec(1, body(memoryInit))), passive)));
        WasmModule ok = ModuleDecoder.decode(module(
                ONE_EMPTY_TYPE, section(3, vec(1, b(0))), section(12, b(1)), section(10, vec(1, body(dataDrop))), passive));
        assertEquals(1, ok.dataCount());
    }

    @Test
    void functionBodies() {
        // A body that does not end where its size says.
        byte[] shortBody = cat(u(2), b(0x00, 0x01, 0x0B));
        assertEquals("section size mismatch", failure(module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), section(10, vec(1, shortBody)))));
        // Missing end at the end of the input.
        assertEquals(
                WasmReader.UNEXPECTED_END,
                failure(module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), b(10, 4, 1, 2, 0, 0x01))));
        assertEquals("END opcode expected", failure(Wasm.oneFunction(b(0x05, 0x0B))));
        assertEquals("illegal opcode 06", failure(Wasm.oneFunction(b(0x06, 0x0B))));
        assertEquals("zero byte expected", failure(Wasm.oneFunction(b(0x3F, 0x01, 0x1A, 0x0B))));
    }

    @Test
    void knownGoodDecodingTakesBodiesByTheirSize() {
        byte[] add = cat(u(7), b(0x01, 0x01, 0x7F, 0x20, 0x00, 0x1A, 0x0B)); // one i32 local; local.get 0, drop
        byte[] nop = body(b(0x01, 0x0B));
        byte[] bytes = module(ONE_EMPTY_TYPE, section(3, vec(2, b(0, 0))), section(10, vec(2, cat(add, nop))));
        WasmModule scanned = ModuleDecoder.decode(bytes);
        WasmModule taken = ModuleDecoder.decodeKnownGood(bytes, DecoderLimits.DEFAULTS);
        assertEquals(scanned.codes().size(), taken.codes().size());
        for (int i = 0; i < scanned.codes().size(); i++) {
            assertEquals(scanned.codes().get(i).locals(), taken.codes().get(i).locals());
            assertEquals(scanned.codes().get(i).body().code(), taken.codes().get(i).body().code());
            assertEquals(scanned.codes().get(i).body().offset(), taken.codes().get(i).body().offset());
        }
        // Instructions are not read: that is the point, and why it is only for bytes decoded before.
        byte[] illegal = Wasm.oneFunction(b(0x06, 0x0B));
        assertEquals("illegal opcode 06", failure(illegal));
        assertEquals(1, ModuleDecoder.decodeKnownGood(illegal, DecoderLimits.DEFAULTS).codes().size());
        // Sizes are still checked.
        byte[] past = module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), b(10, 4, 1, 9, 0, 0x0B));
        assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decodeKnownGood(past, DecoderLimits.DEFAULTS));
    }

    @Test
    void tooManyLocals() {
        byte[] locals = cat(u(10), b(0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x02, 0x7E, 0x0B));
        assertEquals("too many locals", failure(module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), section(10, vec(1, locals)))));
        byte[] many = cat(u(6), b(0x01, 0x80, 0x80, 0x04, 0x7F, 0x0B)); // 65536 locals
        assertEquals(
                "too many locals: 65536 exceeds the limit of 50000",
                failure(module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), section(10, vec(1, many)))));
    }

    @Test
    void startIndexBeyondIntRangeIsNotNoStart() {
        WasmModule m = ModuleDecoder.decode(module(section(8, b(0xFF, 0xFF, 0xFF, 0xFF, 0x0F))));
        assertEquals(Integer.MIN_VALUE, m.start());
    }
}
