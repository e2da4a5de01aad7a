package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.EXTERNREF;
import static dev.verge.core.model.ValType.F32;
import static dev.verge.core.model.ValType.F64;
import static dev.verge.core.model.ValType.FUNCREF;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.model.ValType.V128;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guests calling host functions: compiled code boxes the arguments and calls the host function
 * directly (no method handle), through an import and through a table, for every value type,
 * several results and the wide convention; Java callers still get a handle.
 */
class HostCallsTest {
    /** A module whose export {@code run} passes its parameters to the imported {@code env.f} and returns its results. */
    private static CompiledModule forwarding(FuncType type) {
        ModuleFixture m = new ModuleFixture();
        int f = m.importFunction("env", "f", type);
        int run = m.func(type, c -> {
            for (int i = 0; i < type.params().size(); i++) {
                c.index(LOCAL_GET, i);
            }
            c.index(CALL, f);
        });
        return m.exportFunction("run", run).compile();
    }

    /** A host function that records its arguments and returns {@code results}. */
    private static HostFunction recording(List<Object[]> calls, Object... results) {
        return (caller, args) -> {
            calls.add(args);
            return results;
        };
    }

    @Test
    void everyValueTypeCrossesBothWays() {
        Object extern = new Object();
        WasmFunction someFunction = WasmFunction.host(sig(List.of(), List.of()), (c, a) -> null);
        List<ValType> types = List.of(I32, I64, F32, F64, V128, EXTERNREF, FUNCREF);
        List<Object> values = List.of(-7, 1L << 40, 1.5f, -2.25, dev.verge.core.runtime.V128.of(3, 4), extern, someFunction);
        for (int i = 0; i < types.size(); i++) {
            FuncType type = sig(List.of(types.get(i)), List.of(types.get(i)));
            List<Object[]> calls = new ArrayList<>();
            Instance inst = new Linker().defineFunction("env", "f", type, recording(calls, values.get(i))).instantiate(forwarding(type));
            Object[] out = inst.function("run").call(values.get(i));
            assertEquals(1, calls.size(), types.get(i).toString());
            assertEquals(values.get(i), calls.get(0)[0], types.get(i) + " argument");
            assertEquals(values.get(i), out[0], types.get(i) + " result");
        }
    }

    @Test
    void mixedParametersArriveInOrder() {
        FuncType type = sig(List.of(I32, I64, F64, I32, F32), List.of(I64));
        List<Object[]> calls = new ArrayList<>();
        Instance inst = new Linker().defineFunction("env", "f", type, recording(calls, 99L)).instantiate(forwarding(type));
        assertArrayEquals(new Object[] {99L}, inst.function("run").call(1, 2L, 3.0, 4, 5.0f));
        assertArrayEquals(new Object[] {1, 2L, 3.0, 4, 5.0f}, calls.get(0));
    }

    @Test
    void severalResultsAndNone() {
        FuncType three = sig(List.of(I32), List.of(I64, F32, EXTERNREF));
        Instance a = new Linker().defineFunction("env", "f", three, (c, args) -> new Object[] {(long) (Integer) args[0], 0.5f, "x"})
                .instantiate(forwarding(three));
        assertArrayEquals(new Object[] {6L, 0.5f, "x"}, a.function("run").call(6));

        FuncType none = sig(List.of(I32), List.of());
        List<Object[]> calls = new ArrayList<>();
        Instance b = new Linker().defineFunction("env", "f", none, recording(calls)).instantiate(forwarding(none));
        assertArrayEquals(new Object[0], b.function("run").call(3));
        assertEquals(3, calls.get(0)[0]);
    }

    @Test
    void wideHostFunctionsGetEveryArgument() {
        // 130 i64 parameters take 260 JVM slots: the wide convention, arguments in arrays.
        List<ValType> params = new ArrayList<>(Collections.nCopies(129, I64));
        params.add(F64);
        FuncType type = sig(params, List.of(I64));
        assertEquals(true, JvmTypes.isWide(type));
        Instance inst = new Linker().defineFunction("env", "f", type, (c, args) -> {
            long sum = 0;
            for (int i = 0; i < 129; i++) {
                sum += (Long) args[i];
            }
            return new Object[] {sum + (long) (double) (Double) args[129]};
        }).instantiate(forwarding(type));
        Object[] args = new Object[130];
        for (int i = 0; i < 129; i++) {
            args[i] = (long) i;
        }
        args[129] = 1000.0;
        assertArrayEquals(new Object[] {129L * 128 / 2 + 1000}, inst.function("run").call(args));
    }

    @Test
    void hostFunctionsInATableAreCalledThroughCallIndirect() {
        FuncType type = sig(List.of(I32), List.of(I32));
        ModuleFixture m = new ModuleFixture();
        int f = m.importFunction("env", "f", type);
        int own = m.func(type, c -> {
            c.index(LOCAL_GET, 0);
            c.i32Const(1);
            c.op(I32_ADD);
        });
        m.table(new TableType(RefType.FUNCREF, new Limits(2, 2)), "t");
        m.activeElements(0, 0, List.of(f, own));
        int call = m.func(sig(List.of(I32, I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 0);
            c.index2(CALL_INDIRECT, m.type(type), 0);
        });
        Instance inst = new Linker().defineFunction("env", "f", type, (c, args) -> new Object[] {(Integer) args[0] * 10})
                .instantiate(m.exportFunction("call", call).compile());
        assertArrayEquals(new Object[] {70}, inst.function("call").call(0, 7));
        assertArrayEquals(new Object[] {8}, inst.function("call").call(1, 7));
    }

    @Test
    void hostFunctionsSeeTheCallingInstanceAndTheirTrapsPropagate() {
        FuncType type = sig(List.of(), List.of());
        List<Instance> seen = new ArrayList<>();
        Linker linker = new Linker().defineFunction("env", "f", type, (c, args) -> {
            seen.add(c.instance());
            throw new Trap(TrapKind.UNREACHABLE);
        });
        Instance inst = linker.instantiate(forwarding(type));
        Trap t = assertThrows(Trap.class, () -> inst.function("run").call());
        assertEquals(TrapKind.UNREACHABLE, t.kind());
        assertSame(inst, seen.get(0));
    }

    @Test
    void resultsOfTheWrongTypeAreHostErrors() {
        FuncType type = sig(List.of(), List.of(I32));
        Instance inst = new Linker().defineFunction("env", "f", type, (c, args) -> new Object[] {"not an int"}).instantiate(forwarding(type));
        assertEquals(TrapKind.HOST_ERROR, assertThrows(Trap.class, () -> inst.function("run").call()).kind());
    }

    @Test
    void javaCallersCallHostFunctionsDirectlyOrThroughAHandle() throws Throwable {
        FuncType type = sig(List.of(I32, I64), List.of(I64));
        WasmFunction f = WasmFunction.host(type, (c, args) -> {
            assertSame(null, c.instance());
            return new Object[] {(Integer) args[0] + (Long) args[1]};
        });
        assertArrayEquals(new Object[] {5L}, f.call(2, 3L));
        MethodHandle h = f.handle();
        assertEquals(9L, (long) h.invokeExact(4, 5L));
    }

    @Test
    void anImportedHostFunctionCanBeTheStartFunction() {
        FuncType type = sig(List.of(), List.of());
        ModuleFixture m = new ModuleFixture();
        int f = m.importFunction("env", "f", type);
        m.start(f);
        List<Object[]> calls = new ArrayList<>();
        new Linker().defineFunction("env", "f", type, recording(calls)).instantiate(m.compile());
        assertEquals(1, calls.size());
    }
}
