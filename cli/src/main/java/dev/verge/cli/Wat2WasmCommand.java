package dev.verge.cli;

import dev.verge.core.VergeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verge wat2wasm IN.wat -o OUT.wasm}: the text format to the binary format. */
@Command(
        name = "wat2wasm",
        header = "Translates a .wat text module to a .wasm binary.",
        description = {
            "Parses IN and writes the binary module to OUT. Errors are reported as "
                    + "'IN:LINE:COLUMN: reason' with the line and a caret under the column.",
        },
        footer = {"", "Exit status: 0 on success, 1 if the text is malformed, 2 if a file cannot be read or written."})
public final class Wat2WasmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", description = "The .wat file to translate.")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Where to write the .wasm file.")
    String output;

    @Override
    public Integer call() {
        byte[] text;
        try {
            text = ModuleFiles.read(input);
        } catch (ModuleFiles.Unreadable e) {
            throw new CliFailure(input + ": cannot read: " + e.getMessage(), VergeCommand.USAGE);
        }
        byte[] binary;
        try {
            binary = TextModules.parse(text);
        } catch (VergeException e) {
            // The compiler convention, so editors can jump to it: IN:LINE:COLUMN: reason, excerpt.
            PrintWriter err = spec.commandLine().getErr();
            err.println(input + ":" + TextModules.describe(e));
            err.flush();
            return 1;
        }
        try {
            Files.write(Path.of(output), binary);
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(output + ": cannot write: " + e.getMessage(), VergeCommand.USAGE);
        }
        return 0;
    }
}
