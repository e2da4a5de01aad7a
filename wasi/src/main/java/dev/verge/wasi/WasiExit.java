package dev.verge.wasi;

import dev.verge.core.VergeException;

/**
 * The guest called {@code proc_exit}: it stops the guest where it is and carries the exit code.
 * Host functions cannot throw past the engine as they are, so the engine delivers this as the
 * cause of a host-error trap; {@link #find} digs it out of whatever reached the caller.
 */
public final class WasiExit extends VergeException {
    private final int code;

    public WasiExit(int code) {
        super("exit with code " + code);
        this.code = code;
    }

    /** The code given to {@code proc_exit}. */
    public int code() {
        return code;
    }

    /** The {@code WasiExit} that {@code thrown} is or was caused by, or null. */
    public static WasiExit find(Throwable thrown) {
        return Causes.find(thrown, WasiExit.class);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
