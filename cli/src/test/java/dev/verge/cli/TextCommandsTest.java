package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wat2wasm, wasm2wat, and .wat accepted by validate and inspect. */
class TextCommandsTest {
    private static final String ANSWER = "(module (func (export \"answer\") (result i32) (i32.const 42)))\n";

    @TempDir
    Path dir;

    @Test
    void wat2wasmWritesTheBinary() throws IOException {
        Path in = Files.writeString(dir.resolve("answer.wat"), ANSWER);
        Path out = dir.resolve("answer.wasm");
        CliRun run = CliRun.of("wat2wasm", in.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        byte[] wasm = Files.readAllBytes(out);
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, java.util.Arrays.copyOf(wasm, 8));
        assertEquals("", run.out());
    }

    @Test
    void wat2wasmReportsFileLineColumnAndCaret() throws IOException {
        Path in = Files.writeString(dir.resolve("bad.wat"), "(module\n  (func i32.frob))\n");
        CliRun run = CliRun.of("wat2wasm", in.toString(), "-o", dir.resolve("bad.wasm").toString());
        assertEquals(1, run.exitCode());
        String[] lines = run.err().split("\n");
        assertTrue(lines[0].startsWith(in + ":2:9: unknown operator"), lines[0]);
        assertEquals("    (func i32.frob))", lines[1]);
        assertEquals("          ^", lines[2]);
        assertTrue(Files.notExists(dir.resolve("bad.wasm")));
    }

    @Test
    void wasm2watPrintsToStandardOutputOrAFile() throws IOException {
        Path wat = Files.writeString(dir.resolve("answer.wat"), ANSWER);
        Path wasm = dir.resolve("answer.wasm");
        assertEquals(0, CliRun.of("wat2wasm", wat.toString(), "-o", wasm.toString()).exitCode());
        String expected = """
                (module
                  (type (;0;) (func (result i32)))
                  (func (;0;) (type 0) (result i32)
                    i32.const 42)
                  (export "answer" (func 0)))
                """;
        CliRun run = CliRun.of("wasm2wat", wasm.toString());
        assertEquals(0, run.exitCode());
        assertEquals(expected, run.out());
        Path out = dir.resolve("printed.wat");
        assertEquals(0, CliRun.of("wasm2wat", wasm.toString(), "-o", out.toString()).exitCode());
        assertEquals(expected, Files.readString(out));
    }

    @Test
    void wasm2watRejectsMalformedBinaries() throws IOException {
        Path bad = Files.write(dir.resolve("bad.wasm"), new byte[] {0, 'a', 's', 'm'});
        CliRun run = CliRun.of("wasm2wat", bad.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("unexpected end"), run.err());
    }

    @Test
    void validateAndInspectAcceptText() throws IOException {
        Path wat = Files.writeString(dir.resolve("answer.wat"), ANSWER);
        // Text is recognised by content too, whatever the file is called.
        Path txt = Files.writeString(dir.resolve("answer.module"), ";; a comment first\n" + ANSWER);
        Path invalid = Files.writeString(dir.resolve("invalid.wat"), "(module (func (result i32)))");
        CliRun run = CliRun.of("validate", wat.toString(), txt.toString(), invalid.toString());
        assertTrue(run.out().startsWith(wat + ": ok\n" + txt + ": ok\n" + invalid + ": error: type mismatch"), run.out());
        assertEquals(1, run.exitCode());
        CliRun inspect = CliRun.of("inspect", wat.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("answer"), inspect.out());
    }

    @Test
    void textIsToldFromBinaryByExtensionOrMagic() {
        assertTrue(ModuleLoader.isText("m.wat", new byte[] {0, 'a', 's', 'm'}));
        assertEquals(false, ModuleLoader.isText("m.wasm", "(module)".getBytes()));
        assertEquals(false, ModuleLoader.isText("m", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}));
        assertTrue(ModuleLoader.isText("m", "  \n(module)".getBytes()));
        assertEquals(false, ModuleLoader.isText("m", "hello".getBytes()));
    }
}
