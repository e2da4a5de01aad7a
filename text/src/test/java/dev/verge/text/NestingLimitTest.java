package dev.verge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Deep nesting ends in a parse error or a module, never in a StackOverflowError. */
class NestingLimitTest {
    @Test
    void deeplyNestedFlatBlocksNeedNoRecursion() {
        int n = 20_000;
        byte[] wasm = Wat.toBinary("(func " + "block ".repeat(n) + "br " + (n - 1) + " " + "end ".repeat(n) + ")");
        assertEquals(0, wasm[0]);
    }

    @Test
    void foldedNestingUpToTheLimitParses() {
        int n = InstrParser.MAX_NESTING - 1;
        Wat.toBinary("(func " + "(block ".repeat(n) + ")".repeat(n) + ")");
    }

    @Test
    void foldedNestingPastTheLimitIsAnError() {
        int n = 100_000;
        ParseException e = assertThrows(ParseException.class,
                () -> Wat.toBinary("(func (drop " + "(i32.add (i32.const 1) ".repeat(n) + "(i32.const 1)" + ")".repeat(n) + "))"));
        assertEquals("nesting too deep", e.reason());
        e = assertThrows(ParseException.class, () -> Wat.toBinary("(func " + "(if (i32.const 0) (then ".repeat(n) + "))".repeat(n) + ")"));
        assertEquals("nesting too deep", e.reason());
    }

    @Test
    void flatNestingPastTheValidatorsLimitIsAnError() {
        int n = InstrParser.MAX_BLOCKS + 1;
        ParseException e = assertThrows(ParseException.class, () -> Wat.toBinary("(func " + "loop ".repeat(n) + "end ".repeat(n) + ")"));
        assertEquals("nesting too deep", e.reason());
    }
}
