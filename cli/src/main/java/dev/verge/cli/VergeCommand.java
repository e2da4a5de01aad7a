package dev.verge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code verge} command. Each subcommand is its own class; to add one, write the
 * class and add one line to {@code subcommands} below.
 *
 * <p>Exit status: 0 success, 1 the command ran and the answer is "no" (an invalid module, a failed
 * test), 2 the command could not run as asked (bad usage, a file that cannot be read).
 * {@code --help}, {@code --version} and the footer (the exit statuses) are inherited by every
 * subcommand; a subcommand with more specific statuses sets its own footer.
 */
@Command(
        name = "verge",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Verge: a WebAssembly runtime for the JVM.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        description = "Run 'verge COMMAND --help' for what a command does.",
        footer = {
            "",
            "Exit status: 0 success, 1 the answer is no (e.g. an invalid module), 2 wrong usage "
                    + "or unreadable input.",
        },
        subcommands = {
            HelpCommand.class,
            ValidateCommand.class,
            InspectCommand.class,
            WastCommand.class,
            Wat2WasmCommand.class,
            Wasm2WatCommand.class,
            ServeCommand.class,
            DeployCommand.class,
            RunCommand.class,
            CompileCommand.class,
        })
public final class VergeCommand implements Callable<Integer> {
    /** The exit status when the command was not used as documented. */
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    /**
     * The command line the jar runs: {@code verge} with its subcommands and the error handling
     * that turns every failure into one line and an exit status, never a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VergeCommand());
        cli.setParameterExceptionHandler(ErrorHandlers::usageError);
        cli.setExecutionExceptionHandler(ErrorHandlers::executionError);
        // Everything after run's MODULE belongs to the guest, options included.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        return cli;
    }

    /** With no subcommand there is nothing to do: show what there is, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
