package dev.verge.core.validate;

import static dev.verge.core.validate.ValidationAssertions.I32;
import static dev.verge.core.validate.ValidationAssertions.NO;
import static dev.verge.core.validate.ValidationAssertions.assertInvalid;
import static dev.verge.core.validate.ValidationAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Module-level rules: types, limits, constant expressions, segments, start, exports. */
class ModuleRulesTest {
    private static Global global(ValType t, boolean mutable, int... init) {
        return new Global(new GlobalType(t, mutable), TestModule.expr(init));
    }

    @Test
    void functionTypeIndicesMustExist() {
        assertInvalid("unknown type 3", TestModule.module().func(3, NO));
        assertInvalid("unknown type 0", TestModule.module().importing(new Import("m", "f", new FuncImport(0))));
    }

    @Test
    void memoryLimits() {
        assertValid(TestModule.module().memory(new MemoryType(new Limits(0, 65536))));
        assertInvalid("memory size must be at most 65536 pages (4GiB)",
                TestModule.module().memory(new MemoryType(Limits.atLeast(65537))));
        assertInvalid("memory size must be at most 65536 pages (4GiB)",
                TestModule.module().memory(new MemoryType(new Limits(0, 65537))));
        assertInvalid("size minimum must not be greater than maximum",
                TestModule.module().memory(new MemoryType(new Limits(2, 1))));
        assertInvalid("size minimum must not be greater than maximum", TestModule.module()
                .importing(new Import("m", "mem", new MemoryType(new Limits(2, 1)))));
    }

    @Test
    void tableLimits() {
        assertValid(TestModule.module().table(new TableType(ValType.FUNCREF, new Limits(0, 0xFFFF_FFFFL))));
        assertInvalid("size minimum must not be greater than maximum",
                TestModule.module().table(new TableType(ValType.FUNCREF, new Limits(2, 1))));
    }

    @Test
    void atMostOneMemoryIn2_0() {
        TestModule two = TestModule.module().memory(IndexRulesTest.MEMORY)
                .importing(new Import("m", "mem", IndexRulesTest.MEMORY));
        assertInvalid("multiple memories", two);
        assertValid(TestModule.module().memory(IndexRulesTest.MEMORY));
        Validator.validate(two.build(), ValidatorLimits.DEFAULT.withFeatures(Features.WASM_2_0.withMultiMemory(true)));
    }

    @Test
    void globalInitializersAreConstantAndTyped() {
        assertValid(TestModule.module().global(global(ValType.I64, false, 0x42, 7)));
        assertInvalid("type mismatch", TestModule.module().global(global(ValType.I64, false, 0x41, 7)));
        assertInvalid("type mismatch", TestModule.module().global(global(ValType.I32, false)));
        assertInvalid("type mismatch", TestModule.module().global(global(ValType.I32, false, 0x41, 0, 0x41, 0)));
        assertInvalid("constant expression required",
                TestModule.module().global(global(ValType.I32, false, 0x41, 0, 0x41, 0, 0x6A)));
        assertInvalid("constant expression required", TestModule.module().global(global(ValType.I32, false, 0x01)));
        assertValid(TestModule.module().global(global(ValType.FUNCREF, false, 0xD0, 0x70)));
    }

    @Test
    void globalGetInAConstantSeesOnlyImmutableImports() {
        Import imported = new Import("m", "g", new GlobalType(ValType.I32, false));
        Import importedMutable = new Import("m", "g", new GlobalType(ValType.I32, true));
        assertValid(TestModule.module().importing(imported).global(global(ValType.I32, false, 0x23, 0)));
        assertInvalid("constant expression required",
                TestModule.module().importing(importedMutable).global(global(ValType.I32, false, 0x23, 0)));
        // a defined global is not in scope, not even an earlier one
        assertInvalid("unknown global 0", TestModule.module()
                .global(global(ValType.I32, false, 0x41, 0)).global(global(ValType.I32, false, 0x23, 0)));
    }

