package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verge run} on small text-format modules: exit statuses, traps, start-up errors, --invoke. */
class RunCommandTest {
    @TempDir
    Path dir;

    private String wat(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static final String HELLO = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hello\\n")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 6))
                (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (call $exit (i32.const 7))))
            """;

    @Test
    void exitStatusIsTheProcExitCode() throws IOException {
        GuestRun run = GuestRun.of(wat("hello.wat", HELLO));
        assertEquals(7, run.exitCode());
        assertEquals("hello\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void returningFromStartIsStatusZero() throws IOException {
        GuestRun run = GuestRun.of(wat("empty.wat", "(module (func (export \"_start\")))"));
        assertEquals(0, run.exitCode());
    }

    @Test
    void aTrapPrintsItsMessageAndBacktraceAndExits134() throws IOException {
        String file = wat("trap.wat", """
                (module
                  (func $inner unreachable)
                  (func $outer call $inner)
                  (func (export "_start") call $outer))
                """);
        GuestRun run = GuestRun.of(file);
        assertEquals(RunCommand.TRAP, run.exitCode());
        assertTrue(run.err().startsWith("verge run: " + file + ": trap: unreachable\nwasm backtrace:\n  0: inner\n  1: outer\n"), run.err());
    }

    @Test
    void aMissingFileIsOneLine() {
        GuestRun run = GuestRun.of(dir.resolve("nope.wasm").toString());
        assertEquals(VergeCommand.USAGE, run.exitCode());
        assertEquals("verge run: cannot read " + dir.resolve("nope.wasm") + ": no such file\n", run.err());
    }

    @Test
    void anInvalidModuleIsOneLine() throws IOException {
        String file = wat("bad.wat", "(module (func (result i32)))");
        GuestRun run = GuestRun.of(file);
        assertEquals(RunCommand.START_FAILED, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("verge run: " + file + ": type mismatch"), run.err());
    }

    @Test
    void aMissingImportIsOneLine() throws IOException {
        String file = wat("imp.wat", "(module (import \"env\" \"nothing\" (func)) (func (export \"_start\")))");
        GuestRun run = GuestRun.of(file);
        assertEquals(RunCommand.START_FAILED, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("env") && run.err().contains("nothing"), run.err());
    }

    @Test
    void invokePrintsTheResults() throws IOException {
        String file = wat("add.wat", "(module (func (export \"add\") (param i32 i64) (result i32 i64) local.get 0 local.get 1))");
        GuestRun run = GuestRun.of("--invoke", "add", file, "-5", "0x10");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("-5\n16\n", run.out());
    }

    @Test
    void fuelStopsAnEndlessLoop() throws IOException {
        String file = wat("loop.wat", "(module (func (export \"_start\") (loop br 0)))");
        GuestRun run = GuestRun.of("--fuel", "1000", file);
        assertEquals(RunCommand.TRAP, run.exitCode());
        assertTrue(run.err().contains("trap: all fuel consumed"), run.err());
    }

    @Test
    void timeoutStopsAnEndlessLoop() throws IOException {
        String file = wat("loop.wat", "(module (func (export \"_start\") (loop br 0)))");
        GuestRun run = GuestRun.of("--timeout", "100ms", file);
        assertEquals(RunCommand.TRAP, run.exitCode());
        assertTrue(run.err().contains("trap: interrupted"), run.err());
    }

    @Test
    void maxMemoryRefusesALargerMemory() throws IOException {
        String file = wat("mem.wat", "(module (memory 20) (func (export \"_start\")))");
        GuestRun run = GuestRun.of("--max-memory", "1M", file);
        assertEquals(RunCommand.START_FAILED, run.exitCode());
        assertTrue(run.err().contains("exceeds the limit"), run.err());
    }

    @Test
    void maxMemoryAcceptsTheFull4GiB() throws IOException {
        String file = wat("big.wat", """
                (module (memory 65536) (func (export "_start")
                  (i32.store (i32.const -4) (i32.const 1))
                  (if (i32.ne (memory.size) (i32.const 65536)) (then unreachable))))
                """);
        assertEquals(0, GuestRun.of("--max-memory", "4G", file).exitCode());
        assertEquals(RunCommand.START_FAILED, GuestRun.of("--max-memory", "3G", file).exitCode());
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        String file = wat("empty.wat", "(module (func (export \"_start\")))");
        assertEquals(VergeCommand.USAGE, GuestRun.of("--timeout", "soon", file).exitCode());
        assertEquals(VergeCommand.USAGE, GuestRun.of("--dir", dir.resolve("missing").toString(), file).exitCode());
        assertEquals(VergeCommand.USAGE, GuestRun.of("--env", "=x", file).exitCode());
    }

    @Test
    void dirOptionForms() {
        assertEquals(new RunOptions.Dir("a", "a", false), RunOptions.Dir.parse("a", false));
        assertEquals(new RunOptions.Dir("a", "/b", false), RunOptions.Dir.parse("a::/b", false));
        assertEquals(new RunOptions.Dir("a", "/b", true), RunOptions.Dir.parse("a::/b::ro", false));
        assertEquals(new RunOptions.Dir("a", "/b", true), RunOptions.Dir.parse("a::/b", true));
    }

    @Test
    void dirValuesSplitAsStringSplitWould() {
        for (String v : new String[] {"", "a", "::", ":::", "::::", "a::", "::a", "a:b::c", "a:::b", "a::::b", "a::b::c::d", "/x/y::/z::ro"}) {
            assertEquals(java.util.List.of(v.split("::", -1)), java.util.List.of(RunOptions.Dir.parts(v)), v);
        }
    }

    private static final String DEPTH = """
            (module
              (func $d (export "d") (param i32) (result i32)
                local.get 0
                i32.eqz
                if (result i32) i32.const 0
                else local.get 0 i32.const 1 i32.sub call $d i32.const 1 i32.add end))
            """;

    @Test
    void guestRecursesFarDeeperThanTheJvmMainThreadAllows() throws IOException {
        // On the main thread's 1 MiB stack this ends in "call stack exhausted" after about 9,000
        // calls while the code is interpreted; the guest thread's stack holds them.
        GuestRun run = GuestRun.of("--invoke", "d", wat("depth.wat", DEPTH), "100000");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("100000\n", run.out());
    }

    @Test
    void runawayRecursionStillEndsInTheStackTrap() throws IOException {
        String file = wat("runaway.wat", DEPTH);
        GuestRun run = GuestRun.of("--invoke", "d", file, "2000000000");
        assertEquals(RunCommand.TRAP, run.exitCode());
        assertTrue(run.err().startsWith("verge run: " + file + ": trap: call stack exhausted"), run.err());
    }
}
