package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.instr.BlockType;
import java.time.Duration;
import java.util.List;
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
