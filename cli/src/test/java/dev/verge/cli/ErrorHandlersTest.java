package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.binary.MalformedModuleException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Whatever a subcommand throws ends as one line on stderr and an exit status. */
class ErrorHandlersTest {
    @Command(name = "throw")
    static final class Thrower implements Callable<Integer> {
        private final RuntimeException toThrow;

        Thrower(RuntimeException toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() {
            throw toThrow;
        }
    }

    private static CliRun runThrowing(RuntimeException e) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = VergeCommand.commandLine();
        cli.addSubcommand(new CommandLine(new Thrower(e)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute("throw");
        return new CliRun(exitCode, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void cliFailurePrintsItsMessageWithItsStatus() {
        CliRun run = runThrowing(new CliFailure("x.wasm: cannot read: no such file", 2));
        assertEquals(2, run.exitCode());
        assertEquals("verge throw: x.wasm: cannot read: no such file\n", run.err());
    }

    @Test
    void engineErrorIsOneLineWithStatusOne() {
        CliRun run = runThrowing(new MalformedModuleException("unexpected end", 12));
        assertEquals(1, run.exitCode());
        assertEquals("verge throw: error: unexpected end (at offset 0xc)\n", run.err());
    }

    @Test
    void bugIsAnInternalErrorOnOneLine() {
        CliRun run = runThrowing(new IllegalStateException("oops"));
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("verge throw: internal error: java.lang.IllegalStateException: oops\n", run.err());
    }
}
