package dev.verge.cli;

import java.util.concurrent.Callable;

/**
 * Runs a guest on a platform thread of its own with a large stack. The thread the JVM gives
 * {@code main} has a 1 MiB stack (the x64 default), on which guest recursion ends in "call stack
 * exhausted" after 8,000 to 10,000 calls while the guest's code is still interpreted; the same C
 * program built natively recurses far deeper on Linux's 8 MiB stack with its smaller frames. A
 * thread's stack is reserved address space, committed only as deep as the guest goes, so a large
 * one costs nothing until used; runaway recursion still ends in the same trap, only deeper.
 */
final class GuestThread {
    /**
     * The guest thread's stack: over 200,000 nested calls of a small function even interpreted.
     * Larger only delays the trap of a runaway recursion (256 MiB took 1.5 s and 1.2 GB to reach
     * it, 16 MiB 0.2 s).
     */
    static final long STACK_BYTES = 16L << 20;

    private GuestThread() {}

    /**
     * Runs {@code body} on a new thread with a {@link #STACK_BYTES} stack and waits for it; its
     * result is returned, and what it throws is thrown here as it was (checked exceptions wrapped).
     */
    static <T> T run(Callable<T> body) {
        Outcome<T> outcome = new Outcome<>(body);
        // The plain constructor and a class rather than Thread.ofPlatform() and a lambda: the
        // builder's classes and the lambda's bootstrap are start-up cost in a JVM without an AOT cache.
        Thread thread = new Thread(null, outcome, "verge-guest", STACK_BYTES);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the guest has its own deadline; waiting for it is always bounded by the guest
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // Not a pattern switch: its bootstrap costs milliseconds at every start (see QuickRun).
        Throwable failure = outcome.failure;
        if (failure == null) {
            return outcome.value;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    /** Runs the body on the thread; what it left is written before the thread ends and read after {@code join}, which orders both. */
    private static final class Outcome<T> implements Runnable {
        private final Callable<T> body;
        T value;
        Throwable failure;

        Outcome(Callable<T> body) {
            this.body = body;
        }

        @Override
        public void run() {
            try {
                value = body.call();
            } catch (Throwable t) {
                failure = t;
            }
        }
    }
}
