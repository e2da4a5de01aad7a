package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WastCommandTest {
    @TempDir
    Path dir;

    private String script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void oneLinePerFileThenTheTotal() throws IOException {
        String good = script("good.wast", """
                (module (func (export "one") (result i32) (i32.const 1)))
                (assert_return (invoke "one") (i32.const 1))
                """);
        String bad = script("bad.wast", """
                (module (func (export "one") (result i32) (i32.const 1)))
                (assert_return (invoke "one") (i32.const 2))
                (assert_invalid (module (func (result i32))) "type mismatch")
                """);
        CliRun run = CliRun.of("wast", good, bad);
        assertEquals(good + ": 2 passed, 0 failed\n" + bad + ": 2 passed, 1 failed\n4 passed, 1 failed\n", run.out());
        assertEquals(1, run.exitCode());
    }

    @Test
    void exitsZeroWhenNothingFailed() throws IOException {
        String good = script("good.wast", "(module)\n(assert_malformed (module quote \"(func\") \"unexpected\")\n");
        CliRun run = CliRun.of("wast", good);
        assertEquals(0, run.exitCode());
        assertEquals(good + ": 2 passed, 0 failed\n2 passed, 0 failed\n", run.out());
    }

    /** The same script passes with memories paged: the representation of memories past 2 GiB. */
    @Test
    void pagedMemoryRunsTheLargeMemoryPath() throws IOException {
        String memory = script("memory.wast", """
                (module (memory 1)
                  (func (export "store") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
                  (func (export "load") (param i32) (result i64) (i64.load (local.get 0)))
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
                (assert_return (invoke "grow" (i32.const 65535)) (i32.const 1))
                (invoke "store" (i32.const -8) (i64.const 42))
                (assert_return (invoke "load" (i32.const -8)) (i64.const 42))
                (assert_trap (invoke "load" (i32.const -7)) "out of bounds memory access")
                (assert_return (invoke "grow" (i32.const 1)) (i32.const -1))
                """);
        for (String[] args : new String[][] {{"wast", memory}, {"wast", "--paged-memory", memory}}) {
            CliRun run = CliRun.of(args);
            assertEquals(memory + ": 6 passed, 0 failed\n6 passed, 0 failed\n", run.out());
            assertEquals(0, run.exitCode());
        }
    }

    @Test
    void verboseShowsLineExpectedAndActual() throws IOException {
        String bad = script("bad.wast", "(module (func (export \"f\") (result i32) (i32.const 1)))\n\n"
                + "(assert_return (invoke \"f\") (i32.const 2))\n");
        CliRun run = CliRun.of("wast", "--verbose", bad);
        assertEquals(bad + ": 1 passed, 1 failed\n"
                + "  " + bad + ":3: assert_return: expected [(i32.const 2)], got [(i32.const 1)]\n"
                + "1 passed, 1 failed\n", run.out());
    }

    @Test
    void unreadableAndUnparsableFilesStillGetTheirLine() throws IOException {
        String missing = dir.resolve("missing.wast").toString();
        String broken = script("broken.wast", "(module");
        CliRun run = CliRun.of("wast", "--verbose", missing, broken);
        String[] lines = run.out().split("\n");
        assertEquals(missing + ": 0 passed, 1 failed", lines[0]);
        assertTrue(lines[1].contains("cannot read: no such file"), lines[1]);
        assertEquals(broken + ": 0 passed, 1 failed", lines[2]);
        assertTrue(lines[3].contains("1:1: unclosed '('"), lines[3]);
        assertEquals("0 passed, 2 failed", lines[4]);
        assertEquals(1, run.exitCode());
    }
}