    @Test
    void elementSegments() {
        TableType funcs = IndexRulesTest.FUNCS;
        SegmentMode at0 = new SegmentMode.Active(0, TestModule.expr(0x41, 0));
        ElementSegment one = new ElementSegment(ValType.FUNCREF, at0, List.of(0), List.of(), false);
        assertValid(TestModule.module().func(NO).table(funcs).element(one));
        assertInvalid("unknown table 0", TestModule.module().func(NO).element(one));
        assertInvalid("unknown function 0", TestModule.module().table(funcs).element(one));
        assertInvalid("type mismatch", TestModule.module().func(NO).table(IndexRulesTest.EXTERNS).element(
                new ElementSegment(ValType.FUNCREF, at0, List.of(), List.of(), true)));
        SegmentMode i64Offset = new SegmentMode.Active(0, TestModule.expr(0x42, 0));
        assertInvalid("type mismatch", TestModule.module().table(funcs).element(
                new ElementSegment(ValType.FUNCREF, i64Offset, List.of(), List.of(), true)));
        // expressions must have the segment's type
        ElementSegment externItems = new ElementSegment(ValType.EXTERNREF, SegmentMode.PASSIVE, List.of(),
                List.of(TestModule.expr(0xD0, 0x70)), true);
        assertInvalid("type mismatch", TestModule.module().element(externItems));
    }

    @Test
    void dataSegments() {
        SegmentMode at0 = new SegmentMode.Active(0, TestModule.expr(0x41, 0));
        assertValid(TestModule.module().memory(IndexRulesTest.MEMORY).data(new DataSegment(at0, Bytes.EMPTY)));
        assertInvalid("unknown memory 0", TestModule.module().data(new DataSegment(at0, Bytes.EMPTY)));
        SegmentMode notConstant = new SegmentMode.Active(0, TestModule.expr(0x41, 0, 0x45));
        assertInvalid("constant expression required",
                TestModule.module().memory(IndexRulesTest.MEMORY).data(new DataSegment(notConstant, Bytes.EMPTY)));
    }

    @Test
    void startFunction() {
        assertValid(TestModule.module().func(NO).start(0));
        assertInvalid("unknown function 1", TestModule.module().func(NO).start(1));
        assertInvalid("start function", TestModule.module().func(I32, 0x41, 0).start(0));
    }

    @Test
    void exports() {
        assertValid(TestModule.module().func(NO).export(new Export("a", ExternKind.FUNC, 0))
                .export(new Export("b", ExternKind.FUNC, 0)));
        assertInvalid("duplicate export name", TestModule.module().func(NO)
                .export(new Export("a", ExternKind.FUNC, 0)).export(new Export("a", ExternKind.FUNC, 0)));
        assertInvalid("unknown function 1", TestModule.module().func(NO).export(new Export("a", ExternKind.FUNC, 1)));
        assertInvalid("unknown table 0", TestModule.module().export(new Export("a", ExternKind.TABLE, 0)));
        assertInvalid("unknown memory 0", TestModule.module().export(new Export("a", ExternKind.MEMORY, 0)));
        assertInvalid("unknown global 0", TestModule.module().export(new Export("a", ExternKind.GLOBAL, 0)));
    }

    @Test
    void validModuleAnswersTheCompilersQuestions() {
        ValidModule v = assertValid(TestModule.module()
                .importing(new Import("m", "f", new FuncImport(0)))
                .type(NO, NO)
                .func(I32, I32, List.of(ValType.I64, ValType.F32), 0x20, 0, 0x20, 0, 0x6A)
                .export(new Export("f", ExternKind.FUNC, 1)));
        assertEquals(2, v.functionCount());
        assertEquals(1, v.importedFunctionCount());
        assertEquals(1, v.definedFunctionCount());
        assertEquals(List.of(ValType.I32, ValType.I64, ValType.F32), v.localTypes(0));
        assertEquals(I32, v.definedFunctionType(0).results());
        assertEquals(2, v.maxOperandHeight(0));
        assertEquals(1, v.maxControlDepth(0));
        assertTrue(v.isDeclaredReference(1));
        assertFalse(v.isDeclaredReference(0));
    }
}
