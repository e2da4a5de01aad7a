package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.F64;
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

/**
 * Valid functions shaped against the compiler's method splitting: far too large for one JVM
 * method, with values on the operand stack across every place a method could end. Each is
 * compiled and run, and its result checked.
 */
class HostileShapesTest {
    /**
     * Percent of the full sizes to use: the run with the JIT forced ({@code -Xcomp}, see
     * core/pom.xml) compiles every generated method with C2 first, minutes for the full sizes,
     * so it runs the same shapes smaller (still split into many pieces).
     */
    private static final int SCALE = Integer.getInteger("verge.test.hostileScale", 100);

    private static int scaled(int n) {
        return Math.max(1, (int) ((long) n * SCALE / 100));
    }

    private static Object[] run(ModuleFixture m, int f, Object... args) {
        return m.exportFunction("f", f).instantiate().function("f").call(args);
    }

    @Test
    void hundredThousandConstantsThenTheirSum() {
        ModuleFixture m = new ModuleFixture();
        int n = scaled(100_000);
        int f = m.func(sig(List.of(), List.of(I32)), c -> {
            for (int i = 0; i < n; i++) {
                c.i32Const(1);
            }
            for (int i = 1; i < n; i++) {
                c.op(I32_ADD);
            }
        });
        assertArrayEquals(new Object[] {n}, run(m, f));
    }

    /**
     * Loads with tens of thousands of distinct static offsets: each offset is a {@code long}
     * constant, two entries of the class's constant pool (65,535 at most) when pushed with
     * {@code ldc}, so the compiler must build them another way once the pool is nearly full.
     */
    @Test
    void loadsWithTensOfThousandsOfDistinctOffsets() {
        ModuleFixture m = new ModuleFixture();
        m.memory(new dev.verge.core.model.MemoryType(new dev.verge.core.model.Limits(2, 2)), "mem");
        m.activeData(0, 40_000, new byte[] {1, 2, 3});
        int n = scaled(70_000);
        int f = m.func(sig(List.of(), List.of(I32)), c -> {
            c.i32Const(0);
            for (int i = 0; i < n; i++) {
                c.i32Const(0);
                c.memory(I32_LOAD8_U, 0, 40_000 + i, 0);
                c.op(I32_ADD);
            }
        });
        assertArrayEquals(new Object[] {Math.min(n, 3) * (Math.min(n, 3) + 1) / 2}, run(m, f));
    }

    @Test
    void straightLineArithmeticWithValuesLiveAcrossTheWholeFunction() {
        ModuleFixture m = new ModuleFixture();
        int n = scaled(60_000);
        // An f64 and an i64 stay at the bottom of the stack all along; an i32 accumulator above
        // them takes every term; at the end all three are combined.
        int f = m.func(sig(List.of(I32), List.of(I64)), List.of(I64), c -> {
            c.f64Const(Double.doubleToRawLongBits(2.5));
            c.i64Const(1L << 40);
            c.index(LOCAL_GET, 0);
            for (int i = 0; i < n; i++) {
                c.i32Const(i % 7);
                c.index(LOCAL_GET, 0);
                c.op(I32_MUL);
                c.op(I32_ADD);
            }
            c.op(I64_EXTEND_I32_S);
            c.op(I64_ADD);
            c.index(LOCAL_SET, 1);
            c.op(I64_TRUNC_F64_S);
            c.index(LOCAL_GET, 1);
            c.op(I64_ADD);
        });
        long terms = 0;
        for (int i = 0; i < n; i++) {
            terms += i % 7;
        }
        int x = 3;
        long acc = (int) (x + terms * x);
        assertArrayEquals(new Object[] {(1L << 40) + acc + 2}, run(m, f, x));
    }

    @Test
    void deepNestingWithValuesOnTheStackAtEveryLevel() {
        ModuleFixture m = new ModuleFixture();
        // Near the decoder's nesting limit (10,000). Every level: i64.const 1; i64.const 2;
        // block (result i64) <next level> end; i64.add; i64.add. The innermost leaves the
        // argument, or branches out to the outermost block with 1000 when it is 0.
        int depth = 9_900;
        int f = m.func(sig(List.of(I64), List.of(I64)), c -> {
            for (int i = 0; i < depth; i++) {
                c.i64Const(1);
                c.i64Const(2);
                c.block(BLOCK, new BlockType.Value(I64));
            }
            c.i64Const(1000);
            c.index(LOCAL_GET, 0);
            c.op(I64_EQZ);
            c.branch(BR_IF, depth - 1);
            c.op(DROP);
            c.index(LOCAL_GET, 0);
            for (int i = 0; i < depth; i++) {
                c.op(END);
                c.op(I64_ADD);
                c.op(I64_ADD);
            }
        });
        Instance inst = m.exportFunction("f", f).instantiate();
        assertArrayEquals(new Object[] {5L + 3L * depth}, inst.function("f").call(5L));
        // Out of the outermost block with 1000, then only its own constants are added.
        assertArrayEquals(new Object[] {1003L}, inst.function("f").call(0L));
    }

