package dev.verge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Malformed text: the reference interpreter's wording, with the line and column of the fault. */
class ParseErrorTest {
    private static ParseException fail(String source) {
        return assertThrows(ParseException.class, () -> Wat.parse(source));
    }

    @Test
    void messageHasLineColumnAndACaretUnderTheFault() {
        ParseException e = fail("(module\n  (func\n    (i32.ad (local.get 0))))");
        assertEquals(3, e.line());
        assertEquals(6, e.column());
        assertEquals("unknown operator i32.ad", e.reason());
        assertEquals("3:6: unknown operator i32.ad\n      (i32.ad (local.get 0))))\n       ^", e.getMessage());
    }

    @Test
    void longLinesAreShownAsAWindowAroundTheFault() {
        String padding = "(func)".repeat(50);
        ParseException e = fail(padding + " (func (i32.ad)) " + padding);
        assertEquals(309, e.column());
        String[] lines = e.getMessage().split("\n");
        assertEquals(3, lines.length);
        assertEquals(lines[1].indexOf("i32.ad"), lines[2].indexOf('^'));
        assertEquals(true, lines[1].startsWith("  ...") && lines[1].endsWith("..."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (func (i32.const 0x1_0000_0000) drop)              | constant out of range                              | 1 | 18
            (func (i32.const 1x) drop)                         | unknown operator 1x                                | 1 | 18
            (func (i32.const) drop)                            | unexpected token                                   | 1 | 17
            (func (f32.const 1e39) drop)                       | constant out of range                              | 1 | 18
            (func (local i32) (param i32))                     | unexpected token                                   | 1 | 20
            (func (nop) (local i32))                           | unexpected token                                   | 1 | 14
            (func (br $l))                                     | unknown label $l                                   | 1 | 11
            (func (call $nope))                                | unknown function $nope                             | 1 | 13
            (func (type $t))                                   | unknown type $t                                    | 1 | 13
            (func $f) (func $f)                                | duplicate function $f                              | 1 | 17
            (func (param $x i32) (local $x i32))               | duplicate local $x                                 | 1 | 29
            (func) (import "m" "f" (func))                     | import after function definition                   | 1 | 9
            (global i32 (i32.const 0)) (import "" "" (memory 1)) | import after global definition                   | 1 | 29
            (func block $a end $b)                             | mismatching label                                  | 1 | 20
            (func block end $b)                                | mismatching label                                  | 1 | 17
            (memory 1) (func (drop (i32.load align=3 (i32.const 0)))) | alignment must be a power of two            | 1 | 34
            (memory 1) (func (drop (i32.load offset=4294967296 (i32.const 0)))) | i32 constant out of range         | 1 | 34
            (memory 0x1_0000_0000)                             | i32 constant out of range                          | 1 | 9
            (func (export "\\80"))                             | malformed UTF-8 encoding                           | 1 | 15
            (type $t (func (param i32))) (func (type $t) (param i64)) | inline function type does not match explicit type | 1 | 36
            (func (v128.const i32x4 0 0 0) drop)               | wrong number of lane literals                      | 1 | 8
            (func (i8x16.shuffle 0 1 2) drop)                  | invalid lane length                                | 1 | 8
            (func (i8x16.extract_lane_s 256 (v128.const i32x4 0 0 0 0)) drop) | malformed lane index               | 1 | 29
            (start 0) (start 0) (func)                         | multiple start sections                            | 1 | 18
            (func (i32.const 0)                                | unexpected end of input                            | 1 | 20
            (func "unclosed)                                   | unclosed string literal                            | 1 | 7
            (func) (; unclosed                                 | unclosed comment                                   | 1 | 8
            (data "\\q")                                       | illegal escape                                     | 1 | 8
            (func (get_local 0))                               | unknown operator get_local                         | 1 | 8
            """)
    void reasonsAndPositions(String source, String reason, int line, int column) {
        ParseException e = fail(source);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @Test
    void malformedUtf8InByteSource() {
        ParseException e = assertThrows(ParseException.class, () -> Wat.parse(new byte[] {'(', 'f', 'u', 'n', 'c', ')', '\n', (byte) 0xC0}));
        assertEquals("malformed UTF-8 encoding", e.reason());
        assertEquals(2, e.line());
        // A valid two-byte character before the bad byte: the column counts characters.
        e = assertThrows(ParseException.class, () -> Wat.parse(new byte[] {';', ';', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF}));
        assertEquals(1, e.line());
        assertEquals(4, e.column());
    }

    @Test
    void lineCommentsEndAtAnyNewlineAndLinesAreCountedThatWay() {
        Wat.parse("(func (result i32) (i32.const 1) ;; comment\r (return (i32.const 2)))");
        ParseException e = fail("(func\r(nop)\r\n(i32.ad))");
        assertEquals(3, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void annotationsAndIdentifiers() {
        Wat.parse("(@a x-y$yz\"aa\"-2 (@b) (@) (; c ;) $\"q\" , ; [ ] { }) (func)");
        assertEquals("illegal character", fail("(@a \u0001)").reason());
        assertEquals("empty annotation id", fail("(@ x)").reason());
        assertEquals("unclosed annotation", fail("(@a (b)").reason());
        assertEquals("empty annotation id", fail("(@\"\n\")").reason());
        assertEquals("malformed UTF-8 encoding", fail("(@\"\\ef\")").reason());
        assertEquals("empty identifier", fail("(func $)").reason());
        assertEquals("empty identifier", fail("(func $\"a\nb\")").reason());
    }

    @Test
    void controlCharactersOutsideStrings() {
        assertEquals("misplaced control character", fail("(func\u0001)").reason());
        assertEquals("illegal control character in string literal", fail("(func (export \"a\u0001\"))").reason());
        assertEquals("misplaced unicode character", fail("(func \u00e9)").reason());
    }
}
