package dev.verge.text;

import java.io.ByteArrayOutputStream;

/**
 * Splits text-format source into tokens, with one token of lookahead. Tokens are positions in the
 * source, not objects: {@link #kind()}, {@link #start()} and {@link #end()} describe the current
 * token and text is only materialized on request, so lexing allocates nothing per token.
 *
 * <p>Whitespace, line comments {@code ;; ...}, nested block comments {@code (; ... ;)} and
 * annotations {@code (@name ...)} are skipped. Lexical errors (an unclosed string, a control
 * character) are reported as {@link ParseException}s when the token is reached.
 *
 * <p>The WAST script runner shares this lexer: it reads commands token by token and hands a
 * lexer positioned on {@code (module ...)} to {@link WatParser#parseModuleForm(Lexer)}.
 */
public final class Lexer {
    private final String src;
    private final int length;
    /** Where lexing of the token after the lookahead resumes. */
    private int pos;

    private Token kind;
    private int start;
    private int end;
    private Token nextKind;
    private int nextStart;
    private int nextEnd;

    /** A lexer positioned on the first token of {@code source}. */
    public Lexer(String source) {
        this.src = source;
        this.length = source.length();
        reset(0);
    }

    /** The source being lexed. */
    public String source() {
        return src;
    }

    /** Repositions the lexer so that the current token is the first one at or after {@code offset}. */
    public void reset(int offset) {
        pos = offset;
        scan();
        kind = nextKind;
        start = nextStart;
        end = nextEnd;
        scan();
    }

    /** Moves to the next token. */
    public void advance() {
        kind = nextKind;
        start = nextStart;
        end = nextEnd;
        scan();
    }

    /** The current token's kind. */
    public Token kind() {
        return kind;
    }

    /** The current token's first character offset. */
    public int start() {
        return start;
    }

    /** The offset just past the current token. */
    public int end() {
        return end;
    }

    /** The kind of the token after the current one. */
    public Token peekKind() {
        return nextKind;
    }

    /** The current token's text. */
    public String text() {
        return src.substring(start, end);
    }

    /**
     * The current identifier token's name with its {@code $}: {@code $abc} as written, and the
     * Wasm 3.0 quoted form {@code $"abc"} as the same {@code $abc}.
     */
    public String idName() {
        if (end - start < 2 || src.charAt(start + 1) != '"') {
            return text();
        }
        int save = start;
        start = save + 1;
        byte[] bytes;
        try {
            bytes = stringBytes();
        } finally {
            start = save;
        }
        if (bytes.length == 0) {
            throw error("empty identifier");
        }
        String name = LexicalRules.strictUtf8(bytes);
        if (name == null) {
            throw error("malformed UTF-8 encoding");
        }
        return "$" + name;
    }

    /** Whether the current token is the keyword {@code keyword}. */
    public boolean isKeyword(String keyword) {
        return kind == Token.KEYWORD && end - start == keyword.length() && src.startsWith(keyword, start);
    }

    /** Whether the current token is {@code (} and the next one is the keyword {@code keyword}. */
    public boolean isParenKeyword(String keyword) {
        return kind == Token.LPAREN
                && nextKind == Token.KEYWORD
                && nextEnd - nextStart == keyword.length()
                && src.startsWith(keyword, nextStart);
    }

    /** The text of the token after the current one. */
    public String peekText() {
        return src.substring(nextStart, nextEnd);
    }

    /** The offset of the token after the current one. */
    public int peekStart() {
        return nextStart;
    }

    /** An error at the current token. */
    public ParseException error(String reason) {
        return ParseException.at(src, start, reason);
    }

    /** An error at {@code offset}. */
    public ParseException errorAt(int offset, String reason) {
        return ParseException.at(src, offset, reason);
    }

    /**
     * The error for a token the grammar does not allow here: {@code unknown operator X} when the
     * token is no keyword of the language at all (as the reference lexer reports it), else
     * {@code unexpected token}.
     */
    public ParseException unexpected() {
        if (kind == Token.RESERVED || (kind == Token.KEYWORD && !Keywords.isKnown(text()))) {
            return error("unknown operator " + text());
        }
        if (kind == Token.EOF) {
            return error("unexpected end of input");
        }
        return error("unexpected token");
    }

