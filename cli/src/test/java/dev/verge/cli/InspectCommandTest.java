package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    @Test
    void emptyModuleHasNothingInAnyBlock() {
        String file = WasmFiles.write(dir, "empty.wasm", WasmFiles.empty()).toString();
        CliRun run = CliRun.of("inspect", file);
        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
        assertEquals(file + """
                : 8 bytes

                Sections: none

                Types: none

                Imports: none

                Exports: none

                Functions: 0 (0 imported, 0 defined), code 0 bytes

                Tables: none

                Memories: none

                Globals: none

                Start: none

                Element segments: none

                Data segments: none

                Custom sections: none

                Names: none
                """, run.out());
    }

    /** {@code sample.wasm} is {@code sample.wat} compiled by wabt; it has one of everything. */
    @Test
    void sampleModuleShowsEveryKindOfContent() {
        String file = WasmFiles.write(dir, "sample.wasm", WasmFiles.resource("sample.wasm")).toString();
        CliRun run = CliRun.of("inspect", file);
        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
        assertEquals(file + SAMPLE_REPORT, run.out());
    }

    private static final String SAMPLE_REPORT = """
            : 226 bytes
            """;

    @Test
    void malformedModuleIsOneLineOnStderr() {
        String file = WasmFiles.write(dir, "bad.wasm", WasmFiles.badMagic()).toString();
        CliRun run = CliRun.of("inspect", file);
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("verge inspect: " + file + ": error: magic header not detected (at offset 0x0)\n", run.err());
    }

    @Test
    void missingFileIsOneLineOnStderrAndExitTwo() {
        CliRun run = CliRun.of("inspect", "no-such.wasm");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("verge inspect: no-such.wasm: cannot read: no such file\n", run.err());
    }

    @Test
    void exactlyOneFileIsTaken() {
        CliRun run = CliRun.of("inspect", "a.wasm", "b.wasm");
        assertEquals(2, run.exitCode());
        assertEquals("""
                verge inspect: Unmatched argument at index 2: 'b.wasm'
                Try 'verge inspect --help' for more information.
                """, run.err());
    }

    @Test
    void helpDescribesTheReportAndExitStatus() {
        CliRun run = CliRun.of("inspect", "--help");
        assertEquals(0, run.exitCode());
        assertEquals("""
                Shows what a WebAssembly binary module contains.

                Usage: verge inspect [-hV] FILE

                Lists the sections with their offsets and sizes, then the types, imports,
                exports, functions with their code sizes, tables, memories, globals, segments,
                custom sections and names. Decodes but does not validate.

                Parameters:
                      FILE        The .wasm file to inspect.

                Options:
                  -h, --help      Show this help message and exit.
                  -V, --version   Print version information and exit.

                Exit status: 0 if the module could be decoded, 1 if it is malformed, 2 if it
                cannot be read.
                """, run.out());
    }
}
