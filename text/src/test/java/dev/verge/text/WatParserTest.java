package dev.verge.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.SubType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatParserTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** The body bytes of defined function {@code i}, without its final {@code end}. */
    private static byte[] body(WasmModule m, int i) {
        Bytes code = m.codes().get(i).body().code();
        return code.slice(0, code.length() - 1).toArray();
    }

    @Test
    void inlineImportsAndExportsShareTheIndexSpaces() {
        WasmModule m = Wat.parse("""
                (module
                  (func $f (export "a") (export "b") (import "m" "f") (param i32))
                  (global $g (import "m" "g") (mut i64))
                  (func $h (export "h"))
                  (memory (export "mem") 1 2))
                """);
        assertEquals(2, m.imports().size());
        assertEquals(new FuncImport(0), m.imports().get(0).type());
        assertEquals(new GlobalType(ValType.I64, true), m.imports().get(1).type());
        assertEquals(List.of(new Export("a", ExternKind.FUNC, 0), new Export("b", ExternKind.FUNC, 0),
                new Export("h", ExternKind.FUNC, 1), new Export("mem", ExternKind.MEMORY, 0)), m.exports());
        assertEquals(new Limits(1, 2), m.memories().get(0).limits());
    }

    @Test
    void implicitTypesComeAfterExplicitOnesAndReuseMatches() {
        WasmModule m = Wat.parse("""
                (module
                  (func (param i32))
                  (type $t (func (result i32)))
                  (func (type $t) (i32.const 0))
                  (func (result i32) (i32.const 1))
                  (func (block (param i64) (result i64 i64) (unreachable)) (unreachable)))
                """);
        assertEquals(List.of(
                SubType.of(new FuncType(List.of(), List.of(ValType.I32))),
                SubType.of(new FuncType(List.of(ValType.I32), List.of())),
                SubType.of(FuncType.EMPTY),
                SubType.of(new FuncType(List.of(ValType.I64), List.of(ValType.I64, ValType.I64)))), m.types());
        assertEquals(List.of(1, 0, 0, 2), m.functions());
        assertArrayEquals(bytes(0x02, 0x03, 0x00, 0x0B, 0x00), body(m, 3));
    }

    @Test
    void foldedAndFlatFormsEncodeTheSame() {
        byte[] folded = Wat.toBinary("""
                (func (param i32) (result i32)
                  (if (result i32) (local.get 0)
                    (then (i32.add (local.get 0) (i32.const 1)))
                    (else (i32.const 0))))""");
        byte[] flat = Wat.toBinary("""
                (func (param i32) (result i32)
                  local.get 0
                  if (result i32)
                    local.get 0
                    i32.const 1
                    i32.add
                  else
                    i32.const 0
                  end)""");
        assertArrayEquals(flat, folded);
    }

    @Test
    void labelsResolveToTheInnermostBindingOfTheirName() {
        WasmModule m = Wat.parse("""
                (func
                  (block $a (block $b (block $a (br $a) (br $b) (br 2)))))""");
        assertArrayEquals(bytes(0x02, 0x40, 0x02, 0x40, 0x02, 0x40, 0x0C, 0x00, 0x0C, 0x01, 0x0C, 0x02, 0x0B, 0x0B, 0x0B), body(m, 0));
    }

    @Test
    void localsAndParametersByName() {
        WasmModule m = Wat.parse("(func $f (param $a i32) (param i64) (local $b f32) (local i32 i32) local.get $a local.get $b drop drop)");
        assertArrayEquals(bytes(0x20, 0x00, 0x20, 0x02, 0x1A, 0x1A), body(m, 0));
        assertEquals(3, m.codes().get(0).localCount());
        assertEquals(Map.of(0, "f"), m.names().functionNames());
        assertEquals(Map.of(0, Map.of(0, "a", 2, "b")), m.names().localNames());
    }

    @Test
    void tableWithInlineElementsAndMemoryWithInlineData() {
        WasmModule m = Wat.parse("""
                (module
                  (func $f) (func $g)
                  (table $t funcref (elem $g $f $g))
                  (memory (data "abc" "def")))""");
        assertEquals(new Limits(3, 3), m.tables().get(0).limits());
        assertEquals(List.of(1, 0, 1), m.elements().get(0).functionIndices());
        assertInstanceOf(SegmentMode.Active.class, m.elements().get(0).mode());
        assertEquals(new Limits(1, 1), m.memories().get(0).limits());
        assertEquals(Bytes.copyOf("abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8)), m.data().get(0).init());
    }

    @Test
    void elementSegmentModesAndItemForms() {
        WasmModule m = Wat.parse("""
                (module
                  (table 1 funcref)
                  (func $f)
                  (elem func $f)
                  (elem declare func $f)
                  (elem (i32.const 0) $f)
                  (elem externref (ref.null extern) (item ref.null extern)))""");
        assertEquals(SegmentMode.PASSIVE, m.elements().get(0).mode());
        assertEquals(SegmentMode.DECLARATIVE, m.elements().get(1).mode());
        assertInstanceOf(SegmentMode.Active.class, m.elements().get(2).mode());
        assertEquals(RefType.EXTERNREF, m.elements().get(3).type());
        assertTrue(m.elements().get(3).usesExpressions());
        assertEquals(2, m.elements().get(3).size());
    }

    @Test
    void stringEscapes() {
        WasmModule m = Wat.parse("(memory 1) (data (i32.const 0) \"\\t\\n\\r\\\"\\'\\\\\\41\\u{e9}\\u{1F600}\")");
        assertArrayEquals(bytes('\t', '\n', '\r', '"', '\'', '\\', 0x41, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80), m.data().get(0).init().toArray());
    }

    @Test
    void vectorConstantsShufflesAndLanes() {
        WasmModule m = Wat.parse("""
                (func
                  (drop (v128.const i16x8 1 -1 0 0 0 0 0 0x8000))
                  (drop (i8x16.extract_lane_s 15 (v128.const f32x4 1 0 0 0)))
                  (drop (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (v128.const i64x2 0 0) (v128.const i64x2 0 0))))""");
        byte[] b = body(m, 0);
        assertArrayEquals(bytes(0xFD, 0x0C, 1, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x80, 0x1A),
                java.util.Arrays.copyOfRange(b, 0, 19));
        assertArrayEquals(bytes(0xFD, 0x0C, 0, 0, 0x80, 0x3F), java.util.Arrays.copyOfRange(b, 19, 25));
        assertArrayEquals(bytes(0xFD, 0x15, 15, 0x1A), java.util.Arrays.copyOfRange(b, 37, 41));
    }

    @Test
    void memargsDefaultToNaturalAlignment() {
        WasmModule m = Wat.parse("(memory 1) (func (drop (i64.load offset=8 (i32.const 0))) (drop (i32.load16_u align=1 (i32.const 0))))");
        assertArrayEquals(bytes(0x41, 0x00, 0x29, 0x03, 0x08, 0x1A, 0x41, 0x00, 0x2F, 0x00, 0x00, 0x1A), body(m, 0));
    }

    @Test
    void typedSelectAndBrTable() {
        WasmModule m = Wat.parse("(func (param i32) (block (block (br_table 1 0 1 (local.get 0)))) (drop (select (result i32) (i32.const 1) (i32.const 2) (local.get 0))))");
        byte[] b = body(m, 0);
        assertArrayEquals(bytes(0x20, 0x00, 0x0E, 0x02, 0x01, 0x00, 0x01), java.util.Arrays.copyOfRange(b, 4, 11));
        assertArrayEquals(bytes(0x1C, 0x01, 0x7F, 0x1A), java.util.Arrays.copyOfRange(b, b.length - 4, b.length));
    }

    @Test
    void moduleNameAndCommentsAndAnnotations() {
        WasmModule m = Wat.parse("(; a (; nested ;) comment ;) (module $m (@annotation (x \")\")) ;; line\n (func))");
        assertEquals("m", m.names().moduleName());
        assertEquals(1, m.functions().size());
    }

    @Test
    void moduleFormsForScripts() {
        Lexer lx = new Lexer("(module $a binary \"\\00asm\" \"\\01\\00\\00\\00\") (module quote \"(func)\") (module $t (func)) after");
        ModuleForm binary = WatParser.parseModuleForm(lx);
        assertEquals("$a", binary.name());
        assertEquals(ModuleForm.Kind.BINARY, binary.kind());
        assertArrayEquals(bytes(0, 'a', 's', 'm', 1, 0, 0, 0), binary.binary());
        ModuleForm quote = WatParser.parseModuleForm(lx);
        assertEquals(ModuleForm.Kind.QUOTE, quote.kind());
        assertEquals(1, dev.verge.core.binary.ModuleDecoder.decode(quote.binary()).functions().size());
        ModuleForm text = WatParser.parseModuleForm(lx);
        assertEquals("$t", text.name());
        assertEquals(1, text.module().functions().size());
        assertTrue(lx.isKeyword("after"));
    }

    @Test
    void quotedIdentifiersNameTheSameThingAsPlainOnes() {
        WasmModule m = Wat.parse("(func $\"f\" (param $\"a b\" i32) (call $f (local.get $\"a b\")))");
        assertArrayEquals(bytes(0x20, 0x00, 0x10, 0x00), body(m, 0));
        assertEquals(Map.of(0, "a b"), m.names().localNames().get(0));
        assertEquals("empty identifier", assertThrows(ParseException.class, () -> Wat.parse("(func $\"\")")).reason());
    }

    @Test
    void moduleDefinitionsAreMarked() {
        ModuleForm form = WatParser.parseModuleForm(new Lexer("(module definition $M (func))"));
        assertTrue(form.definition());
        assertEquals("$M", form.name());
    }

    @Test
    void indicesUpToTheLargestU32AreKeptForTheValidatorToReject() {
        WasmModule m = Wat.parse("(table 1 funcref) (func (call_indirect (type 0xffffffff) (i32.const 0))) (elem (table 0xffffffff) (i32.const 0) func)");
        assertArrayEquals(bytes(0x41, 0x00, 0x11, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00), body(m, 0));
        assertEquals(-1, ((SegmentMode.Active) m.elements().get(0).mode()).index());
    }
}
