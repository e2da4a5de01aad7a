package dev.verge.edge.guest;

import dev.verge.core.runtime.Instance;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops guests that exceed their CPU or wall-clock budget by interrupting their instance. One
 * platform thread serves every request: guests run on virtual threads that never yield while in
 * Wasm code, so the watchdog must not depend on a carrier thread being free.
 */
public final class Watchdog implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "verge-watchdog");
        t.setDaemon(true);
        return t;
    });

    public Watchdog() {
        // Nearly every budget is closed long before its check is due: a cancelled check leaves the
        // queue at once instead of waking this thread at its due time to be discarded (one
        // wake-up per request otherwise).
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Why a budget stopped its guest. */
    public enum Reason { NONE, CPU, WALL }

    /** Starts watching {@code instance}; close the budget when the guest returns. */
    public Budget watch(Instance instance, Duration cpu, Duration wall) {
        Budget b = new Budget(instance, cpu.toNanos(), wall.toNanos());
        b.schedule(Math.min(cpu.toNanos(), wall.toNanos()));
        return b;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * The budget of one run. CPU time is the guest's running time: wall time minus the time spent
     * blocked in host calls (between {@link #blockingStarted} and {@link #blockingEnded}), since a
     * JVM cannot read a virtual thread's CPU clock.
     */
    public final class Budget implements AutoCloseable {
        private final Instance instance;
        private final long start = System.nanoTime();
        private final long cpuLimit;
        private final long wallLimit;
        private long blocked;
        private long blockStart = -1;
        private Reason reason = Reason.NONE;
        private boolean closed;
        private ScheduledFuture<?> pending;

        private Budget(Instance instance, long cpuLimit, long wallLimit) {
            this.instance = instance;
            this.cpuLimit = cpuLimit;
            this.wallLimit = wallLimit;
        }

        private synchronized void schedule(long delayNanos) {
            if (!closed) {
                pending = timer.schedule(this::check, Math.max(delayNanos, 100_000), TimeUnit.NANOSECONDS);
            }
        }

        private synchronized void check() {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            long wall = now - start;
            long cpu = wall - blocked - (blockStart >= 0 ? now - blockStart : 0);
            if (wall >= wallLimit) {
                stop(Reason.WALL);
            } else if (cpu >= cpuLimit) {
                stop(Reason.CPU);
            } else {
                schedule(Math.min(wallLimit - wall, cpuLimit - cpu));
            }
        }

        private void stop(Reason why) {
            reason = why;
            instance.interrupt();
        }

        /** The guest is about to wait in a host call: that time is not CPU time. */
        public synchronized void blockingStarted() {
            blockStart = System.nanoTime();
        }

        /** The host call returned. */
        public synchronized void blockingEnded() {
            if (blockStart >= 0) {
                blocked += System.nanoTime() - blockStart;
                blockStart = -1;
            }
        }

        /** The wall time left, never negative: what a blocking host call may still wait. */
        public java.time.Duration wallLeft() {
            return java.time.Duration.ofNanos(Math.max(0, wallLimit - (System.nanoTime() - start)));
        }

        /** Why the guest was stopped, or NONE. */
        public synchronized Reason reason() {
            return reason;
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
