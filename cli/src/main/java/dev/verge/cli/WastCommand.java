package dev.verge.cli;

import dev.verge.core.runtime.EngineConfig;
import dev.verge.text.wast.CommandResult;
import dev.verge.text.wast.ScriptResult;
import dev.verge.text.wast.WastRunner;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verge wast [--verbose] [--paged-memory] FILE...}: runs WebAssembly spec scripts, all in one process, and
 * prints {@code FILE: N passed, M failed} per file and {@code N passed, M failed} for all of them.
 */
@Command(
        name = "wast",
        header = "Runs WebAssembly spec scripts (.wast files).",
        description = {
            "Runs every command of each FILE and prints one line per file, 'FILE: N passed, M "
                    + "failed', then a last line 'N passed, M failed' for all files. A file that "
                    + "cannot be read or parsed counts as one failed command.",
        },
        footer = {"", "Exit status: 0 if no command failed, 1 otherwise."})
public final class WastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Print each failing command: its line, what was expected and what happened.")
    boolean verbose;

    @Option(names = "--paged-memory", description = "Back every memory with lazily committed pages, the "
            + "representation of memories past 2 GiB, instead of one array: to test that path on the suite.")
    boolean pagedMemory;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .wast files to run.")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WastRunner runner = WastRunner.standard(EngineConfig.DEFAULT.withPagedMemory(pagedMemory));
        long passed = 0;
        long failed = 0;
        for (String file : files) {
            ScriptResult result = run(runner, file);
            passed += result.passed();
            failed += result.failed();
            out.println(file + ": " + result.passed() + " passed, " + result.failed() + " failed");
            if (verbose) {
                if (result.error() != null) {
                    out.println("  " + file + ": " + result.error());
                }
                for (CommandResult c : result.failures()) {
                    out.println("  " + file + ":" + c.line() + ": " + c.kind() + ": expected " + oneLine(c.expected())
                            + ", got " + oneLine(c.actual()));
                }
            }
            out.flush();
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    private static ScriptResult run(WastRunner runner, String file) {
        byte[] bytes;
        try {
            bytes = ModuleFiles.read(file);
        } catch (ModuleFiles.Unreadable e) {
            return new ScriptResult(file, List.of(), "cannot read: " + e.getMessage());
        }
        return runner.run(file, new String(bytes, StandardCharsets.UTF_8));
    }
}
