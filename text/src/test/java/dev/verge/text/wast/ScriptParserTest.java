package dev.verge.text.wast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    private static Command only(String script) {
        List<Command> commands = ScriptParser.parse(script);
        assertEquals(1, commands.size(), commands::toString);
        return commands.getFirst();
    }

    @Test
    void textModuleKeepsItsSourceAndName() {
        String src = "(module $m (func (export \"f\")))";
        var c = assertInstanceOf(Command.ModuleCommand.class, only(";; comment\n" + src));
        var text = assertInstanceOf(WastModule.Text.class, c.module());
        assertEquals(src, text.source());
        assertEquals("$m", text.name());
        assertEquals(2, c.line());
    }

    @Test
    void binaryModuleConcatenatesItsStringsWithEscapes() {
        var c = assertInstanceOf(Command.ModuleCommand.class, only("(module binary \"\\00asm\" \"\\01\\00\\00\\00\")"));
        var bin = assertInstanceOf(WastModule.Binary.class, c.module());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, bin.bytes());
    }

    @Test
    void quotedModuleIsTextToParseLater() {
        var c = assertInstanceOf(Command.AssertMalformed.class,
                only("(assert_malformed (module quote \"(func\" \" (nop))\") \"unexpected token\")"));
        assertEquals("(func (nop))", new String(assertInstanceOf(WastModule.Quote.class, c.module()).text(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("unexpected token", c.message());
    }

    @Test
    void moduleDefinitionAndInstance() {
        List<Command> commands = ScriptParser.parse("(module definition $M (func))\n(module instance $I $M)");
        var def = assertInstanceOf(Command.ModuleCommand.class, commands.get(0));
        assertTrue(def.definitionOnly());
        assertEquals("(module $M (func))", assertInstanceOf(WastModule.Text.class, def.module()).source());
        var inst = assertInstanceOf(Command.ModuleInstance.class, commands.get(1));
        assertEquals("$I", inst.instance());
        assertEquals("$M", inst.module());
    }

    @Test
    void registerWithAndWithoutInstanceName() {
        var a = assertInstanceOf(Command.Register.class, only("(register \"M\" $m)"));
        assertEquals("M", a.as());
        assertEquals("$m", a.instance());
        assertNull(assertInstanceOf(Command.Register.class, only("(register \"M\")")).instance());
    }

    @Test
    void invokeWithEveryKindOfArgument() {
        var c = assertInstanceOf(Command.ActionCommand.class, only(
                "(invoke $m \"f\" (i32.const -1) (i64.const 0xffff_ffff_ffff_ffff) (f32.const -0x1p-1)"
                        + " (f64.const nan:0x4) (v128.const i16x8 1 2 3 4 5 6 7 -1) (ref.null extern) (ref.extern 7))"));
        var inv = assertInstanceOf(Action.Invoke.class, c.action());
        assertEquals("$m", inv.instance());
        assertEquals("f", inv.export());
        assertEquals(List.of(
                new WastValue.I32(-1),
                new WastValue.I64(-1),
                new WastValue.F32(0xBF00_0000),
                new WastValue.F64(0x7FF0_0000_0000_0004L),
                new WastValue.V128(0x0004_0003_0002_0001L, 0xFFFF_0007_0006_0005L),
                new WastValue.RefNull("extern"),
                new WastValue.RefExtern(7)), inv.args());
    }

    @Test
    void getAction() {
        var c = assertInstanceOf(Command.AssertReturn.class, only("(assert_return (get \"g\") (i32.const 666))"));
        assertEquals(new Action.Get(null, "g"), c.action());
        assertEquals(List.of(new ResultPattern.Exact(new WastValue.I32(666))), c.expected());
    }

    @Test
    void resultPatterns() {
        var c = assertInstanceOf(Command.AssertReturn.class, only("(assert_return (invoke \"f\")"
                + " (f32.const nan:canonical) (f64.const nan:arithmetic) (ref.null) (ref.func) (ref.extern)"
                + " (ref.extern 3) (ref) (ref.struct) (v128.const f32x4 nan:canonical 1.0 -0 nan:arithmetic)"
                + " (either (i32.const 1) (i32.const 2)))"));
        List<ResultPattern> p = c.expected();
        assertEquals(new ResultPattern.Nan(32, true), p.get(0));
        assertEquals(new ResultPattern.Nan(64, false), p.get(1));
        assertEquals(new ResultPattern.RefKind("null"), p.get(2));
        assertEquals(new ResultPattern.RefKind("func"), p.get(3));
        assertEquals(new ResultPattern.RefKind("extern"), p.get(4));
        assertEquals(new ResultPattern.Exact(new WastValue.RefExtern(3)), p.get(5));
        assertEquals(new ResultPattern.RefKind(""), p.get(6));
        assertEquals(new ResultPattern.RefKind("struct"), p.get(7));
        assertEquals(new ResultPattern.Lanes("f32x4", List.of(
                new ResultPattern.Nan(32, true),
                new ResultPattern.Exact(new WastValue.F32(0x3F80_0000)),
                new ResultPattern.Exact(new WastValue.F32(0x8000_0000)),
                new ResultPattern.Nan(32, false))), p.get(8));
        assertInstanceOf(ResultPattern.Either.class, p.get(9));
    }

    @Test
    void everyAssertionKind() {
        List<Command> commands = ScriptParser.parse("""
                (assert_trap (invoke "f") "unreachable")
                (assert_trap (module (func $f unreachable) (start $f)) "unreachable")
                (assert_exhaustion (invoke "f") "call stack exhausted")
                (assert_exception (invoke "f"))
                (assert_invalid (module (func (result i32))) "type mismatch")
                (assert_unlinkable (module (import "m" "f" (func))) "unknown import")
                (assert_uninstantiable (module binary "") "out of bounds")
                """);
        assertEquals(List.of("assert_trap", "assert_trap", "assert_exhaustion", "assert_exception",
                "assert_invalid", "assert_unlinkable", "assert_trap"), commands.stream().map(Command::kind).toList());
        assertInstanceOf(Command.AssertModuleTrap.class, commands.get(1));
        assertEquals(3, commands.get(2).line());
    }

    @Test
    void metaAndUnknownCommandsAreReadAsUnsupported() {
        var u = assertInstanceOf(Command.Unsupported.class, only("(script $s (module))"));
        assertTrue(u.reason().contains("not supported"), u.reason());
        assertInstanceOf(Command.Unsupported.class, only("(frobnicate)"));
        var bad = assertInstanceOf(Command.Unsupported.class, only("(assert_return (invoke \"f\") (i32.const 0x1_0000_0000))"));
        assertTrue(bad.reason().contains("out of range"), bad.reason());
    }

    @Test
    void bareModuleFieldsFormOneInlineModule() {
        var c = assertInstanceOf(Command.ModuleCommand.class, only("(func) (memory 0) (func (export \"f\"))"));
        assertEquals("(module (func) (memory 0) (func (export \"f\")))",
                assertInstanceOf(WastModule.Text.class, c.module()).source());
    }

    @Test
    void annotationsAndBlockCommentsAreSkipped() {
        var c = assertInstanceOf(Command.ModuleCommand.class, only("(; a (; nested ;) ;)((@a x) module (@b) $m)"));
        assertEquals("$m", c.module().name());
    }

    @Test
    void quotedIdentifiersNameInstances() {
        var c = assertInstanceOf(Command.ActionCommand.class, only("(invoke $\"my mod\" \"f\")"));
        assertEquals("$my mod", c.action().instance());
        assertEquals("f", c.action().export());
    }

    @Test
    void lineCommentsEndAtAnyNewline() {
        assertEquals(3, ScriptParser.parse("(module) ;; lf\n(module) ;; cr\r(module) ;; crlf\r\n").size());
    }

    @Test
    void unbalancedScriptIsASyntaxErrorWithItsPosition() {
        var e = assertThrows(ScriptSyntaxException.class, () -> ScriptParser.parse("\n  (module"));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertThrows(ScriptSyntaxException.class, () -> ScriptParser.parse("(module \"unclosed)"));
        assertThrows(ScriptSyntaxException.class, () -> ScriptParser.parse(")"));
    }
}
