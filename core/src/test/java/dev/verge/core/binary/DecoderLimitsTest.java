package dev.verge.core.binary;

import static dev.verge.core.binary.Wasm.ONE_EMPTY_TYPE;
import static dev.verge.core.binary.Wasm.b;
import static dev.verge.core.binary.Wasm.body;
import static dev.verge.core.binary.Wasm.cat;
import static dev.verge.core.binary.Wasm.module;
import static dev.verge.core.binary.Wasm.name;
import static dev.verge.core.binary.Wasm.section;
import static dev.verge.core.binary.Wasm.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecoderLimitsTest {
    private static String failure(byte[] bytes, DecoderLimits limits) {
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(bytes, limits)).reason();
    }

    private static final DecoderLimits D = DecoderLimits.DEFAULTS;

    @Test
    void defaultsAreThoseOfBrowserEngines() {
        assertEquals(50_000, D.maxLocals());
        assertEquals(1_000_000, D.maxFunctions());
        assertEquals(false, D.multiMemory());
    }

    @Test
    void withersChangeOneLimit() {
        DecoderLimits l = D.withMaxFunctions(7);
        assertEquals(7, l.maxFunctions());
        assertEquals(D.maxTypes(), l.maxTypes());
        assertEquals(D, l.withMaxFunctions(D.maxFunctions()));
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> D.withMaxTypes(-1));
    }

    @Test
    void moduleSize() {
        assertEquals("too many module bytes: 8 exceeds the limit of 7", failure(Wasm.HEADER, D.withMaxModuleSize(7)));
    }

    @Test
    void typesAndSignatures() {
        byte[] twoTypes = module(section(1, vec(2, b(0x60, 0, 0), b(0x60, 0, 0))));
        assertEquals("too many types: 2 exceeds the limit of 1", failure(twoTypes, D.withMaxTypes(1)));
        byte[] twoParams = module(section(1, vec(1, b(0x60, 2, 0x7F, 0x7F, 0))));
        assertEquals("too many function parameters: 2 exceeds the limit of 1", failure(twoParams, D.withMaxFunctionParams(1)));
        byte[] twoResults = module(section(1, vec(1, b(0x60, 0, 2, 0x7F, 0x7F))));
        assertEquals("too many function results: 2 exceeds the limit of 1", failure(twoResults, D.withMaxFunctionResults(1)));
    }

    @Test
    void importedAndDefinedEntitiesCountTogether() {
        byte[] imports = section(2, vec(1, cat(name("m"), name("f"), b(0x00, 0x00))));
        byte[] functions = section(3, vec(1, b(0)));
        assertEquals(
                "too many functions: 2 exceeds the limit of 1",
                failure(module(ONE_EMPTY_TYPE, imports, functions), D.withMaxFunctions(1)));
        assertEquals("too many imports: 1 exceeds the limit of 0", failure(module(ONE_EMPTY_TYPE, imports), D.withMaxImports(0)));
        byte[] memoryImport = section(2, vec(1, cat(name("m"), name("mem"), b(0x02, 0x00, 0x00))));
        assertEquals(
                "too many memories: 2 exceeds the limit of 1",
                failure(module(memoryImport, section(5, vec(1, b(0, 0)))), D.withMaxMemories(1)));
        assertEquals("too many tables: 1 exceeds the limit of 0", failure(module(section(4, vec(1, b(0x70, 0, 0)))), D.withMaxTables(0)));
        assertEquals(
                "too many globals: 1 exceeds the limit of 0",
                failure(module(section(6, vec(1, b(0x7F, 0, 0x41, 0, 0x0B)))), D.withMaxGlobals(0)));
        assertEquals(
                "too many exports: 1 exceeds the limit of 0",
                failure(module(section(7, vec(1, cat(name("x"), b(0, 0))))), D.withMaxExports(0)));
    }

    @Test
    void segments() {
        byte[] elements = module(section(9, vec(1, b(0x01, 0x00, 0x02, 0x00, 0x00))));
        assertEquals("too many element segments: 1 exceeds the limit of 0", failure(elements, D.withMaxElementSegments(0)));
        assertEquals("too many element segment items: 2 exceeds the limit of 1", failure(elements, D.withMaxElementSegmentSize(1)));
        byte[] data = module(section(11, vec(1, b(0x01, 0x02, 0xAA, 0xBB))));
        assertEquals("too many data segments: 1 exceeds the limit of 0", failure(data, D.withMaxDataSegments(0)));
        assertEquals("too many data segment bytes: 2 exceeds the limit of 1", failure(data, D.withMaxDataSegmentSize(1)));
    }

    @Test
    void functionBodies() {
        byte[] oneFunction = module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), section(10, vec(1, body(b(0x01, 0x01, 0x0B)))));
        assertEquals("too many function body bytes: 4 exceeds the limit of 3", failure(oneFunction, D.withMaxFunctionBodySize(3)));
        byte[] locals = module(ONE_EMPTY_TYPE, section(3, vec(1, b(0))), section(10, vec(1, b(4, 1, 3, 0x7F, 0x0B))));
        assertEquals("too many locals: 3 exceeds the limit of 2", failure(locals, D.withMaxLocals(2)));
        byte[] nested = Wasm.oneFunction(b(0x02, 0x40, 0x02, 0x40, 0x0B, 0x0B, 0x0B));
        assertEquals("too many nested blocks: 2 exceeds the limit of 1", failure(nested, D.withMaxNestingDepth(1)));
    }
}