    @Test
    void hugeBrTableWithOperandsBelowItsTargets() {
        ModuleFixture m = new ModuleFixture();
        int labels = 30_000;
        // block(result i32) x4, each entered with a value below; a br_table of 30,000 labels
        // picks a block by index % 4, carrying 100; after each block's end the values below
        // are added, so the result tells which block was left.
        int f = m.func(sig(List.of(I32), List.of(I32)), c -> {
            for (int level = 0; level < 4; level++) {
                c.i32Const(1 << (8 * level));
                c.block(BLOCK, new BlockType.Value(I32));
            }
            for (int i = 0; i < 3000; i++) {
                c.i32Const(i);
            }
            c.i32Const(100);
            c.index(LOCAL_GET, 0);
            int[] table = new int[labels];
            for (int i = 0; i < labels; i++) {
                table[i] = i % 4;
            }
            c.brTable(table, 3);
            for (int level = 0; level < 4; level++) {
                c.op(END);
                c.op(I32_ADD);
            }
        });
        Instance inst = m.exportFunction("f", f).instantiate();
        int all = 1 + (1 << 8) + (1 << 16) + (1 << 24);
        for (int index : new int[] {0, 1, 2, 3, 29_999, 30_000, -1}) {
            int level = index >= 0 && index < labels ? index % 4 : 3;
            // Leaving the block entered at level 3 - level skips the additions inside it.
            int expected = 100;
            for (int l = 3 - level; l >= 0; l--) {
                expected += 1 << (8 * l);
            }
            assertArrayEquals(new Object[] {expected}, inst.function("f").call(index), "index " + index);
        }
        assertArrayEquals(new Object[] {100 + all - (1 << 24) - (1 << 16) - (1 << 8)}, inst.function("f").call(3));
    }

