package dev.verge.core.binary;

import static dev.verge.core.binary.Wasm.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {
    private static String decode(byte[] bytes) {
        return Utf8.decode(bytes, 0, bytes.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "\u0080", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF", "h\u00e9llo \u4e16\u754c \uD83D\uDE00"})
    void acceptsWellFormedText(String text) {
        assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "80", // lone continuation byte
                "BF",
                "C0 80", // overlong NUL
                "C1 BF", // overlong DEL
                "C2", // truncated
                "C2 41", // bad continuation
                "E0 80 80", // overlong
                "E0 9F BF", // overlong U+07FF
                "ED A0 80", // surrogate U+D800
                "ED BF BF", // surrogate U+DFFF
                "E1 80", // truncated
                "F0 80 80 80", // overlong
                "F0 8F BF BF", // overlong U+FFFF
                "F4 90 80 80", // U+110000
                "F5 80 80 80", // lead byte past U+10FFFF
                "F8 88 80 80 80", // five-byte form
                "FE",
                "FF",
                "F0 90 80", // truncated four-byte
                "61 80" // good then bad
            })
    void rejectsMalformedSequences(String hex) {
        String[] parts = hex.split(" ");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i], 16);
        }
        assertNull(decode(b(values)));
    }
}
