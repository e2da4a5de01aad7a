package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code verge run --tcplisten} with the C echo server of guests/wasi (sockecho.c): the port the
 * system picked is read from the line verge prints on stderr, a loopback client talks to the
 * guest, and the guest reports what it saw. Also {@code proc_raise}'s exit statuses, and {@code --timeout}
 * stopping a guest that waits in {@code accept} or for stdin.
 */
class SocketProgramsTest {
    static final Pattern LISTENING = Pattern.compile("verge run: listening on 127\\.0\\.0\\.1:(\\d+) \\(fd (\\d+)\\)");

    @TempDir
    Path dir;

    @Test
    void theEchoServerAcceptsOneConnectionOnAPickedPort() throws Exception {
        PipedReader errIn = new PipedReader();
        PrintWriter err = new PrintWriter(new PipedWriter(errIn), true);
        StringWriter out = new StringWriter();
        CommandLine cli = VergeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(err);
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        ByteArrayOutputStream guestOut = new ByteArrayOutputStream();
        ByteArrayOutputStream guestErr = new ByteArrayOutputStream();
        run.stdin = new ByteArrayInputStream(new byte[0]);
        run.stdout = guestOut;
        run.stderr = guestErr;
        // A preopened directory before the socket: the socket is fd 4, and wasi-libc still finds /d.
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            int code = cli.execute("run", "--dir", dir + "::/d", "--tcplisten", "127.0.0.1:0", GuestRun.guest("sockecho"));
            err.close();
            return code;
        });
        String line = new BufferedReader(errIn).readLine();
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals("4", m.group(2));
        try (Socket client = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
            client.getOutputStream().write("hello guest\ntrailing".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            String reply = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("echo: hello guest\n", reply);
        }
        assertEquals(0, exit.get(), guestErr.toString(StandardCharsets.UTF_8));
        assertEquals("listener fd 4, peeked yes, line 'hello guest', 8 bytes after\n", guestOut.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadOrBusyAddressIsOneLine() throws IOException {
        GuestRun bad = GuestRun.of("--tcplisten", "nowhere", GuestRun.guest("sockecho"));
        assertEquals(VergeCommand.USAGE, bad.exitCode());
        assertEquals("verge run: --tcplisten: invalid address 'nowhere': expected HOST:PORT\n", bad.err());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            GuestRun busy = GuestRun.of("--tcplisten", "127.0.0.1:" + taken.getLocalPort(), GuestRun.guest("sockecho"));
            assertEquals(RunCommand.START_FAILED, busy.exitCode());
            assertTrue(busy.err().startsWith("verge run: --tcplisten: cannot listen on 127.0.0.1:"), busy.err());
            assertEquals(1, busy.err().lines().count(), busy.err());
        }
    }

    @Test
    void aTimeoutStopsAServerWaitingInAcceptAsItStopsALoop() {
        // No client ever connects: the guest waits in accept until its deadline, then exits as
        // an endless loop does under --timeout (RunCommandTest.timeoutStopsAnEndlessLoop).
        GuestRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> GuestRun.of("--timeout", "1s", "--tcplisten", "127.0.0.1:0", GuestRun.guest("sockecho")));
        assertEquals(RunCommand.TRAP, run.exitCode(), run.err());
        assertTrue(run.err().contains("trap: interrupted"), run.err());
        assertTrue(run.err().startsWith("verge run: listening on 127.0.0.1:"), run.err());
    }

    @Test
    void aTimeoutStopsAGuestWaitingForStdinThatNeverComes() throws IOException {
        // A pipe whose writer stays open and silent: echo.c waits in read(0) until its deadline.
        try (PipedOutputStream silent = new PipedOutputStream(); PipedInputStream stdin = new PipedInputStream(silent)) {
            GuestRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> GuestRun.of(stdin, "--timeout", "1s", GuestRun.guest("echo")));
            assertEquals(RunCommand.TRAP, run.exitCode(), run.err());
            assertTrue(run.err().contains("trap: interrupted"), run.err());
        }
    }

    @Test
    void withoutASocketTheServerSaysSo() {
        GuestRun run = GuestRun.of(GuestRun.guest("sockecho"));
        assertEquals(1, run.exitCode());
        assertEquals("no listening socket\n", run.err());
    }

    @Test
    void aTerminatingSignalExitsWith128PlusItsNumber() {
        GuestRun run = GuestRun.of(GuestRun.guest("raise"), "15");
        assertEquals(128 + 15, run.exitCode());
        assertEquals("", run.out());
        assertEquals("verge run: " + GuestRun.guest("raise") + ": terminated by SIGTERM (proc_raise)\n", run.err());
        assertEquals(128 + 6, GuestRun.of(GuestRun.guest("raise"), "6").exitCode());
    }

    @Test
    void ignoredAndInvalidSignalsReturnToTheGuest() {
        GuestRun ignored = GuestRun.of(GuestRun.guest("raise"), "17");
        assertEquals(0, ignored.exitCode());
        assertEquals("proc_raise(17) returned 0\n", ignored.out());
        GuestRun invalid = GuestRun.of(GuestRun.guest("raise"), "64");
        assertEquals(0, invalid.exitCode());
        assertEquals("proc_raise(64) returned 28\n", invalid.out()); // EINVAL
    }
}
