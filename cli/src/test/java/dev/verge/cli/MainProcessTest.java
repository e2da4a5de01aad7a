package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Main} in a process of its own, as the launcher runs it: a {@code verge run} on the quick
 * path halts the JVM instead of exiting it, and must still deliver every byte the guest wrote and
 * the guest's exit status; other commands exit as usual.
 */
class MainProcessTest {
    @TempDir
    Path dir;

    private record Result(int status, byte[] out, String err) {}

    private Result main(byte[] stdin, String... args) throws IOException, InterruptedException {
        return main(List.of(), stdin, args);
    }

    private Result main(List<String> jvmOptions, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path in = Files.write(dir.resolve("in"), stdin);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("VERGE_CACHE", "off");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "verge finished");
        return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
    }

    @Test
    void aQuickRunDeliversAllOutputAndTheGuestsStatus() throws Exception {
        byte[] input = new byte[300_000];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) ('a' + i % 26);
        }
        Result echo = main(input, "run", GuestRun.guest("echo"));
        assertEquals(0, echo.status(), echo.err());
        assertArrayEquals(input, echo.out());
        assertEquals("300000 bytes\n", echo.err());

        Result args = main(new byte[0], "run", GuestRun.guest("argsenv"), "x", "y");
        assertEquals(3, args.status(), "argsenv exits with argc");
        assertTrue(new String(args.out()).contains("arg 2: y"), new String(args.out()));
    }

    @Test
    void theRunRecordedForTheAotCacheAlsoLoadsItsModuleBackAndBehavesTheSame() throws Exception {
        Path recordedClasses = dir.resolve("recorded.log");
        Path plainClasses = dir.resolve("plain.log");
        Result recorded = main(List.of("-Dverge.aot.recording=true", "-Xlog:class+load=info:file=" + recordedClasses), new byte[0],
                "run", GuestRun.guest("argsenv"), "x", "y");
        Result plain = main(List.of("-Xlog:class+load=info:file=" + plainClasses), new byte[0], "run", GuestRun.guest("argsenv"), "x", "y");
        assertEquals(3, recorded.status(), recorded.err());
        assertArrayEquals(plain.out(), recorded.out());
        assertEquals(plain.err(), recorded.err());
        // The compilation cache is off (VERGE_CACHE=off): only the training reads a serialized module.
        String readBack = "dev.verge.core.runtime.ModuleArtifact$Parts ";
        assertTrue(Files.readString(recordedClasses).contains(readBack), "the serialized form was read back");
        assertFalse(Files.readString(plainClasses).contains(readBack), "a plain run compiles only");
    }

    @Test
    void failuresOnTheQuickPathStillReportAndExitNonZero() throws Exception {
        Result missing = main(new byte[0], "run", dir.resolve("missing.wasm").toString());
        assertEquals(VergeCommand.USAGE, missing.status());
        assertTrue(missing.err().startsWith("verge run: cannot read "), missing.err());
    }

    @Test
    void otherCommandsExitAsBefore() throws Exception {
        Result version = main(new byte[0], "--version");
        assertEquals(0, version.status(), version.err());
        assertTrue(new String(version.out()).startsWith("verge "), new String(version.out()));
    }
}