    /** The bytes a {@link Token#STRING} token denotes, escapes resolved. */
    public byte[] stringBytes() {
        return stringBytes(start, end);
    }

    /** The bytes the string literal at {@code [from, to)} (quotes included) denotes. */
    private byte[] stringBytes(int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from + 1;
        int last = to - 1;
        while (i < last) {
            char c = src.charAt(i);
            if (c != '\\') {
                if (c < 0x80) {
                    out.write(c);
                    i++;
                } else {
                    int cp = src.codePointAt(i);
                    LexicalRules.writeUtf8(out, cp);
                    i += Character.charCount(cp);
                }
                continue;
            }
            char e = src.charAt(i + 1);
            switch (e) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'u' -> {
                    int close = src.indexOf('}', i);
                    int cp = Integer.parseInt(src.substring(i + 3, close).replace("_", ""), 16);
                    LexicalRules.writeUtf8(out, cp);
                    i = close + 1;
                    continue;
                }
                default -> {
                    out.write(Character.digit(e, 16) * 16 + Character.digit(src.charAt(i + 2), 16));
                    i += 3;
                    continue;
                }
            }
            i += 2;
        }
        return out.toByteArray();
    }

    /**
     * Skips the balanced s-expression whose {@code (} is the current token, scanning characters
     * rather than tokens (the module parser's first pass skips every field this way), and moves to
     * the token after its {@code )}. Strings and comments are honoured; tokens inside are not
     * checked here, since the second pass lexes them.
     */
    public void skipForm() {
        if (kind != Token.LPAREN) {
            throw unexpected();
        }
        int p = start + 1;
        int depth = 1;
        while (depth > 0) {
            if (p >= length) {
                throw ParseException.at(src, length, "unexpected end of input");
            }
            char c = src.charAt(p);
            switch (c) {
                case '(' -> {
                    if (p + 1 < length && src.charAt(p + 1) == ';') {
                        pos = p;
                        skipBlockComment();
                        p = pos;
                        continue;
                    }
                    depth++;
                }
                case ')' -> depth--;
                case '"' -> {
                    pos = p;
                    scanString();
                    p = pos;
                    continue;
                }
                case ';' -> {
                    if (p + 1 < length && src.charAt(p + 1) == ';') {
                        p = lineCommentEnd(p);
                        continue;
                    }
                }
                default -> {}
            }
            p++;
        }
        reset(p);
    }

    // ---------------------------------------------------------------- scanning

    /** Lexes the token at {@link #pos} into the lookahead slot. */
    private void scan() {
        skipTrivia();
        nextStart = pos;
        if (pos >= length) {
            nextKind = Token.EOF;
            nextEnd = pos;
            return;
        }
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            nextKind = Token.LPAREN;
        } else if (c == ')') {
            pos++;
            nextKind = Token.RPAREN;
        } else if (c == '"') {
            scanString();
            if (pos < length && (LexicalRules.isIdChar(src.charAt(pos)) || src.charAt(pos) == '"')) {
                scanReserved();
            } else {
                nextKind = Token.STRING;
            }
        } else if (c == '$' && pos + 1 < length && src.charAt(pos + 1) == '"') {
            // A quoted identifier $"..." (Wasm 3.0); without a well-formed string, a lone $.
            int dollar = pos;
            pos++;
            try {
                scanString();
            } catch (ParseException e) {
                throw ParseException.at(src, dollar, "empty identifier");
            }
            if (pos < length && (LexicalRules.isIdChar(src.charAt(pos)) || src.charAt(pos) == '"')) {
                scanReserved();
            } else {
                nextKind = Token.ID;
            }
        } else if (LexicalRules.isIdChar(c)) {
            int runEnd = idRunEnd(pos);
            if (runEnd < length && src.charAt(runEnd) == '"') {
                scanReserved();
            } else {
                nextKind = classify(pos, runEnd);
                pos = runEnd;
            }
        } else if (c < 0x20 || c == 0x7F) {
            throw ParseException.at(src, pos, "misplaced control character");
        } else if (c >= 0x80) {
            throw ParseException.at(src, pos, Character.isSurrogate(c) && !validSurrogatePair(pos)
                    ? "malformed UTF-8 encoding" : "misplaced unicode character");
        } else {
            // , ; [ ] { } and other non-identifier ASCII: reserved tokens on their own.
            pos++;
            nextKind = Token.RESERVED;
        }
        nextEnd = pos;
    }

    private boolean validSurrogatePair(int at) {
        return Character.isHighSurrogate(src.charAt(at)) && at + 1 < length && Character.isLowSurrogate(src.charAt(at + 1));
    }

    /** A run of identifier characters and strings glued together: one reserved token. */
    private void scanReserved() {
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '"') {
                scanString();
            } else if (LexicalRules.isIdChar(c)) {
                pos++;
            } else {
                break;
            }
        }
        nextKind = Token.RESERVED;
    }

    private int idRunEnd(int p) {
        while (p < length && LexicalRules.isIdChar(src.charAt(p))) {
            p++;
        }
        return p;
    }

    private void skipTrivia() {
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == ';' && pos + 1 < length && src.charAt(pos + 1) == ';') {
                pos = lineCommentEnd(pos);
            } else if (c == '(' && pos + 1 < length && src.charAt(pos + 1) == ';') {
                skipBlockComment();
            } else if (c == '(' && pos + 1 < length && src.charAt(pos + 1) == '@') {
                skipAnnotation();
            } else {
                return;
            }
        }
    }

    /** Where a line comment starting at {@code p} ends: at its newline ({@code \n} or {@code \r}). */
    private int lineCommentEnd(int p) {
        while (p < length) {
            char c = src.charAt(p);
            if (c == '\n' || c == '\r') {
                return p;
            }
            p++;
        }
        return length;
    }

    private void skipBlockComment() {
        int open = pos;
        int depth = 0;
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '(' && pos + 1 < length && src.charAt(pos + 1) == ';') {
                depth++;
                pos += 2;
            } else if (c == ';' && pos + 1 < length && src.charAt(pos + 1) == ')') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw ParseException.at(src, open, "unclosed comment");
    }

    /**
     * Skips an annotation {@code (@name ...)}: its contents must be well-formed tokens, balanced
     * parentheses, strings and comments, as the annotations proposal (Wasm 3.0) requires.
     */
    private void skipAnnotation() {
        int open = pos;
        pos += 2;
        annotationId(open);
        int depth = 1;
        while (true) {
            if (pos >= length) {
                throw ParseException.at(src, open, "unclosed annotation");
            }
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == ';' && pos + 1 < length && src.charAt(pos + 1) == ';') {
                pos = lineCommentEnd(pos);
            } else if (c == '(' && pos + 1 < length && src.charAt(pos + 1) == ';') {
                skipBlockComment();
            } else if (c == '(') {
                if (pos + 2 < length && src.charAt(pos + 1) == '@'
                        && (src.charAt(pos + 2) == '"' || LexicalRules.isIdChar(src.charAt(pos + 2)))) {
                    int nested = pos;
                    pos += 2;
                    annotationId(nested);
                } else {
                    pos++;
                }
                depth++;
            } else if (c == ')') {
                pos++;
                if (--depth == 0) {
                    return;
                }
            } else if (c == '"') {
                scanString();
            } else if (c == '$') {
                annotationIdentifier();
            } else if (LexicalRules.isIdChar(c) || c == ',' || c == ';' || c == '[' || c == ']' || c == '{' || c == '}') {
                pos++;
            } else {
                throw ParseException.at(src, pos, "illegal character");
            }
        }
    }

    /** An identifier inside an annotation: {@code $name} or a non-empty {@code $"..."}. */
    private void annotationIdentifier() {
        int at = pos;
        pos++;
        if (pos < length && src.charAt(pos) == '"') {
            scanString();
            if (pos - at == 3) {
                throw ParseException.at(src, at, "empty identifier");
            }
        } else if (pos < length && LexicalRules.isIdChar(src.charAt(pos))) {
            pos = idRunEnd(pos);
        } else {
            throw ParseException.at(src, at, "empty identifier");
        }
    }

    /** The name after {@code (@}: identifier characters or a non-empty string. */
    private void annotationId(int open) {
        if (pos < length && src.charAt(pos) == '"') {
            int at = pos;
            try {
                scanString();
            } catch (ParseException notAString) {
                // The reference lexer sees no id at all when the string is not a valid literal.
                throw ParseException.at(src, open, "empty annotation id");
            }
            if (pos - at == 2) {
                throw ParseException.at(src, open, "empty annotation id");
            }
            if (LexicalRules.strictUtf8(stringBytes(at, pos)) == null) {
                throw ParseException.at(src, at, "malformed UTF-8 encoding");
            }
        } else if (pos < length && LexicalRules.isIdChar(src.charAt(pos))) {
            pos = idRunEnd(pos);
        } else {
            throw ParseException.at(src, open, "empty annotation id");
        }
    }

    /** Scans a string literal starting at the quote at {@link #pos}, checking its escapes. */
    private void scanString() {
        int open = pos;
        pos++;
        while (true) {
            if (pos >= length) {
                throw ParseException.at(src, open, "unclosed string literal");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\n' || c == '\r') {
                throw ParseException.at(src, open, "unclosed string literal");
            }
            if (c < 0x20 || c == 0x7F) {
                throw ParseException.at(src, pos, "illegal control character in string literal");
            }
            if (Character.isSurrogate(c)) {
                if (!validSurrogatePair(pos)) {
                    throw ParseException.at(src, pos, "malformed UTF-8 encoding");
                }
                pos += 2;
                continue;
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (pos + 1 >= length) {
                throw ParseException.at(src, pos, "illegal escape");
            }
            char e = src.charAt(pos + 1);
            switch (e) {
                case 'n', 'r', 't', '\\', '\'', '"' -> pos += 2;
                case 'u' -> scanUnicodeEscape();
                default -> {
                    if (LexicalRules.isHex(e) && pos + 2 < length && LexicalRules.isHex(src.charAt(pos + 2))) {
                        pos += 3;
                    } else {
                        throw ParseException.at(src, pos, "illegal escape");
                    }
                }
            }
        }
    }

    private void scanUnicodeEscape() {
        int escape = pos;
        int p = pos + 2;
        if (p >= length || src.charAt(p) != '{') {
            throw ParseException.at(src, escape, "illegal escape");
        }
        int q = hexnum(p + 1, length);
        if (q < 0 || q >= length || src.charAt(q) != '}') {
            throw ParseException.at(src, escape, "illegal escape");
        }
        long cp = 0;
        for (int i = p + 1; i < q; i++) {
            char d = src.charAt(i);
            if (d != '_') {
                cp = cp * 16 + Character.digit(d, 16);
                if (cp > 0x10FFFF) {
                    break;
                }
            }
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
            throw ParseException.at(src, escape, "illegal escape");
        }
        pos = q + 1;
    }

    // ---------------------------------------------------------------- classification

    private Token classify(int s, int e) {
        char c = src.charAt(s);
        if (c == '$') {
            if (e - s == 1) {
                throw ParseException.at(src, s, "empty identifier");
            }
            return Token.ID;
        }
        Token number = LexicalRules.classifyNumber(src, s, e);
        if (number != null) {
            return number;
        }
        if (c >= 'a' && c <= 'z') {
            if (src.startsWith("offset=", s) && e > s + 7 && LexicalRules.classifyNumber(src, s + 7, e) == Token.NAT
                    || src.startsWith("align=", s) && e > s + 6 && LexicalRules.classifyNumber(src, s + 6, e) == Token.NAT) {
                return Token.KEYWORD;
            }
            if (e - s < 2) {
                return Token.RESERVED;
            }
            for (int i = s + 1; i < e; i++) {
                char k = src.charAt(i);
                if (!(k >= 'a' && k <= 'z' || k >= 'A' && k <= 'Z' || k >= '0' && k <= '9' || k == '_' || k == '.' || k == ':')) {
                    return Token.RESERVED;
                }
            }
            return Token.KEYWORD;
        }
        return Token.RESERVED;
    }

    private int hexnum(int p, int end) {
        return LexicalRules.hexnum(src, p, end);
    }
}
