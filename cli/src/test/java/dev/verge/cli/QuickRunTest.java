package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The picocli-less {@code verge run}: it reads what picocli reads, and leaves the rest to picocli. */
class QuickRunTest {
    @TempDir
    Path dir;

    /** What a run command was set to, for comparing two parses. */
    private static List<Object> fields(RunCommand r) {
        return Arrays.asList(r.dirs, r.readOnlyDirs, r.env, r.invoke, r.fuel, r.timeout, r.maxMemory, r.cache, r.module, r.args);
    }

    private static RunCommand picocli(String... args) {
        CommandLine cli = VergeCommand.commandLine();
        cli.parseArgs(args);
        return cli.getSubcommands().get("run").getCommand();
    }

    @Test
    void readsWhatPicocliReads() {
        List<String[]> lines = List.of(
                new String[] {"run", "m.wasm"},
                new String[] {"run", "m.wasm", "a", "--dir", "-x", "--", "y"},
                new String[] {"run", "--dir", "a::/b", "--dir=c", "--dir-ro", "d", "--env", "X=1", "--env=Y", "m.wasm", "1"},
                new String[] {"run", "--invoke", "add", "--fuel", "1000", "--timeout=5s", "--max-memory", "64M", "m.wat", "1", "2"},
                new String[] {"run", "--fuel=0", "m.wasm"},
                new String[] {"run", "--no-cache", "--dir", "a", "m.wasm", "--cache"},
                new String[] {"run", "--env", "X=1", "--cache", "m.wasm"});
        for (String[] line : lines) {
            RunCommand quick = QuickRun.parse(line);
            assertNotNull(quick, String.join(" ", line));
            assertEquals(fields(picocli(line)), fields(quick), String.join(" ", line));
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<String[]> lines = List.of(
                new String[] {"run"},
                new String[] {"validate", "m.wasm"},
                new String[] {"run", "--help"},
                new String[] {"run", "-h", "m.wasm"},
                new String[] {"run", "--version"},
                new String[] {"run", "--unknown", "x", "m.wasm"},
                new String[] {"run", "--dir"},
                new String[] {"run", "--dir", "a"},
                new String[] {"run", "--env", "--dir", "a", "m.wasm"},
                new String[] {"run", "--invoke", "f", "--invoke", "g", "m.wasm"},
                new String[] {"run", "--cache", "--no-cache", "m.wasm"},
                new String[] {"run", "--cache=false", "m.wasm"},
                new String[] {"run", "--fuel", "-1", "m.wasm"},
                new String[] {"run", "--fuel", "0x10", "m.wasm"},
                new String[] {"run", "--fuel", "99999999999999999999", "m.wasm"},
                new String[] {"run", "--", "m.wasm"},
                new String[] {"run", "@options.txt"},
                new String[] {"run", "m.wasm", "@args.txt"});
        for (String[] line : lines) {
            assertNull(QuickRun.parse(line), String.join(" ", line));
        }
    }

    /** The same run through the fast path, with the guest's and the command's output captured. */
    private static GuestRun quick(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "run";
        System.arraycopy(args, 0, full, 1, args.length);
        RunCommand run = QuickRun.parse(full);
        assertNotNull(run, String.join(" ", full));
        ByteArrayOutputStream guestOut = new ByteArrayOutputStream();
        ByteArrayOutputStream guestErr = new ByteArrayOutputStream();
        run.stdin = new ByteArrayInputStream(new byte[0]);
        run.stdout = guestOut;
        run.stderr = guestErr;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuickRun.execute(run, new PrintWriter(out, true), new PrintWriter(err, true));
        return new GuestRun(code,
                guestOut.toString(StandardCharsets.UTF_8) + out.toString().replace(System.lineSeparator(), "\n"),
                guestErr.toString(StandardCharsets.UTF_8) + err.toString().replace(System.lineSeparator(), "\n"));
    }

    private String wat(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void runsAndFailsAsThePicocliPathDoes() throws IOException {
        String trap = wat("trap.wat", """
                (module
                  (func $inner unreachable)
                  (func (export "_start") call $inner)
                  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                """);
        String loop = wat("loop.wat", "(module (func (export \"_start\") (loop (br 0))))");
        List<String[]> cases = List.of(
                new String[] {trap},
                new String[] {"--invoke", "add", trap, "2", "3"},
                new String[] {"--invoke", "add", trap, "2"},
                new String[] {"--invoke", "nothing", trap},
                new String[] {"--fuel", "1000", loop},
                new String[] {"--timeout", "soon", loop},
                new String[] {"--dir", dir.resolve("missing").toString(), trap},
                new String[] {"--env", "=x", trap},
                new String[] {dir.resolve("missing.wasm").toString()},
                new String[] {wat("bad.wat", "(module (func (result i32)))")});
        for (String[] args : cases) {
            assertEquals(GuestRun.of(args), quick(args), String.join(" ", args));
        }
    }
}
