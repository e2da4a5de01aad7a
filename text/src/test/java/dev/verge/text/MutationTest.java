package dev.verge.text;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input is never a crash: seeded random edits of the project's .wat files either parse or fail
 * with a {@link ParseException}; no other exception escapes.
 */
class MutationTest {
    private static final String[] TOKENS = {
        "(", ")", "$x", "$\"q\"", "0", "-1", "0x", "1.5e", "nan:0x1", "\"", "i32", "func", "block", "end", "else",
        "then", "param", "result", "local", "type", "i32.const", "v128.const", "i8x16", "offset=1", "align=3",
        "(;", ";;", "(@a", "\\", "\u00e9", "\u0001", "br_table", "elem", "data", "memory", "table", "import",
        "export", "declare", "item", "ref.null", "select", "call_indirect", "i8x16.shuffle", "memory.init"
    };

    @Test
    void randomEditsNeverCrash() throws IOException {
        String[] sources = {
            RoundTripTest.resource("abbreviations.wat"), RoundTripTest.resource("instructions.wat"),
            RoundTripTest.resource("simd.wat"), RoundTripTest.resource("lexical.wat")
        };
        Random random = new Random(20261123);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder(sources[random.nextInt(sources.length)]);
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits && !text.isEmpty(); k++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, " " + TOKENS[random.nextInt(TOKENS.length)] + " ");
                    case 2 -> text.delete(at, Math.min(text.length(), at + random.nextInt(20)));
                    default -> text.insert(at, (char) random.nextInt(128));
                }
            }
            try {
                Wat.toBinary(text.toString());
            } catch (ParseException expected) {
                // the only acceptable failure
            } catch (RuntimeException | StackOverflowError e) {
                fail("edit " + i + " crashed the parser with " + e + " on:\n" + text, e);
            }
        }
    }
}
