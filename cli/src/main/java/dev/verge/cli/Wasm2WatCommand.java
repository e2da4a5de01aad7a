package dev.verge.cli;

import dev.verge.core.VergeException;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.text.print.WatPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verge wasm2wat IN.wasm [-o OUT.wat]}: the binary format to readable text. */
@Command(
        name = "wasm2wat",
        header = "Prints a .wasm binary module as .wat text.",
        description = {
            "Decodes IN (without validating it) and prints it as text, with names from its name "
                    + "section, to OUT or to standard output.",
        },
        footer = {"", "Exit status: 0 on success, 1 if the module is malformed, 2 if a file cannot be read or written."})
public final class Wasm2WatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", description = "The .wasm file to print.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the text here instead of to standard output.")
    String output;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = ModuleFiles.read(input);
        } catch (ModuleFiles.Unreadable e) {
            throw new CliFailure(input + ": cannot read: " + e.getMessage(), VergeCommand.USAGE);
        }
        String text;
        try {
            text = WatPrinter.print(ModuleDecoder.decode(bytes));
        } catch (VergeException e) {
            throw new CliFailure(input + ": error: " + e.getMessage(), 1);
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return 0;
        }
        try {
            Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(output + ": cannot write: " + e.getMessage(), VergeCommand.USAGE);
        }
        return 0;
    }
}
