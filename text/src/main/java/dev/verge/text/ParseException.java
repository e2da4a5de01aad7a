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
            char c = source.charAt(i);
            // \n, \r and \r\n each end a line.
            if (c == '\n' || c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = lineStart;
        while (lineEnd < source.length() && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        if (lineEnd < offset) {
            lineEnd = offset;
        }
        int column = offset - lineStart + 1;
        // Long lines (minified modules) are shown as a window around the column.
        int from = Math.max(lineStart, offset - 60);
        int to = Math.min(lineEnd, Math.max(offset, from) + 60);
        String prefix = from > lineStart ? "..." : "";
        String text = prefix + source.substring(from, to) + (to < lineEnd ? "..." : "");
        StringBuilder caret = new StringBuilder("\n  ").append(text).append("\n  ");
        int caretAt = prefix.length() + offset - from;
        for (int i = 0; i < caretAt; i++) {
            caret.append(i < text.length() && text.charAt(i) == '\t' ? '\t' : ' ');
        }
        String excerpt = caret.append('^').toString();
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
