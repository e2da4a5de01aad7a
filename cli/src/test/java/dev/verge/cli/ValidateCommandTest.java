package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validModulesAreOk() {
        String empty = WasmFiles.write(dir, "empty.wasm", WasmFiles.empty()).toString();
        String answer = WasmFiles.write(dir, "answer.wasm", WasmFiles.answer()).toString();
        CliRun run = CliRun.of("validate", empty, answer);
        assertEquals(0, run.exitCode());
        assertEquals(empty + ": ok\n" + answer + ": ok\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void malformedModuleGivesTheReasonAndOffset() {
        String file = WasmFiles.write(dir, "bad.wasm", WasmFiles.badMagic()).toString();
        CliRun run = CliRun.of("validate", file);
        assertEquals(1, run.exitCode());
        assertEquals(file + ": error: magic header not detected (at offset 0x0)\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void invalidModuleGivesTheReasonAndWhere() {
        String file = WasmFiles.write(dir, "invalid.wasm", WasmFiles.missingResult()).toString();
        CliRun run = CliRun.of("validate", file);
        assertEquals(1, run.exitCode());
        assertEquals(file + ": error: type mismatch: instruction requires [i32] but stack has [] (in function 0 at offset 0x18)\n", run.out());
    }

    @Test
    void missingFileGetsItsLineAndTheOthersAreStillChecked() {
        String missing = dir.resolve("missing.wasm").toString();
        String answer = WasmFiles.write(dir, "answer.wasm", WasmFiles.answer()).toString();
        CliRun run = CliRun.of("validate", missing, answer);
        assertEquals(1, run.exitCode());
        assertEquals(missing + ": error: cannot read: no such file\n" + answer + ": ok\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void directoryCannotBeRead() {
        CliRun run = CliRun.of("validate", dir.toString());
        assertEquals(1, run.exitCode());
        assertEquals(dir + ": error: cannot read: is a directory\n", run.out());
    }

    @Test
    void fileNamesArePrintedExactlyAsGiven() {
        CliRun run = CliRun.of("validate", "./no/such/../file.wasm");
        assertEquals("./no/such/../file.wasm: error: cannot read: no such file\n", run.out());
    }

    @Test
    void noFileIsAUsageError() {
        CliRun run = CliRun.of("validate");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("""
                verge validate: Missing required parameter: 'FILE'
                Try 'verge validate --help' for more information.
                """, run.err());
    }

    @Test
    void helpDescribesTheOutputAndExitStatus() {
        CliRun run = CliRun.of("validate", "--help");
        assertEquals(0, run.exitCode());
        assertEquals("""
                Checks that WebAssembly binary modules are valid.

                Usage: verge validate [-hV] FILE...

                Decodes and validates each FILE and prints one line for it: 'FILE: ok' or
                'FILE: error: MESSAGE', where the message gives the spec's reason and the byte
                offset.

                Parameters:
                      FILE...     The .wasm files to check.

                Options:
                  -h, --help      Show this help message and exit.
                  -V, --version   Print version information and exit.

                Exit status: 0 if every module is valid, 1 otherwise (including files that
                cannot be read).
                """, run.out());
    }
}
