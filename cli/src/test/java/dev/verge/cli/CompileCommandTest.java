package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.runtime.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code verge compile} and {@code verge run} of what it wrote. */
class CompileCommandTest {
    @TempDir
    Path dir;

    private static String program(String name) {
        return Path.of("..", "guests", "wasm", name + ".wasm").toString();
    }

    /** Each benchmark guest, compiled ahead of time, prints what it prints when compiled at run time. */
    @ParameterizedTest
    @CsvSource({"fib,20", "crc32,1", "matmul,24", "quicksort,2000", "interp,200", "strings,200"})
    void aCompiledGuestRunsLikeItsWasm(String name, String arg) {
        Path out = dir.resolve(name + ".cwasm");
        CliRun compile = CliRun.of("compile", program(name), "-o", out.toString());
        assertEquals(0, compile.exitCode(), compile.err());
        assertTrue(Engine.isSerialized(read(out)));

        GuestRun fromWasm = GuestRun.of("--no-cache", program(name), arg);
        GuestRun fromCwasm = GuestRun.of(out.toString(), arg);
        assertEquals(0, fromWasm.exitCode(), fromWasm.err());
        assertEquals(0, fromCwasm.exitCode(), fromCwasm.err());
        assertTrue(fromWasm.out().contains("checksum="), fromWasm.out());
        assertEquals(fromWasm.out(), fromCwasm.out());
    }

    @Test
    void theDefaultOutputReplacesTheExtension() throws IOException {
        Path wasm = dir.resolve("fib.wasm");
        Files.copy(Path.of(program("fib")), wasm);
        assertEquals(0, CliRun.of("compile", wasm.toString()).exitCode());
        assertTrue(Files.exists(dir.resolve("fib.cwasm")));
        assertEquals("a/b.c/fib.cwasm", CompileCommand.defaultOutput("a/b.c/fib"));
        assertEquals("x.cwasm", CompileCommand.defaultOutput("x.wat"));
        assertEquals(".hidden.cwasm", CompileCommand.defaultOutput(".hidden"));
    }

    @Test
    void aTextModuleCompilesToo() throws IOException {
        Path wat = dir.resolve("add.wat");
        Files.writeString(wat, "(module (func (export \"add\") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))");
        assertEquals(0, CliRun.of("compile", wat.toString()).exitCode());
        GuestRun run = GuestRun.of("--invoke", "add", dir.resolve("add.cwasm").toString(), "2", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("5\n", run.out());
    }

    @Test
    void fuelMustBeCompiledInForRunFuel() {
        Path plain = dir.resolve("plain.cwasm");
        Path fueled = dir.resolve("fueled.cwasm");
        assertEquals(0, CliRun.of("compile", program("fib"), "-o", plain.toString()).exitCode());
        assertEquals(0, CliRun.of("compile", "--fuel", program("fib"), "-o", fueled.toString()).exitCode());

        GuestRun refused = GuestRun.of("--fuel", "1000", plain.toString(), "20");
        assertEquals(RunCommand.START_FAILED, refused.exitCode());
        assertTrue(refused.err().contains("compiled with engine options {fuel=false"), refused.err());

        GuestRun outOfFuel = GuestRun.of("--fuel", "1000", fueled.toString(), "20");
        assertEquals(RunCommand.TRAP, outOfFuel.exitCode());
        assertTrue(outOfFuel.err().contains("fuel"), outOfFuel.err());
    }

    @Test
    void aDamagedCwasmIsRefusedWithAMessage() throws IOException {
        Path out = dir.resolve("fib.cwasm");
        assertEquals(0, CliRun.of("compile", program("fib"), "-o", out.toString()).exitCode());
        byte[] bytes = read(out);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(out, bytes);
        GuestRun run = GuestRun.of(out.toString(), "5");
        assertEquals(RunCommand.START_FAILED, run.exitCode());
        assertTrue(run.err().contains("cannot load compiled module: corrupt: checksum mismatch"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void badInputAndOutputAreReported() throws IOException {
        Path invalid = dir.resolve("bad.wasm");
        Files.write(invalid, WasmFiles.module(WasmFiles.section(1, 1)));
        CliRun malformed = CliRun.of("compile", invalid.toString());
        assertEquals(1, malformed.exitCode());
        assertTrue(malformed.err().contains("bad.wasm"), malformed.err());

        Path out = dir.resolve("fib.cwasm");
        assertEquals(0, CliRun.of("compile", program("fib"), "-o", out.toString()).exitCode());
        CliRun again = CliRun.of("compile", out.toString());
        assertEquals(VergeCommand.USAGE, again.exitCode());
        assertTrue(again.err().contains("already a compiled module"), again.err());

        CliRun unwritable = CliRun.of("compile", program("fib"), "-o", dir.resolve("no/such/dir/x.cwasm").toString());
        assertEquals(VergeCommand.USAGE, unwritable.exitCode());
        assertTrue(unwritable.err().contains("cannot write"), unwritable.err());
        assertEquals(VergeCommand.USAGE, CliRun.of("compile", dir.resolve("missing.wasm").toString()).exitCode());
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
