package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.verge.core.instr.BlockType;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Deadlines stop infinite loops; fuel bounds work deterministically. */
class InterruptionTest {
    /** {@code spin()} loops forever; {@code count(n)} loops n times and returns n. */
    private static ModuleFixture loops() {
        ModuleFixture m = new ModuleFixture();
        int spin = m.func(sig(List.of(), List.of()), c -> {
            c.block(LOOP, BlockType.EMPTY);
            c.branch(BR, 0);
            c.op(END);
        });
        int count = m.func(sig(List.of(I32), List.of(I32)), List.of(I32), c -> {
            c.block(LOOP, BlockType.EMPTY);
            c.index(LOCAL_GET, 1);
            c.i32Const(1);
            c.op(I32_ADD);
            c.index(LOCAL_TEE, 1);
            c.index(LOCAL_GET, 0);
            c.op(I32_LT_U);
            c.branch(BR_IF, 0);
            c.op(END);
            c.index(LOCAL_GET, 1);
        });
        return m.exportFunction("spin", spin).exportFunction("count", count);
    }

    @Test
    void aDeadlineStopsAnInfiniteLoop() {
        Instance i = new Linker().instantiate(new Engine().compile(loops().build()));
        Instance.Deadline deadline = i.interruptAfter(Duration.ofMillis(50));
        Trap t = assertThrows(Trap.class, () -> i.function("spin").call());
        assertEquals(TrapKind.INTERRUPTED, t.kind());
        deadline.close();
        // The instance is usable afterwards.
        assertArrayEquals(new Object[] {10}, i.function("count").call(10));
    }

    private static final FuncType I32_TO_I32 = sig(List.of(I32), List.of(I32));

    /**
     * Calls {@code tree(n)} with a deadline: a call tree of 2^n calls and depth n, no loops, so
     * only function-entry polls can see the interrupt (and the stack never overflows).
     */
    private static void assertInterrupted(Instance i, String export, int n) {
        Instance.Deadline deadline = i.interruptAfter(Duration.ofMillis(50));
        try {
            Trap t = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(Trap.class, () -> i.function(export).call(n)));
            assertEquals(TrapKind.INTERRUPTED, t.kind());
        } finally {
            deadline.close();
        }
    }

    /** {@code body} for {@code f(n) = n == 0 ? 0 : g(n - 1) + g(n - 1) + 1}, g called by {@code call}. */
    private static void tree(dev.verge.core.binary.CodeWriter c, Runnable call) {
        c.index(LOCAL_GET, 0);
        c.op(I32_EQZ);
        c.block(IF, BlockType.EMPTY);
        c.i32Const(0);
        c.op(RETURN);
        c.op(END);
        c.index(LOCAL_GET, 0);
        c.i32Const(1);
        c.op(I32_SUB);
        call.run();
        c.index(LOCAL_GET, 0);
        c.i32Const(1);
        c.op(I32_SUB);
        call.run();
        c.op(I32_ADD);
        c.i32Const(1);
        c.op(I32_ADD);
    }

    @Test
    void aDeadlineStopsARecursionTreeWithoutLoops() {
        ModuleFixture m = new ModuleFixture();
        int self = m.functionCount();
        m.func(I32_TO_I32, c -> tree(c, () -> c.index(CALL, self)));
        Instance i = new Linker().instantiate(new Engine().compile(m.exportFunction("tree", self).build()));
        assertArrayEquals(new Object[] {1023}, i.function("tree").call(10));
        assertInterrupted(i, "tree", 100);
        assertArrayEquals(new Object[] {7}, i.function("tree").call(3));
    }

    @Test
    void aDeadlineStopsMutualRecursionThroughCallIndirect() {
        ModuleFixture m = new ModuleFixture();
        int type = m.type(I32_TO_I32);
        // a calls table[1] (b), b calls table[0] (a): a cycle only the table closes.
        int a = m.func(I32_TO_I32, c -> tree(c, () -> {
            c.i32Const(1);
            c.index2(CALL_INDIRECT, type, 0);
        }));
        int b = m.func(I32_TO_I32, c -> tree(c, () -> {
            c.i32Const(0);
            c.index2(CALL_INDIRECT, type, 0);
        }));
        m.table(new TableType(RefType.FUNCREF, new Limits(2, 2)), null);
        m.activeElements(0, 0, List.of(a, b));
        Instance i = new Linker().instantiate(new Engine().compile(m.exportFunction("a", a).build()));
        assertArrayEquals(new Object[] {1023}, i.function("a").call(10));
        assertInterrupted(i, "a", 100);
    }

    @Test
    void aDeadlineStopsRecursionThroughTheHost() {
        ModuleFixture m = new ModuleFixture();
        int host = m.importFunction("env", "again", I32_TO_I32);
        int f = m.func(I32_TO_I32, c -> tree(c, () -> c.index(CALL, host)));
        AtomicReference<Instance> self = new AtomicReference<>();
        Linker linker = new Linker().defineFunction("env", "again", I32_TO_I32,
                (caller, args) -> self.get().function("f").call(args));
        Instance i = linker.instantiate(new Engine().compile(m.exportFunction("f", f).build()));
        self.set(i);
        assertArrayEquals(new Object[] {1023}, i.function("f").call(10));
        assertInterrupted(i, "f", 100);
    }

    @Test
    void fuelRunsOutDeterministically() {
        Engine engine = new Engine(EngineConfig.DEFAULT.withFuel(true));
        Instance i = new Linker().instantiate(engine.compile(loops().build()));
        i.setFuel(1000);
        assertArrayEquals(new Object[] {10}, i.function("count").call(10));
        // One unit for the call and one per loop iteration.
        assertEquals(1000 - 11, i.fuel());
        i.setFuel(50);
        assertEquals(TrapKind.OUT_OF_FUEL, assertThrows(Trap.class, () -> i.function("spin").call()).kind());
        assertEquals(0, i.fuel());
    }
}
