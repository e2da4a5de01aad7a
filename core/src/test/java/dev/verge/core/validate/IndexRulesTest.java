package dev.verge.core.validate;

import static dev.verge.core.validate.ValidationAssertions.I32;
import static dev.verge.core.validate.ValidationAssertions.NO;
import static dev.verge.core.validate.ValidationAssertions.assertInvalid;
import static dev.verge.core.validate.ValidationAssertions.assertValid;
import static dev.verge.core.validate.ValidationAssertions.invalidBody;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instructions that name functions, globals, tables, memories and segments. */
class IndexRulesTest {
    static final TableType FUNCS = new TableType(ValType.FUNCREF, Limits.atLeast(1));
    static final TableType EXTERNS = new TableType(ValType.EXTERNREF, Limits.atLeast(1));
    static final MemoryType MEMORY = new MemoryType(Limits.atLeast(1));

    static ElementSegment passive(RefType type) {
        return new ElementSegment(type, SegmentMode.PASSIVE, List.of(), List.of(), true);
    }

    static DataSegment passiveData() {
        return new DataSegment(SegmentMode.PASSIVE, Bytes.EMPTY);
    }

    @Test
    void calls() {
        assertValid(TestModule.module().func(I32, 0x41, 1, 0x10, 1).func(I32, I32, NO, 0x20, 0));
        invalidBody("unknown function 1", NO, 0x10, 1);
        // call $f with an i64 where it takes an i32
        assertInvalid("type mismatch", TestModule.module().func(I32, 0x42, 1, 0x10, 1).func(I32, I32, NO, 0x20, 0));
    }

    @Test
    void indirectCalls() {
        // i32.const 0 call_indirect (type 0) (table 0)
        assertValid(TestModule.module().func(NO, 0x41, 0, 0x11, 0, 0).table(FUNCS));
        invalidBody("unknown table 0", NO, 0x41, 0, 0x11, 0, 0);
        assertInvalid("unknown type 7", TestModule.module().func(NO, 0x41, 0, 0x11, 7, 0).table(FUNCS));
        assertInvalid("type mismatch", TestModule.module().func(NO, 0x41, 0, 0x11, 0, 0).table(EXTERNS));
        assertInvalid("type mismatch", TestModule.module().func(NO, 0x42, 0, 0x11, 0, 0).table(FUNCS));
    }

    @Test
    void globals() {
        Global immutable = new Global(new GlobalType(ValType.I32, false), TestModule.expr(0x41, 0));
        Global mutable = new Global(new GlobalType(ValType.I32, true), TestModule.expr(0x41, 0));
        assertValid(TestModule.module().func(I32, 0x23, 0).global(immutable));
        assertValid(TestModule.module().func(NO, 0x41, 1, 0x24, 0).global(mutable));
        invalidBody("unknown global 0", I32, 0x23, 0);
        assertInvalid("global is immutable", TestModule.module().func(NO, 0x41, 1, 0x24, 0).global(immutable));
        assertInvalid("type mismatch", TestModule.module().func(NO, 0x42, 1, 0x24, 0).global(mutable));
    }

    @Test
    void loadsAndStores() {
        // i32.const 0 i32.load align=2 offset=0
        assertValid(TestModule.module().func(I32, 0x41, 0, 0x28, 2, 0).memory(MEMORY));
        invalidBody("unknown memory 0", I32, 0x41, 0, 0x28, 2, 0);
        assertInvalid("alignment must not be larger than natural", TestModule.module().func(I32, 0x41, 0, 0x28, 3, 0).memory(MEMORY));
        assertInvalid("alignment must not be larger than natural", TestModule.module().func(I32, 0x41, 0, 0x2C, 1, 0).memory(MEMORY));
        // the address is i32: i64.const 0 i32.load
        assertInvalid("type mismatch", TestModule.module().func(I32, 0x42, 0, 0x28, 2, 0).memory(MEMORY));
        // i32.const 0 i64.const 1 i64.store
        assertValid(TestModule.module().func(NO, 0x41, 0, 0x42, 1, 0x37, 3, 0).memory(MEMORY));
        assertInvalid("type mismatch", TestModule.module().func(NO, 0x41, 0, 0x41, 1, 0x37, 3, 0).memory(MEMORY));
    }

    @Test
    void memoryInstructions() {
        assertValid(TestModule.module().func(I32, 0x3F, 0).memory(MEMORY));
        invalidBody("unknown memory 0", I32, 0x3F, 0);
        assertValid(TestModule.module().func(I32, 0x41, 1, 0x40, 0).memory(MEMORY));
        invalidBody("unknown memory 0", I32, 0x41, 1, 0x40, 0);
        // memory.fill / memory.copy: three i32s
        assertValid(TestModule.module().func(NO, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0B, 0).memory(MEMORY));
        assertInvalid("type mismatch", TestModule.module().func(NO, 0x41, 0, 0x42, 0, 0x41, 0, 0xFC, 0x0B, 0).memory(MEMORY));
        assertValid(TestModule.module().func(NO, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0A, 0, 0).memory(MEMORY));
        invalidBody("unknown memory 0", NO, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0A, 0, 0);
        // memory.init 0 and data.drop 0
        assertValid(TestModule.module().func(NO, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0, 0).memory(MEMORY).data(passiveData()));
        assertInvalid("unknown data segment 0", TestModule.module().func(NO, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0, 0).memory(MEMORY));
        assertInvalid("unknown memory 0", TestModule.module().func(NO, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0, 0).data(passiveData()));
        assertValid(TestModule.module().func(NO, 0xFC, 0x09, 0).data(passiveData()));
        invalidBody("unknown data segment 0", NO, 0xFC, 0x09, 0);
    }

