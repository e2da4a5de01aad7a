package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.Expr;
import org.junit.jupiter.api.Test;

class ConstExprTextTest {
    private static String text(int... code) {
        byte[] bytes = new byte[code.length];
        for (int i = 0; i < code.length; i++) {
            bytes[i] = (byte) code[i];
        }
        return ConstExprText.of(new Expr(Bytes.copyOf(bytes), 0));
    }

    @Test
    void spellsOutTheOneInstructionForms() {
        assertEquals("i32.const 1024", text(0x41, 0x80, 0x08, 0x0B));
        assertEquals("i32.const -1", text(0x41, 0x7F, 0x0B));
        assertEquals("i64.const -1", text(0x42, 0x7F, 0x0B));
        assertEquals("global.get 3", text(0x23, 3, 0x0B));
        assertEquals("ref.func 2", text(0xD2, 2, 0x0B));
        assertEquals("ref.null func", text(0xD0, 0x70, 0x0B));
        assertEquals("ref.null extern", text(0xD0, 0x6F, 0x0B));
    }

    @Test
    void summarizesAnythingElseBySize() {
        assertEquals("expression of 5 bytes", text(0x41, 1, 0x41, 2, 0x0B));
        assertEquals("expression of 1 bytes", text(0x0B));
        assertEquals("expression of 2 bytes", text(0x41, 0x80));
    }
}
