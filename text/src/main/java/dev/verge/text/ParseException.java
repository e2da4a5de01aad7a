package dev.verge.text;

import dev.verge.core.VergeException;

/**
 * The text is not well-formed. The message is {@code line:column: reason} followed by the source
 * line and a caret under the column; {@link #reason()} is the reason alone, worded as the reference
 * interpreter words it ("unknown operator", "unexpected token", "constant out of range", ...).
 */
public final class ParseException extends VergeException {
    private final String reason;
    private final int line;
    private final int column;
    private final int offset;

    ParseException(String reason, int line, int column, int offset, String excerpt) {
        super(line + ":" + column + ": " + reason + excerpt);
        this.reason = reason;
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    /** Builds the exception for {@code offset} in {@code source}, computing line and column. */
    static ParseException at(String source, int offset, String reason) {
        offset = Math.max(0, Math.min(offset, source.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = source.indexOf('\n', offset);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        String text = source.substring(lineStart, lineEnd);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        int column = offset - lineStart + 1;
        String excerpt = "";
        if (text.length() <= 200) {
            StringBuilder caret = new StringBuilder("\n  ").append(text).append("\n  ");
            for (int i = 0; i < column - 1 && i < text.length(); i++) {
                caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
            }
            excerpt = caret.append('^').toString();
        }
        return new ParseException(reason, line, column, offset, excerpt);
    }

    /** The reason alone, without position or excerpt. */
    public String reason() {
        return reason;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column, in characters. */
    public int column() {
        return column;
    }

    /** The character offset in the source. */
    public int offset() {
        return offset;
    }
}
