package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own C programs (guests/wasi, built with wasi-libc) run through {@code verge run}:
 * files, directories, arguments, environment, clocks and stdin, with their output and exit status.
 */
class WasiProgramsTest {
    @TempDir
    Path dir;

    @Test
    void filesAreWrittenAppendedReadRenamedAndRemoved() throws IOException {
        GuestRun run = GuestRun.of("--dir", dir + "::/work", GuestRun.guest("files"), "/work");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("size 23\nread: first line\nread: second line\noutside: Capabilities insufficient\ndone\n", run.out());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void directoriesAreMadeListedAndRemoved() {
        GuestRun run = GuestRun.of("--dir", dir + "::/work", GuestRun.guest("dirs"), "/work");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("file alpha\ndir  mid\nfile zeta\nrmdir non-empty parent: refused\n", run.out());
    }

    @Test
    void aReadOnlyDirectoryCannotBeWritten() {
        GuestRun run = GuestRun.of("--dir", dir + "::/work::ro", GuestRun.guest("files"), "/work");
        assertEquals(1, run.exitCode());
        assertEquals("create /work/note.txt: Read-only file system\n", run.err());
        assertFalse(Files.exists(dir.resolve("note.txt")));
    }

    @Test
    void argumentsAndEnvironmentArePassed() {
        GuestRun run = GuestRun.of("--env", "A=1", "--env", "B=two words", GuestRun.guest("argsenv"), "x", "--not-an-option");
        assertEquals(3, run.exitCode());
        assertEquals("arg 0: " + GuestRun.guest("argsenv") + "\narg 1: x\narg 2: --not-an-option\nenv: A=1\nenv: B=two words\n", run.out());
    }

    @Test
    void clocksWork() {
        GuestRun run = GuestRun.of(GuestRun.guest("clocks"));
        assertEquals(0, run.exitCode(), run.out());
        assertEquals("clocks ok\n", run.out());
    }

    @Test
    void stdinIsEchoed() {
        byte[] input = "line one\nline two\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        GuestRun run = GuestRun.of(input, GuestRun.guest("echo"));
        assertEquals(0, run.exitCode());
        assertEquals(new String(input, StandardCharsets.UTF_8), run.out());
        assertEquals(input.length + " bytes\n", run.err());
    }

    @Test
    void theBenchmarkProgramWritesReadsAndChecksums() throws IOException {
        GuestRun run = GuestRun.of("--dir", dir + "::/d", GuestRun.guest("bigio"), "/d/data", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1 << 20, run.out().length());
        assertEquals("read 1048576 bytes, checksum 8505150716809186240\n", run.err());
        assertEquals(1 << 20, Files.size(dir.resolve("data")));
    }
}
