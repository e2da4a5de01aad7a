package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Imports resolved once, instances made many times, each with its own host data. */
class InstancePreTest {
    private static final FuncType NEXT = sig(List.of(), List.of(I32));

    /** Per-instance state a host function reaches through its caller. */
    static final class Counter {
        final AtomicInteger value;

        Counter(int start) {
            value = new AtomicInteger(start);
        }
    }

    /** A module whose {@code next} export calls the host's {@code env.next} and whose start function calls it once. */
    private static CompiledModule counterUser() {
        ModuleFixture m = new ModuleFixture();
        int next = m.importFunction("env", "next", NEXT);
        m.memory(new MemoryType(new Limits(1, 1)), "memory");
        int run = m.func(NEXT, c -> c.index(CALL, next));
        int start = m.func(sig(List.of(), List.of()), c -> {
            c.index(CALL, next);
            c.op(DROP);
        });
        m.start(start);
        int store = m.func(sig(List.of(I32, I32), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.memory(I32_STORE, 2, 0, 0);
        });
        int load = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.memory(I32_LOAD, 2, 0, 0);
        });
        return m.exportFunction("next", run).exportFunction("store", store).exportFunction("load", load).compile();
    }

    private static Linker counterLinker() {
        return new Linker().defineFunction("env", "next", NEXT,
                (caller, args) -> new Object[] {caller.data(Counter.class).value.incrementAndGet()});
    }

    @Test
    void eachInstanceSeesItsOwnHostDataEvenInItsStartFunction() {
        InstancePre pre = counterLinker().instantiatePre(counterUser());
        Counter a = new Counter(0);
        Counter b = new Counter(100);
        Instance ia = pre.instantiate(a);
        Instance ib = pre.instantiate(b);
        // The start function already called next once in each.
        assertEquals(1, a.value.get());
        assertEquals(101, b.value.get());
        assertArrayEquals(new Object[] {2}, ia.function("next").call());
        assertArrayEquals(new Object[] {102}, ib.function("next").call());
        assertArrayEquals(new Object[] {3}, ia.function("next").call());
        assertSame(a, ia.data());
        assertSame(b, ib.data());
        assertSame(pre.module(), ia.module());
    }

    @Test
    void instancesOfOnePreShareNoMemory() {
        InstancePre pre = counterLinker().instantiatePre(counterUser());
        Instance a = pre.instantiate(new Counter(0));
        Instance b = pre.instantiate(new Counter(0));
        a.function("store").call(16, 1234);
        assertArrayEquals(new Object[] {0}, b.function("load").call(16));
        assertArrayEquals(new Object[] {1234}, a.function("load").call(16));
        assertNotSame(a.memory("memory"), b.memory("memory"));
    }

    @Test
    void manyThreadsInstantiateOnePreAtOnce() throws Exception {
        InstancePre pre = counterLinker().instantiatePre(counterUser());
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int base = t * 1000;
                results.add(pool.submit(() -> {
                    Counter mine = new Counter(base);
                    Instance i = pre.instantiate(mine);
                    int last = 0;
                    for (int k = 0; k < 50; k++) {
                        i.function("store").call(0, base + k);
                        last = (Integer) i.function("next").call()[0];
                        assertEquals(base + k, i.function("load").call(0)[0]);
                    }
                    return last;
                }));
            }
            for (int t = 0; t < results.size(); t++) {
                // Start function plus 50 calls, all on this instance's own counter.
                assertEquals(t * 1000 + 51, results.get(t).get());
            }
        }
    }

    @Test
    void linkerInstantiateWithDataIsTheSameAsThroughAPre() {
        Counter c = new Counter(7);
        Instance i = counterLinker().instantiate(counterUser(), c);
        assertSame(c, i.data());
        assertArrayEquals(new Object[] {9}, i.function("next").call());
        assertNull(new Linker().instantiate(new ModuleFixture().compile()).data());
    }

    @Test
    void missingDataIsAClearHostErrorTrap() {
        InstancePre pre = counterLinker().instantiatePre(counterUser());
        Trap none = assertThrows(Trap.class, pre::instantiate);
        assertEquals(TrapKind.HOST_ERROR, none.kind());
        assertInstanceOf(IllegalStateException.class, none.getCause());
        assertTrue(none.getCause().getMessage().contains("no host data"), none.getCause().getMessage());
        Trap wrong = assertThrows(Trap.class, () -> pre.instantiate("a string"));
        assertTrue(wrong.getCause().getMessage().contains("java.lang.String, not a " + Counter.class.getName()),
                wrong.getCause().getMessage());
    }

    @Test
    void hostFunctionsCalledFromJavaHaveNoCallerData() {
        WasmFunction f = WasmFunction.host(NEXT, (caller, args) -> new Object[] {caller.data() == null ? 1 : 0});
        assertArrayEquals(new Object[] {1}, f.call());
        WasmFunction typed = WasmFunction.host(NEXT, (caller, args) -> new Object[] {caller.data(Counter.class).value.get()});
        Trap t = assertThrows(Trap.class, typed::call);
        assertTrue(t.getCause().getMessage().contains("called from Java"), t.getCause().getMessage());
    }

    @Test
    void unresolvableImportsFailWhenThePreIsMadeNamingTheImport() {
        CompiledModule user = counterUser();
        UnlinkableException unknown = assertThrows(UnlinkableException.class, () -> new Linker().instantiatePre(user));
        assertEquals("unknown import", unknown.reason());
        assertTrue(unknown.getMessage().contains("env.next"), unknown.getMessage());
        Linker wrongType = new Linker().defineFunction("env", "next", sig(List.of(I32), List.of(I32)), (caller, args) -> args);
        UnlinkableException incompatible = assertThrows(UnlinkableException.class, () -> wrongType.instantiatePre(user));
        assertEquals("incompatible import type", incompatible.reason());
    }

    @Test
    void importedMemoryGlobalAndTableAreSharedAndCapturedWhenThePreIsMade() {
        Memory memory = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)));
        Global global = new Global(new GlobalType(ValType.I32, true), 5);
        Table table = new Table(new TableType(RefType.FUNCREF, new Limits(2, Limits.NO_MAX)));
        ModuleFixture m = new ModuleFixture();
        m.importMemory("env", "mem", new MemoryType(new Limits(1, Limits.NO_MAX)));
        m.importGlobal("env", "g", new GlobalType(ValType.I32, true));
        m.importTable("env", "t", new TableType(RefType.FUNCREF, new Limits(1, Limits.NO_MAX)));
        int bump = m.func(sig(List.of(I32), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(GLOBAL_GET, 0);
            c.memory(I32_STORE, 2, 0, 0);
            c.index(GLOBAL_GET, 0);
            c.i32Const(1);
            c.op(I32_ADD);
            c.index(GLOBAL_SET, 0);
        });
        m.activeElements(0, 1, List.of(bump));
        m.exportFunction("bump", bump);
        Linker linker = new Linker().define("env", "mem", memory).define("env", "g", global).define("env", "t", table);
        InstancePre pre = linker.instantiatePre(m.compile());
        // Redefining afterwards does not change what the pre links.
        linker.define("env", "g", new Global(new GlobalType(ValType.I32, true), 999));

        Instance a = pre.instantiate();
        a.function("bump").call(0);
        Instance b = pre.instantiate();
        b.function("bump").call(4);
        assertEquals(5, memory.readI32(0));
        assertEquals(6, memory.readI32(4));
        assertEquals(7, global.getI32());
        // Each instantiation wrote its own function into the shared table: the last one is b's.
        assertSame(b.function("bump"), table.get(1));
    }

    @Test
    void smallMemoriesAreBackedInFullAtInstantiationLargerOnesLazily() {
        Instance small = new ModuleFixture().memory(new MemoryType(new Limits(2, Limits.NO_MAX)), "memory").instantiate();
        Memory m = small.memory("memory");
        assertEquals(m.byteSize(), m.bytes.length, "one allocation, no growth by copies later");
        assertEquals(0, m.readI32(m.byteSize() - 4));
        Instance large = new ModuleFixture().memory(new MemoryType(new Limits(16, Limits.NO_MAX)), "memory").instantiate();
        assertTrue(large.memory("memory").bytes.length < large.memory("memory").byteSize());
    }
}
