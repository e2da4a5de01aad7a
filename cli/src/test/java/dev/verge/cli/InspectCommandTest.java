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

            Sections (11):
              id  name           start     size
               1  type           0x00000a    14
               2  import         0x00001a    25
               3  function       0x000035     3
               4  table          0x00003a     4
               6  global         0x000040    11
               7  export         0x00004d    15
               8  start          0x00005e     1
               9  element        0x000061     8
              10  code           0x00006b    18
              11  data           0x00007f    21
               0  custom "name"  0x000096    76

            Types (3):
              0  [i32 i32] -> [i32]
              1  [i32] -> []
              2  [] -> []

            Imports (2):
              func    0  env.log     type 1 [i32] -> []
              memory  0  env.memory  min 1 pages

            Exports (2):
              add    func   1
              table  table  0

            Functions: 3 (1 imported, 2 defined), code 11 bytes
              index  type  signature           locals    code  name
                  0     1  [i32] -> []              -  import  log
                  1     0  [i32 i32] -> [i32]       1       6  add
                  2     2  [] -> []                 0       5  main

            Tables (1):
              0  funcref min 2

            Memories (1):
              0  min 1 pages  imported env.memory

            Globals (2):
              0  mut i32  = i32.const 7
              1  i64      = i64.const -1

            Start: function 2 (main)

            Element segments (1):
              0  funcref  2 items  active table 0 at i32.const 0

            Data segments (2):
              0  5 bytes  active memory 0 at i32.const 1024
              1  7 bytes  passive
              total 12 bytes

            Custom sections (1):
              name  71 bytes

            Names: module "sample", 3 function names, local names in 3 functions
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
