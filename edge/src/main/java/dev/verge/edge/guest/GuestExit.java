package dev.verge.edge.guest;

import dev.verge.core.VergeException;

/** Thrown by {@code proc_exit}: the guest ended on purpose with this status. */
public final class GuestExit extends VergeException {
    private final int code;

    public GuestExit(int code) {
        super("exit " + code);
        this.code = code;
    }

    public int code() {
        return code;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // control flow, not an error: no stack trace to pay for
    }
}