    @Test
    void tableInstructions() {
        // i32.const 0 table.get 0 ; table.size ; table.grow ; table.fill ; table.set
        assertValid(TestModule.module().func(List.of(ValType.FUNCREF), 0x41, 0, 0x25, 0).table(FUNCS));
        invalidBody("unknown table 0", List.of(ValType.FUNCREF), 0x41, 0, 0x25, 0);
        assertInvalid("type mismatch", TestModule.module().func(List.of(ValType.FUNCREF), 0x41, 0, 0x25, 0).table(EXTERNS));
        assertValid(TestModule.module().func(NO, 0x41, 0, 0xD0, 0x6F, 0x26, 0).table(EXTERNS));
        assertInvalid("type mismatch", TestModule.module().func(NO, 0x41, 0, 0xD0, 0x70, 0x26, 0).table(EXTERNS));
        assertValid(TestModule.module().func(I32, 0xFC, 0x10, 0).table(FUNCS));
        invalidBody("unknown table 0", I32, 0xFC, 0x10, 0);
        assertValid(TestModule.module().func(I32, 0xD0, 0x70, 0x41, 1, 0xFC, 0x0F, 0).table(FUNCS));
        assertInvalid("type mismatch", TestModule.module().func(I32, 0x41, 1, 0xD0, 0x70, 0xFC, 0x0F, 0).table(FUNCS));
        assertValid(TestModule.module().func(NO, 0x41, 0, 0xD0, 0x70, 0x41, 1, 0xFC, 0x11, 0).table(FUNCS));
        assertInvalid("type mismatch", TestModule.module().func(NO, 0x41, 0, 0xD0, 0x6F, 0x41, 1, 0xFC, 0x11, 0).table(FUNCS));
    }

    @Test
    void tableCopyAndInitCompareElementTypes() {
        int[] copy10 = {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0E, 1, 0}; // table.copy 1 0
        assertValid(TestModule.module().func(NO, copy10).table(FUNCS).table(FUNCS));
        assertInvalid("type mismatch", TestModule.module().func(NO, copy10).table(FUNCS).table(EXTERNS));
        assertInvalid("unknown table 1", TestModule.module().func(NO, copy10).table(FUNCS));
        int[] init00 = {0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0C, 0, 0}; // table.init 0 0
        assertValid(TestModule.module().func(NO, init00).table(FUNCS).element(passive(ValType.FUNCREF)));
        assertInvalid("type mismatch", TestModule.module().func(NO, init00).table(FUNCS).element(passive(ValType.EXTERNREF)));
        assertInvalid("unknown elem segment 0", TestModule.module().func(NO, init00).table(FUNCS));
        assertInvalid("unknown table 0", TestModule.module().func(NO, init00).element(passive(ValType.FUNCREF)));
        assertValid(TestModule.module().func(NO, 0xFC, 0x0D, 0).element(passive(ValType.FUNCREF)));
        invalidBody("unknown elem segment 0", NO, 0xFC, 0x0D, 0);
    }

    @Test
    void refFuncNeedsADeclaration() {
        List<ValType> funcref = List.of(ValType.FUNCREF);
        invalidBody("undeclared function reference", funcref, 0xD2, 0);
        invalidBody("unknown function 3", funcref, 0xD2, 3);
        assertValid(TestModule.module().func(funcref, 0xD2, 0).export(new Export("f", ExternKind.FUNC, 0)));
        ElementSegment declaring = new ElementSegment(ValType.FUNCREF, SegmentMode.DECLARATIVE, List.of(0), List.of(), false);
        assertValid(TestModule.module().func(funcref, 0xD2, 0).element(declaring));
        ElementSegment byExpression = new ElementSegment(ValType.FUNCREF, SegmentMode.PASSIVE, List.of(),
                List.of(TestModule.expr(0xD2, 0)), true);
        assertValid(TestModule.module().func(funcref, 0xD2, 0).element(byExpression));
        Global holding = new Global(new GlobalType(ValType.FUNCREF, false), TestModule.expr(0xD2, 0));
        assertValid(TestModule.module().func(funcref, 0xD2, 0).global(holding));
        // the start function is not a declaration
        assertInvalid("undeclared function reference", TestModule.module().func(NO, 0xD2, 0, 0x1A).start(0));
    }
}
