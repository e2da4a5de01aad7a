package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.F64;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.instr.BlockType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocks, loops, branches with values, br_table, multi-value blocks and functions. */
class ControlFlowTest {
    @Test
    void loopSumsWithBrIf() {
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(I32), List.of(I32)), List.of(I32), c -> {
            c.block(BLOCK, BlockType.EMPTY);
            c.block(LOOP, BlockType.EMPTY);
            c.index(LOCAL_GET, 0);
            c.op(I32_EQZ);
            c.branch(BR_IF, 1);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 0);
            c.op(I32_ADD);
            c.index(LOCAL_SET, 1);
            c.index(LOCAL_GET, 0);
            c.i32Const(1);
            c.op(I32_SUB);
            c.index(LOCAL_SET, 0);
            c.branch(BR, 0);
            c.op(END);
            c.op(END);
            c.index(LOCAL_GET, 1);
        });
        assertArrayEquals(new Object[] {5050}, m.exportFunction("sum", f).instantiate().function("sum").call(100));
    }

    /** br_table to three depths, two of which must drop operands left below the carried value. */
    @Test
    void brTableDropsOperandsBelowCarriedValues() {
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.block(BLOCK, BlockType.I32);
            c.i64Const(100);
            c.block(BLOCK, BlockType.I32);
            c.f64Const(Double.doubleToRawLongBits(2.5));
            c.i32Const(5);
            c.index(LOCAL_GET, 0);
            c.brTable(new int[] {0, 1}, 2);
            c.op(END);
            c.op(DROP);
            c.op(DROP);
            c.i32Const(2);
            c.op(END);
        });
        WasmFunction fn = m.exportFunction("f", f).instantiate().function("f");
        assertArrayEquals(new Object[] {2}, fn.call(0));
        assertArrayEquals(new Object[] {5}, fn.call(1));
        assertArrayEquals(new Object[] {5}, fn.call(7));
    }

    /** A branch out of two frames whose operands (an i64 and an f64) are typed from frame entries. */
    @Test
    void branchOutOfNestedFramesWithWideOperands() {
        ModuleFixture m = new ModuleFixture();
        int bt = m.type(sig(List.of(I64), List.of(I32)));
        int f = m.func(sig(List.of(), List.of(I32)), c -> {
            c.block(BLOCK, BlockType.I32);
            c.f64Const(0);
            c.i64Const(7);
            c.block(LOOP, new BlockType.Index(bt));
            c.op(DROP);
            c.i64Const(1);
            c.i32Const(42);
            c.branch(BR, 1);
            c.op(END);
            c.op(DROP);
            c.op(DROP);
            c.i32Const(0);
            c.op(END);
        });
        assertArrayEquals(new Object[] {42}, m.exportFunction("f", f).instantiate().function("f").call());
    }

    @Test
    void multiValueFunctionsAndCalls() {
        ModuleFixture m = new ModuleFixture();
        int swap = m.func(sig(List.of(I32, F64), List.of(F64, I32)), c -> {
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 0);
        });
        int user = m.func(sig(List.of(), List.of(I32)), List.of(I32), c -> {
            c.i32Const(7);
            c.f64Const(Double.doubleToRawLongBits(1.5));
            c.index(CALL, swap);
            c.index(LOCAL_SET, 0);
            c.op(DROP);
            c.index(LOCAL_GET, 0);
        });
        Instance i = m.exportFunction("swap", swap).exportFunction("user", user).instantiate();
        assertArrayEquals(new Object[] {1.5, 3}, i.function("swap").call(3, 1.5));
        assertArrayEquals(new Object[] {7}, i.function("user").call());
    }

    @Test
    void ifElseWithParamsAndUnreachable() {
        ModuleFixture m = new ModuleFixture();
        int bt = m.type(sig(List.of(I32), List.of(I32)));
        int f = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.i32Const(10);
            c.index(LOCAL_GET, 0);
            c.block(IF, new BlockType.Index(bt));
            c.i32Const(1);
            c.op(I32_ADD);
            c.op(ELSE);
            c.op(UNREACHABLE);
            c.op(END);
        });
        WasmFunction fn = m.exportFunction("f", f).instantiate().function("f");
        assertArrayEquals(new Object[] {11}, fn.call(1));
        Trap t = assertThrows(Trap.class, () -> fn.call(0));
        assertEquals(TrapKind.UNREACHABLE, t.kind());
        assertEquals("unreachable", t.getMessage());
    }

    @Test
    void selectPicksByCondition() {
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(I64, I64, I32), List.of(I64)), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 2);
            c.op(SELECT);
        });
        WasmFunction fn = m.exportFunction("f", f).instantiate().function("f");
        assertArrayEquals(new Object[] {1L}, fn.call(1L, 2L, 5));
        assertArrayEquals(new Object[] {2L}, fn.call(1L, 2L, 0));
    }
}
