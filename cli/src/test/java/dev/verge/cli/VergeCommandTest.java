package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class VergeCommandTest {
    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertEquals("verge 0.1.0-SNAPSHOT\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void everySubcommandPrintsTheSameVersion() {
        for (String name : VergeCommand.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CliRun run = CliRun.of(name, "--version");
            assertEquals(0, run.exitCode(), name);
            assertEquals("verge 0.1.0-SNAPSHOT\n", run.out(), name);
        }
    }

    @Test
    void helpListsEveryCommandWithItsHeader() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("""
                Verge: a WebAssembly runtime for the JVM.

                Usage: verge [-hV] [COMMAND]
                """), run.out());
        for (var entry : VergeCommand.commandLine().getSubcommands().entrySet()) {
            CommandSpec spec = entry.getValue().getCommandSpec();
            String summary = spec.usageMessage().header().length > 0
                    ? spec.usageMessage().header()[0]
                    : spec.usageMessage().description()[0];
            assertTrue(run.out().contains("  " + entry.getKey() + " "), entry.getKey());
            assertTrue(run.out().contains(summary), summary);
        }
        assertTrue(run.out().endsWith("""

                Exit status: 0 success, 1 the answer is no (e.g. an invalid module), 2 wrong
                usage or unreadable input.
                """), run.out());
    }

    /** A subcommand that forgot its header would be listed with a wrong or empty summary. */
    @Test
    void everySubcommandHasItsOwnSummary() {
        CommandLine verge = VergeCommand.commandLine();
        String topHeader = verge.getCommandSpec().usageMessage().header()[0];
        for (var entry : verge.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            String[] header = entry.getValue().getCommandSpec().usageMessage().header();
            assertTrue(header.length == 1 && !header[0].equals(topHeader), entry.getKey() + " needs a header");
        }
    }

    @Test
    void helpSubcommandPrintsTheSameAsHelpOption() {
        assertEquals(CliRun.of("validate", "--help"), CliRun.of("help", "validate"));
        assertEquals(CliRun.of("--help"), CliRun.of("help"));
    }

    @Test
    void noArgumentsPrintsUsageAsAnError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(CliRun.of("--help").out(), run.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("""
                verge: Unmatched argument at index 0: 'frobnicate'
                Try 'verge --help' for more information.
                """, run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("validate", "--frob", "x.wasm");
        assertEquals(2, run.exitCode());
        assertEquals("""
                verge validate: Unknown option: '--frob'
                Try 'verge validate --help' for more information.
                """, run.err());
    }
}
