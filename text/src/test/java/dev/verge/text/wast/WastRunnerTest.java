package dev.verge.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's bookkeeping and outcomes, with Verge's decoder and validator and a fake engine. */
class WastRunnerTest {
    private static final String EMPTY = "(module binary \"\\00asm\\01\\00\\00\\00\")";
    private static final String TYPE = "\"\\01\\04\\01\\60\\00\\00\"";
    private static final String IMPORTS_M_F = "(module binary \"\\00asm\\01\\00\\00\\00\" " + TYPE
            + " \"\\02\\07\\01\\01m\\01f\\00\\00\")";
    private static final String WITH_START = "(module binary \"\\00asm\\01\\00\\00\\00\" " + TYPE
            + " \"\\03\\02\\01\\00\" \"\\08\\01\\00\" \"\\0a\\04\\01\\02\\00\\0b\")";
    private static final String MISSING_RESULT = "(module binary \"\\00asm\\01\\00\\00\\00\" \"\\01\\05\\01\\60\\00\\01\\7f\""
            + " \"\\03\\02\\01\\00\" \"\\0a\\04\\01\\02\\00\\0b\")";

    private static ScriptResult run(String script) {
        WastRunner runner = new WastRunner(new StandardToolchain(text -> {
            throw new IllegalStateException("no text modules in these tests");
        }), FakeEngine::new);
        return runner.run("test.wast", script);
    }

    private static void assertAllPass(ScriptResult r, int commands) {
        assertEquals(List.of(), r.failures());
        assertEquals(commands, r.passed());
    }

    @Test
    void actionsAndAssertionsPass() {
        ScriptResult r = run(EMPTY + "\n" + """
                (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
                (assert_return (invoke "nan") (f32.const nan:arithmetic))
                (assert_return (get "g") (i32.const 666))
                (invoke "add")
                (assert_trap (invoke "trap") "integer divide by zero")
                (assert_exhaustion (invoke "deep") "call stack exhausted")
                """);
        assertAllPass(r, 7);
    }

    @Test
    void wrongResultsFailWithExpectedAndActual() {
        ScriptResult r = run(EMPTY + "\n" + """
                (assert_return (invoke "add" (i32.const 1)) (i32.const 2))
                (assert_return (invoke "nan") (f32.const nan:canonical))
                (assert_return (invoke "add") (i32.const 0) (i32.const 0))
                (assert_trap (invoke "add") "unreachable")
                (assert_trap (invoke "deep") "call stack exhausted")
                """);
        assertEquals(1, r.passed());
        assertEquals(5, r.failed());
        CommandResult first = r.failures().getFirst();
        assertEquals(2, first.line());
        assertEquals("[(i32.const 2)]", first.expected());
        assertEquals("[(i32.const 1)]", first.actual());
    }

    @Test
    void javaExceptionFailsOnlyItsCommand() {
        ScriptResult r = run(EMPTY + "(invoke \"boom\")\n(assert_return (get \"g\") (i32.const 666))");
        assertEquals(2, r.passed());
        assertEquals(1, r.failed());
        assertTrue(r.failures().getFirst().actual().contains("IllegalStateException"));
    }

    @Test
    void malformedAndInvalidModulesAreCheckedWithTheirReasons() {
        ScriptResult r = run("""
                (assert_malformed (module binary "\\00asm") "unexpected end")
                (assert_malformed (module binary "\\00asm\\02\\00\\00\\00") "unknown binary version")
                (assert_invalid %s "type mismatch")
                """.formatted(MISSING_RESULT));
        assertAllPass(r, 3);
    }

    @Test
    void wrongOutcomeOrMessageFails() {
        ScriptResult r = run("""
                (assert_malformed %s "type mismatch")
                (assert_invalid (module binary "\\00asm") "type mismatch")
                (assert_invalid %s "unknown memory")
                %s
                """.formatted(MISSING_RESULT, MISSING_RESULT, MISSING_RESULT));
        assertEquals(0, r.passed());
        assertEquals(4, r.failed());
        assertTrue(r.failures().get(3).actual().startsWith("invalid: type mismatch"), r.failures().get(3).actual());
    }

    @Test
    void registerAndNamedInstancesLinkLikeTheSpecSays() {
        ScriptResult r = run("""
                (assert_unlinkable %s "unknown import")
                (module $a binary "\\00asm\\01\\00\\00\\00")
                (register "m" $a)
                %s
                (assert_return (get $a "g") (i32.const 666))
                (assert_trap %s "unreachable")
                """.formatted(IMPORTS_M_F, IMPORTS_M_F, WITH_START));
        assertAllPass(r, 6);
    }

    @Test
    void actionsOnAMissingInstanceFailWithTheReason() {
        ScriptResult r = run("(invoke \"add\")\n" + MISSING_RESULT + "\n(invoke \"add\")\n(invoke $nope \"add\")");
        assertEquals(4, r.failed());
        assertTrue(r.failures().get(0).actual().contains("no module defined yet"));
        assertTrue(r.failures().get(2).actual().contains("did not load"), r.failures().get(2).actual());
        assertTrue(r.failures().get(3).actual().contains("unknown instance $nope"));
    }

    @Test
    void withoutAnEngineModulesAreValidatedAndActionsFail() {
        WastRunner runner = new WastRunner(new StandardToolchain(t -> new byte[0]), () -> WastEngine.NONE);
        ScriptResult r = runner.run("t.wast", EMPTY + "\n(assert_return (get \"g\") (i32.const 666))");
        assertEquals(1, r.passed());
        assertEquals(1, r.failed());
        assertTrue(r.failures().getFirst().actual().contains("engine not available"));
    }

    @Test
    void unsupportedCommandsAreFailuresNotSkips() {
        ScriptResult r = run("(script $s)\n(input \"x.wast\")");
        assertEquals(2, r.failed());
    }

    @Test
    void unreadableScriptIsOneFailure() {
        ScriptResult r = run("(module");
        assertNotNull(r.error());
        assertEquals(0, r.passed());
        assertEquals(1, r.failed());
    }
}
