package dev.verge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code verge} command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = VergeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, normalize(out), normalize(err));
    }

    /** Line ends as in the expected texts, whatever the platform. */
    private static String normalize(StringWriter w) {
        return w.toString().replace(System.lineSeparator(), "\n");
    }
}
