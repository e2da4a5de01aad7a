package dev.verge.wasi;

import dev.verge.core.VergeException;

/**
 * The guest raised a signal whose default action ends the process ({@code proc_raise} with, for
 * example, {@code SIGABRT} or {@code SIGTERM}): the guest stops where it is, as after
 * {@code proc_exit}, but the outcome is distinct from any exit code. The engine delivers this as
 * the cause of a host-error {@link dev.verge.core.runtime.Trap}; {@link #find} digs it out.
 * A shell reports such an end as status {@code 128 + signal}: {@link #exitStatus()}.
 */
public final class WasiSignal extends VergeException {
    private final int signal;

    public WasiSignal(int signal) {
        super("terminated by signal " + Signals.name(signal));
        this.signal = signal;
    }

    /** The signal number, as in preview1's {@code signal} enum (which matches Linux's numbers). */
    public int signal() {
        return signal;
    }

    /** The signal's name, e.g. {@code SIGTERM}. */
    public String signalName() {
        return Signals.name(signal);
    }

    /** What a POSIX shell reports for a process ended by this signal: {@code 128 + signal}. */
    public int exitStatus() {
        return 128 + signal;
    }

    /** The {@code WasiSignal} that {@code thrown} is or was caused by, or null. */
    public static WasiSignal find(Throwable thrown) {
        return Causes.find(thrown, WasiSignal.class);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
