package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.EXTERNREF;
import static dev.verge.core.model.ValType.FUNCREF;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables of funcref and externref, reference instructions, and tables shared between instances. */
class TablesTest {
    private static Instance externTable() {
        ModuleFixture m = new ModuleFixture();
        m.table(new TableType(RefType.EXTERNREF, new Limits(2, 4)), "t");
        int set = m.func(sig(List.of(I32, EXTERNREF), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.index(TABLE_SET, 0);
        });
        int get = m.func(sig(List.of(I32), List.of(EXTERNREF)), c -> {
            c.index(LOCAL_GET, 0);
            c.index(TABLE_GET, 0);
        });
        int grow = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.refNull(AbsHeapType.EXTERN);
            c.index(LOCAL_GET, 0);
            c.index(TABLE_GROW, 0);
        });
        int isNull = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.index(TABLE_GET, 0);
            c.op(REF_IS_NULL);
        });
        return m.exportFunction("set", set).exportFunction("get", get).exportFunction("grow", grow)
                .exportFunction("isNull", isNull).instantiate();
    }

    @Test
    void externrefsRoundTripThroughATable() {
        Instance i = externTable();
        Object host = new StringBuilder("host object");
        i.function("set").call(1, host);
        assertSame(host, i.function("get").call(1)[0]);
        assertArrayEquals(new Object[] {1}, i.function("isNull").call(0));
        assertArrayEquals(new Object[] {0}, i.function("isNull").call(1));
        assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, assertThrows(Trap.class, () -> i.function("get").call(2)).kind());
    }

    @Test
    void growRespectsTheMaximum() {
        Instance i = externTable();
        assertArrayEquals(new Object[] {2}, i.function("grow").call(2));
        assertArrayEquals(new Object[] {-1}, i.function("grow").call(1));
        assertEquals(4, i.table("t").size());
        assertNull(i.table("t").get(3));
    }

    /** A function of one instance called through another instance's table: the slow path of call_indirect. */
    @Test
    void callIndirectToAnotherInstancesFunction() {
        ModuleFixture lib = new ModuleFixture();
        int seven = lib.func(sig(List.of(), List.of(I32)), c -> c.i32Const(7));
        Instance a = lib.exportFunction("seven", seven).instantiate();

        ModuleFixture app = new ModuleFixture();
        int imported = app.importFunction("lib", "seven", sig(List.of(), List.of(I32)));
        int local = app.func(sig(List.of(), List.of(I32)), c -> c.i32Const(8));
        int call = app.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.index2(CALL_INDIRECT, app.type(sig(List.of(), List.of(I32))), 0);
        });
        int ref = app.func(sig(List.of(), List.of(FUNCREF)), c -> c.index(REF_FUNC, local));
        app.table(new TableType(RefType.FUNCREF, new Limits(2, 2)), "t");
        app.activeElements(0, 0, List.of(imported, local));
        Instance b = new Linker().defineInstance("lib", a)
                .instantiate(new Engine().compile(app.exportFunction("call", call).exportFunction("ref", ref).build()));
        assertArrayEquals(new Object[] {7}, b.function("call").call(0));
        assertArrayEquals(new Object[] {8}, b.function("call").call(1));
        assertSame(b.table("t").get(1), b.function("ref").call()[0]);
        // The table is shared: a function put in from outside is called.
        b.table("t").set(1, a.function("seven"));
        assertArrayEquals(new Object[] {7}, b.function("call").call(1));
    }

    @Test
    void funcrefTablesRejectOtherObjects() {
        Table t = new Table(new TableType(RefType.FUNCREF, new Limits(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> t.set(0, "not a function"));
        assertThrows(IllegalArgumentException.class, () -> t.grow(1, "not a function"));
    }
}
