/**
 * The {@code verge} command line: {@link dev.verge.cli.VergeCommand} and one class per subcommand.
 *
 * <p>To add a subcommand {@code verge thing}:
 *
 * <ul>
 *   <li>write {@code ThingCommand implements Callable<Integer>} annotated
 *       {@code @Command(name = "thing", header = "One line for the command list.", description = ...)};
 *       {@code --help}, {@code --version} and the exit-status footer are inherited (set
 *       {@code footer} to say something more specific);
 *   <li>print through {@code spec.commandLine().getOut()} / {@code getErr()} (inject
 *       {@code @Spec CommandSpec spec}), never {@code System.out}, so tests can capture output;
 *   <li>return the exit status: 0 success, 1 the answer is no, 2 the command could not run as asked;
 *       to stop with a message, throw {@link dev.verge.cli.CliFailure}; a
 *       {@link dev.verge.core.VergeException} that escapes is printed as one line too, and so is
 *       anything else (as an internal error): there is never a stack trace;
 *   <li>add {@code ThingCommand.class,} to {@code subcommands} in {@code VergeCommand};
 *   <li>test it in-process with the test helper {@code CliRun.of("thing", ...)}, asserting the
 *       exact output.
 * </ul>
 */
package dev.verge.cli;
