package dev.verge.text.wast;

import java.util.List;

/**
 * One node of a script's S-expression tree, with where it starts in the source. The script
 * parser works on this tree; text modules are handed to the WAT parser as the source text the
 * node spans ({@link #start()} to {@link #end()}), so the WAT parser sees them exactly as written.
 */
public sealed interface SExpr {
    /** 1-based line of the node's first character. */
    int line();

    /** 1-based column of the node's first character. */
    int column();

    /** Offset of the node's first character in the source. */
    int start();

    /** Offset just after the node's last character in the source. */
    int end();

    /** A parenthesized list. */
    record SList(List<SExpr> items, int line, int column, int start, int end) implements SExpr {
        public SList {
            items = List.copyOf(items);
        }

        /** The keyword this list starts with, or null when it starts with something else. */
        public String head() {
            return !items.isEmpty() && items.getFirst() instanceof Atom a ? a.text() : null;
        }

        public int size() {
            return items.size();
        }

        public SExpr get(int index) {
            return items.get(index);
        }
    }

    /** A keyword, number, identifier or other bare token. */
    record Atom(String text, int line, int column, int start, int end) implements SExpr {}

    /** A string literal with its escapes resolved to bytes. */
    record Str(byte[] bytes, int line, int column, int start, int end) implements SExpr {
        /** The bytes read as UTF-8 (export names, registered names, quoted module text). */
        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
