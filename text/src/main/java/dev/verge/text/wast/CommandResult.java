package dev.verge.text.wast;

/**
 * The outcome of one command.
 *
 * @param expected what the command expected, for verbose reports
 * @param actual what happened instead (empty when the command passed)
 */
public record CommandResult(int line, String kind, boolean passed, String expected, String actual) {
    static CommandResult pass(Command c) {
        return new CommandResult(c.line(), c.kind(), true, "", "");
    }

    static CommandResult fail(Command c, String expected, String actual) {
        return new CommandResult(c.line(), c.kind(), false, expected, actual);
    }

    /** {@code line N: kind: expected ..., got ...}, for verbose reports. */
    public String describe() {
        return "line " + line + ": " + kind + (passed ? ": passed" : ": expected " + expected + ", got " + actual);
    }
}
