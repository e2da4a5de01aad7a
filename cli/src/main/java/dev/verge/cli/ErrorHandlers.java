package dev.verge.cli;

import dev.verge.core.VergeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns every way a command can fail into one line on stderr and an exit status. */
final class ErrorHandlers {
    private ErrorHandlers() {}

    /** Bad usage: say what was wrong and where to read more; exit 2. */
    static int usageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String name = cli.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return VergeCommand.USAGE;
    }

    /**
     * A command threw. Expected failures carry their own message and status; an engine error that
     * escaped a command is reported by its message; anything else is a bug in Verge, said so in
     * one line rather than a stack trace.
     */
    static int executionError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        return report(e, cli.getErr(), cli.getCommandSpec().qualifiedName());
    }

    /** {@link #executionError}'s report of {@code e} on {@code err} for command {@code name} (e.g. "verge run"). */
    static int report(Exception e, PrintWriter err, String name) {
        int status;
        if (e instanceof CliFailure f) {
            err.println(name + ": " + f.getMessage());
            status = f.exitCode();
        } else if (e instanceof VergeException v) {
            err.println(name + ": error: " + v.getMessage());
            status = 1;
        } else {
            err.println(name + ": internal error: " + e);
            status = 1;
        }
        err.flush();
        return status;
    }
}
