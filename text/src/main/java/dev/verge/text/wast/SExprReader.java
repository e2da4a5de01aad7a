package dev.verge.text.wast;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads script text into S-expressions: parentheses, bare tokens and string literals, skipping
 * line comments ({@code ;;}) and nested block comments ({@code (; ;)}). It knows nothing of
 * WebAssembly; it only finds the structure, in one pass and with an explicit stack, so deeply
 * nested input cannot overflow the JVM stack.
 */
public final class SExprReader {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    private SExprReader(String src) {
        this.src = src;
    }

    /** Every top-level expression of {@code source}, in order. */
    public static List<SExpr> read(String source) {
        return new SExprReader(source).readAll();
    }

    private List<SExpr> readAll() {
        List<SExpr> top = new ArrayList<>();
        List<List<SExpr>> stack = new ArrayList<>();
        List<int[]> opens = new ArrayList<>(); // line, column, start of each open list
        while (true) {
            skipBlank();
            if (pos >= src.length()) {
                break;
            }
            char c = src.charAt(pos);
            int l = line;
            int col = pos - lineStart + 1;
            int start = pos;
            if (c == '(') {
                pos++;
                stack.add(new ArrayList<>());
                opens.add(new int[] {l, col, start});
            } else if (c == ')') {
                if (stack.isEmpty()) {
                    throw new ScriptSyntaxException(l, col, "unexpected ')'");
                }
                pos++;
                List<SExpr> items = stack.removeLast();
                int[] o = opens.removeLast();
                boolean annotation = !items.isEmpty() && items.getFirst() instanceof SExpr.Atom a
                        && a.text().startsWith("@") && a.start() == o[2] + 1;
                if (!annotation) { // annotations (@name ...) mean nothing to a script
                    add(top, stack, new SExpr.SList(items, o[0], o[1], o[2], pos));
                }
            } else if (c == '"') {
                add(top, stack, new SExpr.Str(string(), l, col, start, pos));
            } else {
                while (pos < src.length() && isTokenChar(src.charAt(pos))
                        && !src.startsWith(";;", pos)) {
                    pos++;
                }
                if (pos == start) {
                    throw new ScriptSyntaxException(l, col, "unexpected character '" + c + "'");
                }
                String text = src.substring(start, pos);
                if (text.equals("$") && pos < src.length() && src.charAt(pos) == '"') {
                    // A quoted identifier $"..." (Wasm 3.0) names the same thing as $... would.
                    text = "$" + new String(string(), StandardCharsets.UTF_8);
                }
                add(top, stack, new SExpr.Atom(text, l, col, start, pos));
            }
        }
        if (!stack.isEmpty()) {
            int[] o = opens.getLast();
            throw new ScriptSyntaxException(o[0], o[1], "unclosed '('");
        }
        return top;
    }

    private static void add(List<SExpr> top, List<List<SExpr>> stack, SExpr e) {
        (stack.isEmpty() ? top : stack.getLast()).add(e);
    }

    private static boolean isTokenChar(char c) {
        // A lone ';' is part of a (reserved) token; ';;' starts a comment, checked by the caller.
        return c > ' ' && c < 0x7F && c != '(' && c != ')' && c != '"';
    }

    private void newline() {
        line++;
        lineStart = pos + 1;
    }

    private void skipBlank() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == ';' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                // A line comment ends at any newline: LF, CR or CR LF.
                while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '(' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int l = line;
        int col = pos - lineStart + 1;
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '(' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                depth++;
                pos += 2;
            } else if (c == ';' && pos + 1 < src.length() && src.charAt(pos + 1) == ')') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (c == '\n') {
                    newline();
                }
                pos++;
            }
        }
        throw new ScriptSyntaxException(l, col, "unclosed block comment");
    }

    private byte[] string() {
        int l = line;
        int col = pos - lineStart + 1;
        pos++; // opening quote
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= src.length()) {
                throw new ScriptSyntaxException(l, col, "unclosed string");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toByteArray();
            }
            if (c == '\n') {
                throw new ScriptSyntaxException(l, col, "newline in string");
            }
            if (c != '\\') {
                int cp = src.codePointAt(pos);
                pos += Character.charCount(cp);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            pos++;
            if (pos >= src.length()) {
                throw new ScriptSyntaxException(l, col, "unclosed string");
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '"' -> out.write('"');
                case '\'' -> out.write('\'');
                case '\\' -> out.write('\\');
                case 'u' -> unicodeEscape(out, l, col);
                default -> {
                    int hi = Character.digit(e, 16);
                    int lo = pos < src.length() ? Character.digit(src.charAt(pos), 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw new ScriptSyntaxException(line, pos - lineStart, "illegal escape");
                    }
                    pos++;
                    out.write(hi * 16 + lo);
                }
            }
        }
    }

    private void unicodeEscape(ByteArrayOutputStream out, int l, int col) {
        if (pos >= src.length() || src.charAt(pos) != '{') {
            throw new ScriptSyntaxException(l, col, "illegal escape");
        }
        int close = src.indexOf('}', pos);
        if (close < 0) {
            throw new ScriptSyntaxException(l, col, "illegal escape");
        }
        String hex = src.substring(pos + 1, close).replace("_", "");
        pos = close + 1;
        try {
            int cp = Integer.parseInt(hex, 16);
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException ex) {
            throw new ScriptSyntaxException(l, col, "illegal escape");
        }
    }
}
