package dev.verge.text.print;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.binary.ModuleEncoder;
import dev.verge.text.Wat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WatPrinterTest {
    private static String print(byte[] binary) {
        return WatPrinter.print(ModuleDecoder.decode(binary));
    }

    private static byte[] compile(String text) {
        return ModuleEncoder.encode(Wat.parse(text));
    }

    /** text -> binary -> text -> binary gives the same binary, and printing it again the same text. */
    private static void assertRoundTrips(String source) {
        byte[] first = compile(source);
        String printed = print(first);
        byte[] second = compile(printed);
        assertArrayEquals(first, second, printed);
        assertEquals(printed, print(second));
    }

    @Test
    void printsFlatIndentedTextWithNamesAndIndices() {
        String text = print(compile("""
                (module $m
                  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
                    (local $t i32)
                    (block (result i32)
                      (i32.add (local.get $a) (local.get $b))))
                  (memory 1)
                  (data (i32.const 8) "hi\\00"))
                """));
        assertEquals("""
                (module $m
                  (type (;0;) (func (param i32 i32) (result i32)))
                  (func $add (;0;) (type 0) (param $a i32) (param $b i32) (result i32)
                    (local $t i32)
                    block (result i32)
                      local.get $a
                      local.get $b
                      i32.add
                    end)
                  (memory (;0;) 1)
                  (export "add" (func $add))
                  (data (;0;) (offset (i32.const 8)) "hi\\00"))
                """, text);
    }

    @Test
    void floatsArePrintedExactly() {
        String text = print(compile("""
                (module (func
                  f32.const -0 drop f32.const 0x1p-149 drop f32.const nan:0x200001 drop f32.const -inf drop
                  f64.const 0.1 drop f64.const -nan drop f64.const nan:0x1 drop))
                """));
        for (String s : new String[] {"f32.const -0.0", "f32.const 1.4e-45", "f32.const nan:0x200001", "f32.const -inf",
                "f64.const 0.1", "f64.const -nan", "f64.const nan:0x1"}) {
            assertEquals(true, text.contains(s + "\n"), s + " in\n" + text);
        }
    }

    @ValueSource(strings = {
        // every section and import kind
        """
        (module
          (type $t (func (param i32) (result i32)))
          (import "env" "f" (func $imported (type $t)))
          (import "env" "t" (table 1 2 funcref))
          (import "env" "m" (memory 1 3))
          (import "env" "g" (global (mut i64)))
          (func $main (type $t) (local f32 f64 v128 externref) (call $imported (local.get 0)))
          (table $tab 4 funcref)
          (global $c f32 (f32.const 1.5))
          (global (mut externref) (ref.null extern))
          (export "main" (func $main))
          (export "tab" (table $tab))
          (export "c" (global $c))
          (start $start)
          (func $start)
          (elem (i32.const 0) $main $start)
          (elem $p funcref (ref.func $main) (ref.null func))
          (elem declare func $start)
          (elem (table $tab) (offset (i32.const 1)) funcref (item ref.func $start))
          (data "passive")
          (data (memory 0) (offset (i32.const 4)) "\\ff\\00"))
        """,
        // control and variable instructions
        """
        (module
          (type $two (func (param i32) (result i32 i32)))
          (table 1 funcref)
          (global $g (mut i32) (i32.const 0))
          (func (param i32) (result i32)
            (block $out (result i32)
              (loop $l
                (br_if $l (i32.eqz (local.get 0)))
                (br_table 0 1 $out (i32.const 7) (local.get 0)))
              (i32.const 1))
            (if (result i32) (then (i32.const 2)) (else (i32.const 3)))
            (block (type $two) (drop))
            (drop) (global.set $g) (global.get $g)
            (local.tee 0) (call_indirect (type $two) (i32.const 0)) (select) (return)
            unreachable nop))
        """,
        // memory, table and reference instructions
        """
        (module
          (memory 1)
          (table $t 2 externref)
          (table $f 2 funcref)
          (elem $e func 0)
          (data $d "abc")
          (func (param externref)
            (i32.store offset=4 align=2 (i32.const 0) (i64.load32_u offset=8 (i32.const 0)) (i32.wrap_i64))
            (drop (memory.grow (memory.size)))
            (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))
            (memory.copy (i32.const 0) (i32.const 0) (i32.const 0))
            (memory.init $d (i32.const 0) (i32.const 0) (i32.const 0))
            (data.drop $d)
            (table.set $t (i32.const 0) (local.get 0))
            (drop (table.get $t (i32.const 0)))
            (drop (table.grow $t (ref.null extern) (i32.const 1)))
            (drop (table.size $f))
            (table.fill $t (i32.const 0) (ref.null extern) (i32.const 1))
            (table.copy $f $f (i32.const 0) (i32.const 0) (i32.const 0))
            (table.init $f $e (i32.const 0) (i32.const 0) (i32.const 1))
            (elem.drop $e)
            (drop (ref.is_null (ref.func 0)))
            (drop (select (result externref) (local.get 0) (ref.null extern) (i32.const 1)))))
        """,
        // numeric and vector instructions
        """
        (module
          (memory 1)
          (func (result v128)
            (drop (i64.extend_i32_s (i32.const -5)))
            (drop (i32.trunc_sat_f64_u (f64.const 1e300)))
            (drop (i64.const -9223372036854775808))
            (drop (i8x16.extract_lane_u 15 (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 255)))
            (drop (v128.load8_lane offset=1 3 (i32.const 0) (v128.const i64x2 1 2)))
            (drop (v128.load32_zero (i32.const 0)))
            (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
              (v128.const f32x4 1 -0 nan inf) (v128.const f64x2 0.5 -nan:0x1))))
        """
    })
    @ParameterizedTest
    void roundTripsThroughTheParser(String source) {
        assertRoundTrips(source);
    }
}
