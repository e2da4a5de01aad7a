package dev.verge.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * One in-process {@code verge run}: the same command line as the jar's, with the guest's stdio
 * captured instead of the process's.
 *
 * @param out the guest's stdout followed by what the command itself printed (--invoke results)
 * @param err the guest's stderr followed by the command's messages
 */
record GuestRun(int exitCode, String out, String err) {
    /** The committed WASI test programs, from the cli module's directory. */
    static final Path GUESTS = Path.of("..", "guests", "wasi", "wasm");

    static String guest(String name) {
        return GUESTS.resolve(name + ".wasm").toString();
    }

    static GuestRun of(byte[] stdin, String... args) {
        return of(new ByteArrayInputStream(stdin), args);
    }

    /** With the guest's stdin read from {@code stdin} (which may never end: a pipe left open). */
    static GuestRun of(java.io.InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = VergeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        ByteArrayOutputStream guestOut = new ByteArrayOutputStream();
        ByteArrayOutputStream guestErr = new ByteArrayOutputStream();
        run.stdin = stdin;
        run.stdout = guestOut;
        run.stderr = guestErr;
        String[] full = new String[args.length + 1];
        full[0] = "run";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = cli.execute(full);
        return new GuestRun(code,
                guestOut.toString(StandardCharsets.UTF_8) + out.toString().replace(System.lineSeparator(), "\n"),
                guestErr.toString(StandardCharsets.UTF_8) + err.toString().replace(System.lineSeparator(), "\n"));
    }

    static GuestRun of(String... args) {
        return of(new byte[0], args);
    }
}
