package dev.verge.wasi;

import dev.verge.core.runtime.Instance;
import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How a WASI call waits on its guest's behalf (for a socket, a clock, input): until what it waits
 * for happens, or until the guest's instance is interrupted ({@link Instance#interrupt}, a
 * deadline), whichever comes first. An interrupt wakes the wait at once (the instance runs a
 * waker: a selector's wake-up, or an unpark of the waiting thread) and the call then throws the
 * same trap an interrupted loop does ({@link Instance#throwIfInterrupted}), so a guest blocked in
 * a host call ends at its deadline like any other. Nothing here interrupts the Java thread: that
 * would close every interruptible channel it touches next, preopened files included.
 *
 * <p>A Java interrupt of the waiting thread (an embedder cancelling it) ends the wait with
 * {@code EINTR}, leaving the thread's interrupt status set. With no instance (a WASI function
 * called from Java, not from a guest) the waits are plain.
 */
final class HostWait {
    private HostWait() {}

    /**
     * Selects on {@code selector} until a key is ready, {@code nanos} have passed ({@code
     * Long.MAX_VALUE}: no limit) or a wake-up; the caller checks what is ready. Spurious returns
     * are possible: callers loop.
     *
     * @throws dev.verge.core.runtime.Trap when the instance is interrupted
     */
    static void select(Instance instance, Selector selector, long nanos) throws IOException, WasiError {
        if (instance == null) {
            selectOnce(selector, nanos);
            return;
        }
        Instance.Waker w = instance.onInterrupt(selector::wakeup);
        try {
            instance.throwIfInterrupted();
            selectOnce(selector, nanos);
            instance.throwIfInterrupted();
        } finally {
            w.close();
        }
    }

    private static void selectOnce(Selector selector, long nanos) throws IOException, WasiError {
        failIfThreadInterrupted();
        if (nanos == Long.MAX_VALUE) {
            selector.select();
        } else {
            selector.select(Math.max(1, (nanos + 999_999) / 1_000_000));
        }
        failIfThreadInterrupted();
    }

    /**
     * Sleeps {@code nanos}.
     *
     * @throws dev.verge.core.runtime.Trap when the instance is interrupted first
     */
    static void sleep(Instance instance, long nanos) throws WasiError {
        long end = System.nanoTime() + nanos;
        park(instance, () -> end - System.nanoTime() <= 0, end);
    }

    /**
     * Waits until {@code done} is true; whatever makes it true must then unpark this thread
     * (spurious wake-ups are fine: {@code done} is checked again).
     *
     * @throws dev.verge.core.runtime.Trap when the instance is interrupted first
     */
    static void until(Instance instance, BooleanSupplier done) throws WasiError {
        park(instance, done, Long.MAX_VALUE);
    }

    /** Parks until {@code done}, the time {@code end} (MAX_VALUE: none) or an interrupt. */
    private static void park(Instance instance, BooleanSupplier done, long end) throws WasiError {
        Thread me = Thread.currentThread();
        Instance.Waker w = instance == null ? null : instance.onInterrupt(() -> LockSupport.unpark(me));
        try {
            while (true) {
                if (instance != null) {
                    instance.throwIfInterrupted();
                }
                if (done.getAsBoolean()) {
                    return;
                }
                failIfThreadInterrupted(); // parking would return at once, forever
                if (end == Long.MAX_VALUE) {
                    LockSupport.park(HostWait.class);
                } else {
                    LockSupport.parkNanos(HostWait.class, end - System.nanoTime());
                }
            }
        } finally {
            if (w != null) {
                w.close();
            }
        }
    }

    private static void failIfThreadInterrupted() throws WasiError {
        if (Thread.currentThread().isInterrupted()) {
            throw new WasiError(Errno.INTR);
        }
    }
}
