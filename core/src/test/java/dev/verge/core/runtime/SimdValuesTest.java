package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;

import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.instr.BlockType;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.ValType;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code v128} values everywhere a value can go: parameters, results (single and multi-value),
 * locals (zeroed at entry, in JVM locals and in frame arrays), globals (defined, imported,
 * exported), blocks, branches, {@code select}, and host functions.
 */
class SimdValuesTest {
    private static final ValType VEC = ValType.V128;
    private static final V128 A = V128.of(0x0000_0004_0000_0003L, 0x0000_0002_0000_0001L);
    private static final V128 B = V128.of(0x0000_0010_0000_0010L, 0x0000_0010_0000_0010L);
    private static final V128 A_PLUS_B = V128.of(0x0000_0014_0000_0013L, 0x0000_0012_0000_0011L);

    @Test
    void parametersLocalsAndResults() {
        ModuleFixture m = new ModuleFixture();
        int add = m.func(sig(List.of(VEC, VEC), List.of(VEC)), List.of(VEC), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.op(I32X4_ADD);
            c.index(LOCAL_SET, 2);
            c.index(LOCAL_GET, 2);
        });
        WasmFunction f = m.exportFunction("add", add).instantiate().function("add");
        assertArrayEquals(new Object[] {A_PLUS_B}, f.call(A, B));
    }

    @Test
    void typedHandleTakesAndReturnsV128() throws Throwable {
        ModuleFixture m = new ModuleFixture();
        int id = m.func(sig(List.of(VEC), List.of(VEC)), c -> c.index(LOCAL_GET, 0));
        MethodHandle h = m.exportFunction("id", id).instantiate().function("id").handle();
        V128 r = (V128) h.invokeExact(A);
        assertEquals(A, r);
    }

    @Test
    void declaredLocalsStartAtZero() {
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(), List.of(VEC)), List.of(I32, VEC), c -> c.index(LOCAL_GET, 1));
        assertArrayEquals(new Object[] {V128.ZERO}, m.exportFunction("f", f).instantiate().function("f").call());
    }

    @Test
    void argumentOfTheWrongTypeIsRejected() {
        ModuleFixture m = new ModuleFixture();
        int id = m.func(sig(List.of(VEC), List.of(VEC)), c -> c.index(LOCAL_GET, 0));
        WasmFunction f = m.exportFunction("id", id).instantiate().function("id");
        assertThrows(IllegalArgumentException.class, () -> f.call(42));
        assertThrows(IllegalArgumentException.class, () -> f.call((Object) null));
    }

    @Test
    void multiValueResultsMixVectorsAndNumbers() {
        ModuleFixture m = new ModuleFixture();
        int three = m.func(sig(List.of(), List.of(VEC, VEC, I32)), c -> {
            c.v128Const(A.lo(), A.hi());
            c.v128Const(B.lo(), B.hi());
            c.i32Const(7);
        });
        // A caller that unpacks them and recombines: a + b, then the i32 as a splat added on.
        int sum = m.func(sig(List.of(), List.of(VEC)), c -> {
            c.index(CALL, three);
            c.op(I32X4_SPLAT);
            c.op(I32X4_ADD);
            c.op(I32X4_ADD);
        });
        Instance inst = m.exportFunction("three", three).exportFunction("sum", sum).instantiate();
        assertArrayEquals(new Object[] {A, B, 7}, inst.function("three").call());
        V128 seven = V128.of(0x0000_0007_0000_0007L, 0x0000_0007_0000_0007L);
        V128 expected = V128.of(A_PLUS_B.lo() + seven.lo(), A_PLUS_B.hi() + seven.hi());
        assertArrayEquals(new Object[] {expected}, inst.function("sum").call());
    }

    @Test
    void blocksBranchesAndSelectCarryVectors() {
        ModuleFixture m = new ModuleFixture();
        FuncType vToV = sig(List.of(VEC), List.of(VEC));
        // (param i32) -> v128: block (v128 -> v128) with extra operands below the branch value.
        int f = m.func(sig(List.of(I32), List.of(VEC)), c -> {
            c.v128Const(A.lo(), A.hi());
            c.block(BLOCK, new BlockType.Index(m.type(vToV)));
            c.v128Const(B.lo(), B.hi()); // left behind by the branch
            c.i64Const(9); // left behind by the branch
            c.v128Const(B.lo(), B.hi());
            c.index(LOCAL_GET, 0);
            c.branch(BR_IF, 0); // taken: carries B, drops B and 9
            c.op(DROP);
            c.op(DROP);
            c.op(DROP);
            c.op(END);
            // select between the block's value and A by the parameter's low bit
            c.v128Const(A.lo(), A.hi());
            c.index(LOCAL_GET, 0);
            c.i32Const(1);
            c.op(I32_AND);
            c.op(SELECT);
        });
        WasmFunction fn = m.exportFunction("f", f).instantiate().function("f");
        // 0: not taken, block yields A, select picks A (condition 0 picks the second: A)
        assertArrayEquals(new Object[] {A}, fn.call(0));
        // 3: taken, block yields B, low bit 1 picks the first: B
        assertArrayEquals(new Object[] {B}, fn.call(3));
        // 2: taken, block yields B, low bit 0 picks A
        assertArrayEquals(new Object[] {A}, fn.call(2));
    }

    @Test
    void definedGlobalsReadWriteAndExport() {
        ModuleFixture m = new ModuleFixture();
        m.global(new GlobalType(VEC, true), c -> c.v128Const(A.lo(), A.hi()), "g");
        int get = m.func(sig(List.of(), List.of(VEC)), c -> c.index(GLOBAL_GET, 0));
        int set = m.func(sig(List.of(VEC), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(GLOBAL_SET, 0);
        });
        Instance inst = m.exportFunction("get", get).exportFunction("set", set).instantiate();
        Global g = inst.global("g");
        assertEquals(A, g.get());
        inst.function("set").call(B);
        assertEquals(B, g.get());
        g.set(A_PLUS_B);
        assertArrayEquals(new Object[] {A_PLUS_B}, inst.function("get").call());
        assertThrows(IllegalArgumentException.class, () -> g.set(5));
        assertThrows(IllegalArgumentException.class, () -> g.set(null));
        assertEquals(A_PLUS_B, g.get());
    }

    @Test
    void importedGlobalIsShared() {
        Global shared = new Global(new GlobalType(VEC, true), A);
        ModuleFixture m = new ModuleFixture();
        m.importGlobal("env", "g", new GlobalType(VEC, true));
        int swap = m.func(sig(List.of(VEC), List.of(VEC)), c -> {
            c.index(GLOBAL_GET, 0);
            c.index(LOCAL_GET, 0);
            c.index(GLOBAL_SET, 0);
        });
        Instance inst = new Linker().define("env", "g", shared).instantiate(m.exportFunction("swap", swap).compile());
        assertArrayEquals(new Object[] {A}, inst.function("swap").call(B));
        assertEquals(B, shared.get());
    }

    @Test
    void hostFunctionsTakeAndReturnVectors() {
        FuncType t = sig(List.of(VEC, I32), List.of(VEC, I64));
        ModuleFixture m = new ModuleFixture();
        int host = m.importFunction("env", "swap", t);
        int call = m.func(sig(List.of(), List.of(VEC, I64)), c -> {
            c.v128Const(A.lo(), A.hi());
            c.i32Const(5);
            c.index(CALL, host);
        });
        HostFunction swapHalves = (caller, args) -> {
            V128 v = (V128) args[0];
            return new Object[] {V128.of(v.hi(), v.lo()), (long) (Integer) args[1]};
        };
        Instance inst = new Linker().defineFunction("env", "swap", t, swapHalves)
                .instantiate(m.exportFunction("call", call).compile());
        assertArrayEquals(new Object[] {V128.of(A.hi(), A.lo()), 5L}, inst.function("call").call());
    }

    @Test
    void hostFunctionReturningANonVectorTraps() {
        FuncType t = sig(List.of(), List.of(VEC));
        ModuleFixture m = new ModuleFixture();
        int host = m.importFunction("env", "bad", t);
        int call = m.func(t, c -> c.index(CALL, host));
        Instance inst = new Linker().defineFunction("env", "bad", t, (caller, args) -> new Object[] {1})
                .instantiate(m.exportFunction("call", call).compile());
        assertEquals(TrapKind.HOST_ERROR, assertThrows(Trap.class, () -> inst.function("call").call()).kind());
    }

    /** Past the limit of vector locals split into two longs, the rest stay references: both work. */
    @Test
    void manyVectorLocals() {
        List<ValType> locals = new ArrayList<>(Collections.nCopies(1500, VEC));
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(VEC), List.of(VEC)), locals, c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_SET, 1499);
            c.index(LOCAL_GET, 1499);
            c.index(LOCAL_GET, 700); // zero
            c.op(I32X4_ADD);
        });
        assertArrayEquals(new Object[] {B}, m.exportFunction("f", f).instantiate().function("f").call(B));
    }

    /** Too many locals for the JVM: the function's locals live in frame arrays. */
    @Test
    void vectorLocalsInFrameArrays() {
        List<ValType> locals = new ArrayList<>(Collections.nCopies(35_000, I64));
        locals.add(VEC);
        locals.add(VEC);
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(VEC), List.of(VEC)), locals, c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 35_002); // zero
            c.op(I32X4_ADD);
            c.index(LOCAL_SET, 35_001);
            c.index(LOCAL_GET, 35_001);
        });
        assertArrayEquals(new Object[] {A}, m.exportFunction("f", f).instantiate().function("f").call(A));
    }

    /** A function too big for one JVM method is split into pieces: vectors cross them in the frame arrays. */
    @Test
    void vectorsAcrossSplitPieces() {
        int steps = 3000;
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(VEC), List.of(VEC)), List.of(VEC), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_SET, 1);
            c.block(BLOCK, BlockType.of(VEC));
            for (int i = 0; i < steps; i++) {
                c.index(LOCAL_GET, 1);
                c.v128Const(1, 0);
                c.op(I64X2_ADD);
                c.index(LOCAL_SET, 1);
                if (i == steps / 2) {
                    // leave the block early, carrying a vector, when lane 1 of the argument is odd
                    c.index(LOCAL_GET, 1);
                    c.index(LOCAL_GET, 0);
                    c.lane(I64X2_EXTRACT_LANE, 1);
                    c.op(I32_WRAP_I64);
                    c.i32Const(1);
                    c.op(I32_AND);
                    c.branch(BR_IF, 0);
                    c.op(DROP);
                }
            }
            c.index(LOCAL_GET, 1);
            c.op(END);
        });
        WasmFunction fn = m.exportFunction("f", f).instantiate().function("f");
        assertArrayEquals(new Object[] {V128.of(steps, 0)}, fn.call(V128.ZERO));
        assertArrayEquals(new Object[] {V128.of(steps / 2 + 1, 1)}, fn.call(V128.of(0, 1)));
    }

    /** More parameter slots than a JVM method takes: the wide calling convention. */
    @Test
    void wideCallingConventionPassesVectors() {
        List<ValType> params = new ArrayList<>(Collections.nCopies(130, I64));
        params.add(VEC);
        ModuleFixture m = new ModuleFixture();
        int last = m.func(sig(params, List.of(VEC)), c -> c.index(LOCAL_GET, 130));
        int call = m.func(sig(List.of(), List.of(VEC)), c -> {
            for (int i = 0; i < 130; i++) {
                c.i64Const(i);
            }
            c.v128Const(B.lo(), B.hi());
            c.index(CALL, last);
        });
        Instance inst = m.exportFunction("call", call).exportFunction("last", last).instantiate();
        assertArrayEquals(new Object[] {B}, inst.function("call").call());
        Object[] args = new Object[131];
        java.util.Arrays.fill(args, 0L);
        args[130] = A;
        assertArrayEquals(new Object[] {A}, inst.function("last").call(args));
    }
}
