package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Imports and exports between instances and the host. */
class LinkingTest {
    private static ModuleFixture memoryUser() {
        ModuleFixture m = new ModuleFixture();
        m.importMemory("env", "mem", new MemoryType(new Limits(1, Limits.NO_MAX)));
        int store = m.func(sig(List.of(I32, I32), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.memory(I32_STORE, 2, 0, 0);
        });
        int grow = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.index(MEMORY_GROW, 0);
        });
        return m.exportFunction("store", store).exportFunction("grow", grow);
    }

    @Test
    void twoInstancesShareOneMemory() {
        ModuleFixture owner = new ModuleFixture().memory(new MemoryType(new Limits(1, Limits.NO_MAX)), "mem");
        Instance a = owner.instantiate();
        Engine engine = new Engine();
        Linker linker = new Linker().defineInstance("env", a);
        CompiledModule user = engine.compile(memoryUser().build());
        Instance b = linker.instantiate(user);
        Instance c = linker.instantiate(user);
        b.function("store").call(4, 77);
        assertEquals(77, a.memory("mem").readI32(4));
        // Growth through one importer is seen by everyone.
        c.function("grow").call(1);
        assertEquals(2, a.memory("mem").pages());
        b.function("store").call(65536 + 4, 5);
        assertEquals(5, a.memory("mem").readI32(65536 + 4));
    }

    @Test
    void unknownAndIncompatibleImportsAreUnlinkable() {
        CompiledModule user = new Engine().compile(memoryUser().build());
        UnlinkableException unknown = assertThrows(UnlinkableException.class, () -> new Linker().instantiate(user));
        assertEquals("unknown import", unknown.reason());
        Linker tooSmall = new Linker().define("env", "mem", new Memory(new MemoryType(new Limits(0, 1))));
        assertEquals("incompatible import type", assertThrows(UnlinkableException.class, () -> tooSmall.instantiate(user)).reason());
        Linker wrongKind = new Linker().define("env", "mem", new Global(new GlobalType(ValType.I32, false), 1));
        assertEquals("incompatible import type", assertThrows(UnlinkableException.class, () -> wrongKind.instantiate(user)).reason());
    }

    @Test
    void hostFunctionsSeeTheCallersMemory() {
        ModuleFixture m = new ModuleFixture();
        int log = m.importFunction("env", "log", sig(List.of(I32, I32), List.of(I32)));
        m.memory(new MemoryType(new Limits(1, 1)), "memory");
        m.activeData(0, 8, "hi!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int run = m.func(sig(List.of(), List.of(I32)), c -> {
            c.i32Const(8);
            c.i32Const(3);
            c.index(CALL, log);
        });
        List<String> seen = new ArrayList<>();
        Linker linker = new Linker().defineFunction("env", "log", sig(List.of(I32, I32), List.of(I32)), (caller, args) -> {
            byte[] b = caller.memory("memory").readBytes((Integer) args[0], (Integer) args[1]);
            seen.add(new String(b, java.nio.charset.StandardCharsets.US_ASCII));
            return new Object[] {b.length};
        });
        Instance i = linker.instantiate(new Engine().compile(m.exportFunction("run", run).build()));
        assertArrayEquals(new Object[] {3}, i.function("run").call());
        assertEquals(List.of("hi!"), seen);
    }

    @Test
    void hostExceptionsBecomeHostErrorTraps() {
        ModuleFixture m = new ModuleFixture();
        int fail = m.importFunction("env", "fail", sig(List.of(), List.of()));
        int run = m.func(sig(List.of(), List.of()), c -> c.index(CALL, fail));
        Linker linker = new Linker().defineFunction("env", "fail", sig(List.of(), List.of()), (caller, args) -> {
            throw new IllegalStateException("boom");
        });
        Instance i = linker.instantiate(new Engine().compile(m.exportFunction("run", run).build()));
        Trap t = assertThrows(Trap.class, () -> i.function("run").call());
        assertEquals(TrapKind.HOST_ERROR, t.kind());
        assertEquals("boom", t.getCause().getMessage());
    }

    @Test
    void exportedFunctionsCanBeImportedByAnotherInstance() {
        ModuleFixture lib = new ModuleFixture();
        int twice = lib.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.i32Const(2);
            c.op(I32_MUL);
        });
        Instance a = lib.exportFunction("twice", twice).instantiate();
        ModuleFixture app = new ModuleFixture();
        int imported = app.importFunction("lib", "twice", sig(List.of(I32), List.of(I32)));
        int run = app.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.index(CALL, imported);
        });
        app.exportFunction("run", run).exportFunction("reexport", imported);
        Instance b = new Linker().defineInstance("lib", a).instantiate(new Engine().compile(app.build()));
        assertArrayEquals(new Object[] {42}, b.function("run").call(21));
        assertSame(a.function("twice"), b.function("reexport"));
    }

    @Test
    void importedMutableGlobalsAreShared() {
        Global counter = new Global(new GlobalType(ValType.I32, true), 1);
        ModuleFixture m = new ModuleFixture();
        m.importGlobal("env", "counter", new GlobalType(ValType.I32, true));
        int bump = m.func(sig(List.of(), List.of()), c -> {
            c.index(GLOBAL_GET, 0);
            c.i32Const(1);
            c.op(I32_ADD);
            c.index(GLOBAL_SET, 0);
        });
        Instance i = new Linker().define("env", "counter", counter).instantiate(new Engine().compile(m.exportFunction("bump", bump).build()));
        i.function("bump").call();
        i.function("bump").call();
        assertEquals(3, counter.getI32());
        Global immutable = new Global(new GlobalType(ValType.I32, false), 1);
        assertThrows(IllegalStateException.class, () -> immutable.set(2));
    }

    @Test
    void dataSegmentOutOfBoundsTrapsAfterEarlierSegmentsWereWritten() {
        Memory shared = new Memory(new MemoryType(new Limits(1, 1)));
        ModuleFixture m = new ModuleFixture();
        m.importMemory("env", "mem", new MemoryType(new Limits(1, 1)));
        m.activeData(0, 0, new byte[] {9});
        m.activeData(0, 65535, new byte[] {1, 2});
        Linker linker = new Linker().define("env", "mem", shared);
        Trap t = assertThrows(Trap.class, () -> linker.instantiate(new Engine().compile(m.build())));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
        assertEquals(9, shared.readU8(0));
    }

    @Test
    void startFunctionRunsAndItsTrapFailsInstantiation() {
        ModuleFixture m = new ModuleFixture();
        int start = m.func(sig(List.of(), List.of()), c -> c.op(UNREACHABLE));
        m.start(start);
        assertEquals(TrapKind.UNREACHABLE, assertThrows(Trap.class, m::instantiate).kind());
    }
}
