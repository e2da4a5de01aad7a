package dev.verge.text;

import java.io.ByteArrayOutputStream;

/**
 * The character classes and token shapes of the text format's lexical grammar: identifier
 * characters, and the exact forms of integer and float literals (digits with single underscores
 * between them, hexadecimal with a {@code 0x} prefix, fractions, exponents, {@code inf},
 * {@code nan} and {@code nan:0x...}).
 */
final class LexicalRules {
    private LexicalRules() {}

    static boolean isIdChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '_', '+', '-', '*', '/', '\\', '^', '~', '=', '<', '>', '!', '?', '@', '#', '$', '%', '&', '|', ':', '`', '.', '\'' -> true;
            default -> false;
        };
    }

    static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** NAT, INT or FLOAT when {@code s[start,end)} is a number literal, else null. */
    static Token classifyNumber(String s, int start, int end) {
        int p = start;
        boolean signed = false;
        if (p < end && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            signed = true;
            p++;
        }
        if (p >= end) {
            return null;
        }
        if (s.startsWith("inf", p) && p + 3 == end || s.startsWith("nan", p) && p + 3 == end) {
            return Token.FLOAT;
        }
        if (s.startsWith("nan:0x", p)) {
            return hexnum(s, p + 6, end) == end ? Token.FLOAT : null;
        }
        boolean hex = s.startsWith("0x", p);
        int q = hex ? hexnum(s, p + 2, end) : num(s, p, end);
        if (q < 0) {
            return null;
        }
        if (q == end) {
            return signed ? Token.INT : Token.NAT;
        }
        if (s.charAt(q) == '.') {
            q++;
            if (q == end) {
                return Token.FLOAT;
            }
            int f = hex ? hexnum(s, q, end) : num(s, q, end);
            if (f >= 0) {
                q = f;
            }
            if (q == end) {
                return Token.FLOAT;
            }
        }
        char x = s.charAt(q);
        if (hex ? (x == 'p' || x == 'P') : (x == 'e' || x == 'E')) {
            q++;
            if (q < end && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                q++;
            }
            return num(s, q, end) == end ? Token.FLOAT : null;
        }
        return null;
    }

    /** The end of {@code digit ('_'? digit)*} at p, or -1. */
    static int num(String s, int p, int end) {
        if (p >= end || s.charAt(p) < '0' || s.charAt(p) > '9') {
            return -1;
        }
        p++;
        while (p < end) {
            char c = s.charAt(p);
            if (c >= '0' && c <= '9') {
                p++;
            } else if (c == '_' && p + 1 < end && s.charAt(p + 1) >= '0' && s.charAt(p + 1) <= '9') {
                p += 2;
            } else {
                break;
            }
        }
        return p;
    }

    /** The end of {@code hexdigit ('_'? hexdigit)*} at p, or -1. */
    static int hexnum(String s, int p, int end) {
        if (p >= end || !isHex(s.charAt(p))) {
            return -1;
        }
        p++;
        while (p < end) {
            char c = s.charAt(p);
            if (isHex(c)) {
                p++;
            } else if (c == '_' && p + 1 < end && isHex(s.charAt(p + 1))) {
                p += 2;
            } else {
                break;
            }
        }
        return p;
    }

    /**
     * {@code bytes} decoded as strict UTF-8 (no overlongs, surrogates or truncation), or null when
     * they are not well-formed: names, identifiers and annotation ids must all be.
     */
    static String strictUtf8(byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** Appends the UTF-8 encoding of a code point. */
    static void writeUtf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | (cp >> 6));
            out.write(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out.write(0xE0 | (cp >> 12));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        } else {
            out.write(0xF0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3F));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        }
    }
}
