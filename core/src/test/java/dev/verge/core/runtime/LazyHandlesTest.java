package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.FUNCREF;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A module's function handles are made on first use, never when it is compiled, loaded or
 * instantiated; and every path that calls through a handle still works. Counts are exact when the
 * module is one class; when it is partitioned (the surefire executions that force a class per
 * function), calls between classes make handles too, so only a lower bound is checked.
 */
class LazyHandlesTest {
    private final Engine engine = new Engine();

    private static void assertMade(int expected, CompiledModule m) {
        if (m.codeClasses().size() == 1) {
            assertEquals(expected, m.handlesMade(), "handles made");
        } else {
            assertTrue(m.handlesMade() >= expected, "handles made: " + m.handlesMade());
        }
    }

    /** Exports {@code a} (returns 1), {@code b} (2), {@code c} (3), {@code sum} (calls all three). */
    private static ModuleFixture threeConstants() {
        ModuleFixture m = new ModuleFixture();
        int a = m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(1));
        int b = m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(2));
        int cc = m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(3));
        int sum = m.func(sig(List.of(), List.of(I32)), c -> {
            c.index(CALL, a);
            c.index(CALL, b);
            c.op(I32_ADD);
            c.index(CALL, cc);
            c.op(I32_ADD);
        });
        return m.exportFunction("a", a).exportFunction("b", b).exportFunction("c", cc).exportFunction("sum", sum);
    }

    @Test
    void compilingLoadingAndInstantiatingMakeNoHandle() {
        CompiledModule compiled = threeConstants().compile();
        assertEquals(0, compiled.handlesMade());
        new Linker().instantiate(compiled);
        new Linker().instantiate(compiled);
        assertEquals(0, compiled.handlesMade());
        CompiledModule loaded = engine.deserialize(compiled.serialize());
        assertEquals(0, loaded.handlesMade());
        Instance i = new Linker().instantiate(loaded);
        assertEquals(0, loaded.handlesMade());
        assertArrayEquals(new Object[] {6}, i.function("sum").call());
        assertMade(1, loaded);
    }

    @Test
    void anExportsHandleIsMadeWhenCalledAndSharedByInstances() throws Throwable {
        CompiledModule compiled = threeConstants().compile();
        Instance first = new Linker().instantiate(compiled);
        Instance second = new Linker().instantiate(compiled);
        assertArrayEquals(new Object[] {1}, first.function("a").call());
        assertMade(1, compiled);
        assertArrayEquals(new Object[] {1}, second.function("a").call());
        assertMade(1, compiled);
        assertArrayEquals(new Object[] {2}, second.function("b").call());
        assertMade(2, compiled);
        // The typed handle of the public API is built on the same lazily made handle.
        assertEquals(6, (int) first.function("sum").handle().invokeExact());
        assertMade(3, compiled);
    }

    @Test
    void callIndirectToAFunctionOfTheSameInstanceNeedsNoHandle() {
        ModuleFixture m = new ModuleFixture();
        int seven = m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(7));
        int eight = m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(8));
        int dispatch = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.index2(CALL_INDIRECT, m.type(sig(List.of(), List.of(I32))), 0);
        });
        m.table(new TableType(RefType.FUNCREF, new Limits(2, 2)), "t");
        m.activeElements(0, 0, List.of(seven, eight));
        CompiledModule compiled = m.exportFunction("dispatch", dispatch).compile();
        Instance i = new Linker().instantiate(compiled);
        assertArrayEquals(new Object[] {7}, i.function("dispatch").call(0));
        assertArrayEquals(new Object[] {8}, i.function("dispatch").call(1));
        assertMade(1, compiled); // dispatch's own, for the call from Java
        // Java takes a function out of the table and calls it: now it needs its handle.
        assertArrayEquals(new Object[] {8}, ((WasmFunction) i.table("t").get(1)).call());
        assertMade(2, compiled);
    }

    @Test
    void theStartFunctionRunsThroughItsHandle() {
        ModuleFixture m = new ModuleFixture();
        m.global(new GlobalType(I32, true), c -> c.i32Const(0), "g");
        m.func(sig(List.of(), List.of()), c -> { }); // never called
        int start = m.func(sig(List.of(), List.of()), c -> {
            c.i32Const(42);
            c.index(GLOBAL_SET, 0);
        });
        CompiledModule compiled = engine.deserialize(m.start(start).compile().serialize());
        Instance i = new Linker().instantiate(compiled);
        assertEquals(42, i.global("g").get());
        assertMade(1, compiled);
    }

    @Test
    void callIndirectReachesAnotherInstancesFunctionThroughASharedTable() {
        ModuleFixture lib = new ModuleFixture();
        int seven = lib.func(sig(List.of(), List.of(I32)), c -> c.i32Const(7));
        lib.table(new TableType(RefType.FUNCREF, new Limits(1, 1)), "t");
        lib.activeElements(0, 0, List.of(seven));
        CompiledModule libCode = engine.deserialize(lib.compile().serialize());
        Instance a = new Linker().instantiate(libCode);

        ModuleFixture app = new ModuleFixture();
        app.importTable("lib", "t", new TableType(RefType.FUNCREF, new Limits(1, 1)));
        int call = app.func(sig(List.of(), List.of(I32)), c -> {
            c.i32Const(0);
            c.index2(CALL_INDIRECT, app.type(sig(List.of(), List.of(I32))), 0);
        });
        CompiledModule appCode = engine.compile(app.exportFunction("call", call).build());
        Instance b = new Linker().defineInstance("lib", a).instantiate(appCode);
        assertEquals(0, libCode.handlesMade());
        assertArrayEquals(new Object[] {7}, b.function("call").call());
        assertArrayEquals(new Object[] {7}, b.function("call").call());
        assertMade(1, libCode); // seven's, made by the caller's indirect bridge
        assertMade(1, appCode);
    }

    @Test
    void aFuncrefReturnedToJavaIsCallable() {
        ModuleFixture m = new ModuleFixture();
        int nine = m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(9));
        int ref = m.func(sig(List.of(), List.of(FUNCREF)), c -> c.index(REF_FUNC, nine));
        m.table(new TableType(RefType.FUNCREF, new Limits(1, 1)), null);
        m.activeElements(0, 0, List.of(nine)); // declares nine for ref.func
        CompiledModule compiled = m.exportFunction("ref", ref).compile();
        Instance i = new Linker().instantiate(compiled);
        WasmFunction f = (WasmFunction) i.function("ref").call()[0];
        assertMade(1, compiled);
        assertArrayEquals(new Object[] {9}, f.call());
        assertMade(2, compiled);
    }

    @Test
    void aReexportedImportAndAnImportedGuestFunctionAreCallable() {
        ModuleFixture lib = new ModuleFixture();
        int seven = lib.func(sig(List.of(), List.of(I32)), c -> c.i32Const(7));
        CompiledModule libCode = lib.exportFunction("seven", seven).compile();
        Instance a = new Linker().instantiate(libCode);

        ModuleFixture mid = new ModuleFixture();
        int imported = mid.importFunction("lib", "seven", sig(List.of(), List.of(I32)));
        int viaImport = mid.func(sig(List.of(), List.of(I32)), c -> {
            c.index(CALL, imported);
            c.i32Const(1);
            c.op(I32_ADD);
        });
        CompiledModule midCode = mid.exportFunction("again", imported).exportFunction("viaImport", viaImport).compile();
        Instance b = new Linker().defineInstance("lib", a).instantiate(midCode);
        assertSame(a.function("seven"), b.function("again"));
        assertArrayEquals(new Object[] {8}, b.function("viaImport").call());
        assertMade(1, libCode); // seven's, made by mid's import bridge
        assertArrayEquals(new Object[] {7}, b.function("again").call());
        assertMade(1, libCode);
        assertMade(1, midCode);
    }
}
