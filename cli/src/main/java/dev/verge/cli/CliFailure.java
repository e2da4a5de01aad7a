package dev.verge.cli;

/**
 * A command stopped with a message for the user and an exit status. The handlers print the
 * message as one line on stderr; there is no stack trace, so none is recorded.
 */
public final class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
