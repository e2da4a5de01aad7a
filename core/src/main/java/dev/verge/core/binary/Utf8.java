package dev.verge.core.binary;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding for names. The JDK's decoder replaces malformed input with U+FFFD instead
 * of failing, so the bytes are checked here first against the well-formed byte sequences of the
 * Unicode standard (Table 3-7): no overlong forms, no surrogates (U+D800..U+DFFF), nothing above
 * U+10FFFF, no truncated sequences.
 */
final class Utf8 {
    private Utf8() {}

    /** The string {@code bytes[from, from+length)} encodes, or null when it is not valid UTF-8. */
    static String decode(byte[] bytes, int from, int length) {
        int end = from + length;
        int i = from;
        // Names are nearly always ASCII: one tight loop, then a Latin-1 copy that the JDK
        // compacts without re-checking.
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        return isValid(bytes, i, end) ? new String(bytes, from, length, StandardCharsets.UTF_8) : null;
    }

    /** Whether {@code bytes[from, end)} is well-formed UTF-8. */
    static boolean isValid(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end) {
            int b0 = bytes[i] & 0xFF;
            if (b0 < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                need = 1;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                need = 2;
                if (b0 == 0xE0) {
                    lo = 0xA0; // below is an overlong encoding
                } else if (b0 == 0xED) {
                    hi = 0x9F; // above are the surrogates
                }
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                need = 3;
                if (b0 == 0xF0) {
                    lo = 0x90; // below is an overlong encoding
                } else if (b0 == 0xF4) {
                    hi = 0x8F; // above is past U+10FFFF
                }
            } else {
                return false; // a continuation byte, an overlong lead (C0, C1) or F5..FF
            }
            if (end - i <= need) {
                return false;
            }
            int b1 = bytes[i + 1] & 0xFF;
            if (b1 < lo || b1 > hi) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int b = bytes[i + k] & 0xFF;
                if (b < 0x80 || b > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
