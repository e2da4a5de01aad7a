package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.CALL;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.FuncType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A host function that waits for its guest can be ended by the guest's deadline: it registers a
 * waker ({@link Instance#onInterrupt}), and {@link Instance#throwIfInterrupted} ends the guest
 * with the same trap an interrupted loop gets.
 */
class HostCallInterruptTest {
    private static final FuncType VOID = sig(List.of(), List.of());

    /** A guest whose {@code run} (named "waiter") calls the host function {@code env.wait}. */
    private static Instance guest(Engine engine, HostFunction wait) {
        ModuleFixture m = new ModuleFixture();
        int host = m.importFunction("env", "wait", VOID);
        int run = m.func(VOID, c -> c.index(CALL, host));
        m.exportFunction("run", run).name(run, "waiter");
        return new Linker().defineFunction("env", "wait", VOID, wait).instantiate(engine.compile(m.build()));
    }

    /** Parks until the calling instance is interrupted: what a blocking host call does. */
    private static Object[] parkUntilInterrupted(Caller caller, Object[] args) {
        Instance self = caller.instance();
        Thread me = Thread.currentThread();
        try (Instance.Waker w = self.onInterrupt(() -> LockSupport.unpark(me))) {
            while (true) {
                self.throwIfInterrupted();
                LockSupport.park(w);
            }
        }
    }

    @Test
    void aDeadlineEndsAHostCallThatWaitsWithTheInterruptionTrap() {
        Instance i = guest(new Engine(), HostCallInterruptTest::parkUntilInterrupted);
        try (Instance.Deadline d = i.interruptAfter(Duration.ofMillis(50))) {
            Trap t = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(Trap.class, () -> i.function("run").call()));
            assertEquals(TrapKind.INTERRUPTED, t.kind());
            // The guest frame that made the host call (an import's own frame may come first).
            assertTrue(t.backtrace().stream().anyMatch(f -> "waiter".equals(f.name())), t.backtrace().toString());
            assertTrue(d != null);
        }
        assertFalse(i.interruptRequested(), "the trap consumes the request");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void wakersNestAndClosingOneRestoresTheOneBefore() {
        Instance i = guest(new Engine(), (c, a) -> null);
        List<String> woken = new ArrayList<>();
        try (Instance.Waker outer = i.onInterrupt(() -> woken.add("outer"))) {
            try (Instance.Waker inner = i.onInterrupt(() -> woken.add("inner"))) {
                i.interrupt();
                assertTrue(inner != null);
            }
            i.interrupt();
            assertTrue(outer != null);
        }
        i.interrupt();
        assertEquals(List.of("inner", "outer"), woken);
        assertTrue(i.interruptRequested());
        assertEquals(TrapKind.INTERRUPTED, assertThrows(Trap.class, i::throwIfInterrupted).kind());
        i.throwIfInterrupted(); // consumed: nothing pending any more
    }

    @Test
    void withoutInterruptionInTheEngineNothingIsWokenOrThrown() {
        Instance i = guest(new Engine(EngineConfig.DEFAULT.withInterruptible(false)), (c, a) -> null);
        List<String> woken = new ArrayList<>();
        try (Instance.Waker w = i.onInterrupt(() -> woken.add("woken"))) {
            i.interrupt();
            assertTrue(w != null);
        }
        assertFalse(i.interruptRequested());
        i.throwIfInterrupted();
        assertEquals(List.of(), woken);
    }
}