    @Test
    void thousandsOfLocalsInAFunctionSplitIntoPieces() {
        ModuleFixture m = new ModuleFixture();
        int count = Math.max(2_000, scaled(6_000));
        List<ValType> locals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            locals.add(i % 3 == 0 ? I32 : i % 3 == 1 ? I64 : F64);
        }
        // Every local is set from the parameter, then all are read back into one i64 sum, with
        // the running sum kept on the stack the whole time.
        int f = m.func(sig(List.of(I32), List.of(I64)), locals, c -> {
            for (int i = 0; i < count; i++) {
                int local = 1 + i;
                c.index(LOCAL_GET, 0);
                c.i32Const(i);
                c.op(I32_ADD);
                switch (i % 3) {
                    case 1 -> c.op(I64_EXTEND_I32_S);
                    case 2 -> c.op(F64_CONVERT_I32_S);
                    default -> {}
                }
                c.index(LOCAL_SET, local);
            }
            c.i64Const(0);
            for (int i = 0; i < count; i++) {
                c.index(LOCAL_GET, 1 + i);
                switch (i % 3) {
                    case 0 -> c.op(I64_EXTEND_I32_S);
                    case 2 -> c.op(I64_TRUNC_F64_S);
                    default -> {}
                }
                c.op(I64_ADD);
            }
        });
        long expected = 0;
        for (int i = 0; i < count; i++) {
            expected += 10 + i;
        }
        assertArrayEquals(new Object[] {expected}, run(m, f, 10));
    }

    @Test
    void loopWithAParameterCarriedThroughHugeBody() {
        ModuleFixture m = new ModuleFixture();
        int adds = 20_000;
        int loopType = m.type(sig(List.of(I32), List.of(I32)));
        // loop (param i32) (result i32): add 1 twenty thousand times to the value on the stack,
        // then branch back with it while it is below the limit; a value below the loop stays.
        int f = m.func(sig(List.of(I32), List.of(I32)), List.of(I32), c -> {
            c.i32Const(7);
            c.i32Const(0);
            c.block(LOOP, new BlockType.Index(loopType));
            for (int i = 0; i < adds; i++) {
                c.i32Const(1);
                c.op(I32_ADD);
            }
            c.index(LOCAL_TEE, 1);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 0);
            c.op(I32_LT_S);
            c.branch(BR_IF, 0);
            c.op(END);
            c.op(I32_ADD);
        });
        assertArrayEquals(new Object[] {7 + 3 * adds}, run(m, f, 3 * adds));
    }

    @Test
    void ifElseWithHugeArmsTakingAndReturningSeveralValues() {
        ModuleFixture m = new ModuleFixture();
        int arm = 15_000;
        int armType = m.type(sig(List.of(I32, I64), List.of(I64, I32)));
        // if (param i32 i64) (result i64 i32), each arm changing the i64 step by step with both
        // values on the stack; an i64 below the if survives and everything is added at the end.
        int f = m.func(sig(List.of(I32), List.of(I64)), List.of(I64, I32), c -> {
            c.i64Const(1_000_000);
            c.i32Const(5);
            c.i64Const(0);
            c.index(LOCAL_GET, 0);
            c.block(IF, new BlockType.Index(armType));
            for (int i = 0; i < arm; i++) {
                c.i64Const(2);
                c.op(I64_ADD);
            }
            c.index(LOCAL_SET, 1);
            c.op(I64_EXTEND_I32_S);
            c.index(LOCAL_GET, 1);
            c.op(I64_ADD);
            c.i32Const(7);
            c.op(ELSE);
            for (int i = 0; i < arm; i++) {
                c.i64Const(3);
                c.op(I64_SUB);
            }
            c.index(LOCAL_SET, 1);
            c.i32Const(10);
            c.op(I32_MUL);
            c.index(LOCAL_SET, 2);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 2);
            c.op(END);
            c.op(I64_EXTEND_I32_S);
            c.op(I64_ADD);
            c.op(I64_ADD);
        });
        Instance inst = m.exportFunction("f", f).instantiate();
        assertArrayEquals(new Object[] {1_000_000L + 5 + 2L * arm + 7}, inst.function("f").call(1), "then");
        assertArrayEquals(new Object[] {1_000_000L - 3L * arm + 50}, inst.function("f").call(0), "else");
    }

    @Test
    void returnAndBranchOutOfPiecesWithManyValuesBelow() {
        ModuleFixture m = new ModuleFixture();
        int below = scaled(5_000);
        int steps = Math.max(4_000, scaled(20_000));
        // (param i32) (result i64 i32): 5000 values pushed, then a block(result i64) whose huge
        // body returns early (two results) when the parameter is 1, or branches out of the block
        // with a value when it is 2, or falls through; the 5000 values are summed at the end.
        int f = m.func(sig(List.of(I32), List.of(I64, I32)), List.of(I64, I32), c -> {
            for (int i = 0; i < below; i++) {
                c.i32Const(1);
            }
            c.block(BLOCK, new BlockType.Value(I64));
            c.i64Const(0);
            for (int i = 0; i < steps; i++) {
                c.i64Const(1);
                c.op(I64_ADD);
                if (i == steps / 2) {
                    c.index(LOCAL_GET, 0);
                    c.i32Const(1);
                    c.op(I32_EQ);
                    c.block(IF, BlockType.EMPTY);
                    c.i64Const(-1);
                    c.i32Const(-2);
                    c.op(RETURN);
                    c.op(END);
                    c.index(LOCAL_GET, 0);
                    c.i32Const(2);
                    c.op(I32_EQ);
                    c.branch(BR_IF, 0);
                }
            }
            c.op(END);
            c.index(LOCAL_SET, 1);
            for (int i = 1; i < below; i++) {
                c.op(I32_ADD);
            }
            c.index(LOCAL_SET, 2);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 2);
        });
        Instance inst = m.exportFunction("f", f).instantiate();
        assertArrayEquals(new Object[] {(long) steps, below}, inst.function("f").call(0));
        assertArrayEquals(new Object[] {-1L, -2}, inst.function("f").call(1));
        assertArrayEquals(new Object[] {(long) (steps / 2 + 1), below}, inst.function("f").call(2));
    }

    @Test
    void megabyteFunctionCompilesAndRuns() {
        ModuleFixture m = new ModuleFixture();
        int statements = scaled(100_000);
        // About 1 MB of code: statements through locals with a running sum on the stack, and
        // a small block every tenth statement; many distinct constants besides.
        int f = m.func(sig(List.of(I32), List.of(I32)), List.of(I32), c -> {
            c.i32Const(0);
            for (int i = 0; i < statements; i++) {
                c.index(LOCAL_GET, 0);
                c.i32Const(i * 7919);
                c.op(I32_XOR);
                c.index(LOCAL_TEE, 1);
                c.op(I32_ADD);
                if (i % 10 == 0) {
                    c.block(BLOCK, BlockType.EMPTY);
                    c.index(LOCAL_GET, 1);
                    c.branch(BR_IF, 0);
                    c.op(END);
                }
            }
        });
        int x = 12345;
        int expected = 0;
        for (int i = 0; i < statements; i++) {
            expected += x ^ (i * 7919);
        }
        assertArrayEquals(new Object[] {expected}, run(m, f, x));
    }
}
