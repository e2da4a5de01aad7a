package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.verge.core.instr.BlockType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Valid modules that stretch the JVM's own limits must still compile and run. */
class JvmLimitsTest {
    @Test
    void functionWithMoreThan255ParameterSlots() {
        List<ValType> params = new ArrayList<>(Collections.nCopies(200, I64));
        ModuleFixture m = new ModuleFixture();
        int sum = m.func(sig(params, List.of(I64)), c -> {
            c.i64Const(0);
            for (int i = 0; i < 200; i++) {
                c.index(LOCAL_GET, i);
                c.op(I64_ADD);
            }
        });
        int call = m.func(sig(List.of(), List.of(I64)), c -> {
            for (int i = 0; i < 200; i++) {
                c.i64Const(i);
            }
            c.index(CALL, sum);
        });
        Instance inst = m.exportFunction("call", call).exportFunction("sum", sum).instantiate();
        assertArrayEquals(new Object[] {199L * 200 / 2}, inst.function("call").call());
        Object[] args = new Object[200];
        java.util.Arrays.fill(args, 1L);
        assertArrayEquals(new Object[] {200L}, inst.function("sum").call(args));
    }

    @Test
    void functionLargerThanOneJvmMethod() {
        ModuleFixture m = new ModuleFixture();
        int big = m.func(sig(List.of(I32), List.of(I32)), c -> {
            for (int i = 0; i < 40_000; i++) {
                c.index(LOCAL_GET, 0);
                c.i32Const(1);
                c.op(I32_ADD);
                c.index(LOCAL_SET, 0);
            }
            c.index(LOCAL_GET, 0);
        });
        assertArrayEquals(new Object[] {40_001}, m.exportFunction("big", big).instantiate().function("big").call(1));
    }

    @Test
    void manyLocals() {
        ModuleFixture m = new ModuleFixture();
        List<ValType> locals = new ArrayList<>(Collections.nCopies(40_000, I64));
        int f = m.func(sig(List.of(), List.of(I64)), locals, c -> {
            c.i64Const(5);
            c.index(LOCAL_SET, 39_999);
            c.index(LOCAL_GET, 39_999);
        });
        assertArrayEquals(new Object[] {5L}, m.exportFunction("f", f).instantiate().function("f").call());
    }

    @Test
    void deepNesting() {
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(), List.of(I32)), c -> {
            // Deep enough to be split (its code is over the threshold) as well as deep.
            for (int i = 0; i < 9_000; i++) {
                c.block(BLOCK, BlockType.I32);
            }
            c.i32Const(7);
            c.branch(BR, 6_000);
            for (int i = 0; i < 9_000; i++) {
                c.op(END);
            }
        });
        assertArrayEquals(new Object[] {7}, m.exportFunction("f", f).instantiate().function("f").call());
    }

    @Test
    void manyFunctions() {
        ModuleFixture m = new ModuleFixture();
        for (int i = 0; i < 20_000; i++) {
            int value = i;
            m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(value));
        }
        int sum = m.func(sig(List.of(), List.of(I32)), c -> {
            c.index(CALL, 1);
            c.index(CALL, 19_999);
            c.op(I32_ADD);
        });
        assertArrayEquals(new Object[] {20_000}, m.exportFunction("f", sum).instantiate().function("f").call());
    }

    /**
     * A function split into pieces whose code branches out of them: to an enclosing block with a
     * value, back to an enclosing loop, and out of the function with a return.
     */
    @Test
    void splitFunctionBranchesAcrossPieces() {
        ModuleFixture m = new ModuleFixture();
        // (param n) (local acc i32) block(result i32) loop: <big statements adding 1 to acc> ;
        //   if acc >= n*3000 br 1 with acc; br 0 end unreachable end
        int statements = 3000;
        int f = m.func(sig(List.of(I32), List.of(I32)), List.of(I32, I64), c -> {
            c.block(BLOCK, BlockType.I32);
            c.block(LOOP, BlockType.EMPTY);
            for (int i = 0; i < statements; i++) {
                c.index(LOCAL_GET, 1);
                c.i32Const(1);
                c.op(I32_ADD);
                c.index(LOCAL_SET, 1);
                if (i == statements / 2) {
                    // An early exit from deep inside: return n * 1000 when n is negative.
                    c.index(LOCAL_GET, 0);
                    c.i32Const(0);
                    c.op(I32_LT_S);
                    c.block(IF, BlockType.EMPTY);
                    c.i32Const(-1000);
                    c.op(RETURN);
                    c.op(END);
                }
            }
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 0);
            c.i32Const(statements);
            c.op(I32_MUL);
            c.op(I32_GE_S);
            c.branch(BR_IF, 1);
            c.op(DROP);
            c.branch(BR, 0);
            c.op(END);
            c.op(UNREACHABLE);
            c.op(END);
        });
        WasmFunction fn = m.exportFunction("f", f).instantiate().function("f");
        assertArrayEquals(new Object[] {3 * statements}, fn.call(3));
        assertArrayEquals(new Object[] {-1000}, fn.call(-1));
    }
}
