package dev.verge.text.wast;

import dev.verge.core.VergeException;

/** A script that is not a well-formed WAST script; the message says where ("line:col: ..."). */
public final class ScriptSyntaxException extends VergeException {
    private final int line;
    private final int column;

    public ScriptSyntaxException(int line, int column, String reason) {
        super(line + ":" + column + ": " + reason);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
