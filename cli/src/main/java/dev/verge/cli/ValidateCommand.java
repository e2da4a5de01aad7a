package dev.verge.cli;

import dev.verge.core.VergeException;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.validate.Validator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verge validate FILE...}: decodes and validates each binary module, all in one process,
 * and prints one line per file.
 */
@Command(
        name = "validate",
        header = "Checks that WebAssembly binary modules are valid.",
        description = {
            "Decodes and validates each FILE and prints one line for it: 'FILE: ok' or "
                    + "'FILE: error: MESSAGE', where the message gives the spec's reason and the "
                    + "byte offset.",
        },
        footer = {
            "",
            "Exit status: 0 if every module is valid, 1 otherwise (including files that cannot "
                    + "be read)."
        })
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .wasm files to check.")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (String file : files) {
            String problem = check(file);
            if (problem == null) {
                out.println(file + ": ok");
            } else {
                out.println(file + ": error: " + problem);
                allValid = false;
            }
            out.flush();
        }
        return allValid ? 0 : 1;
    }

    /** Null when {@code file} holds a valid module, else what is wrong with it. */
    static String check(String file) {
        byte[] bytes;
        try {
            bytes = ModuleFiles.read(file);
        } catch (ModuleFiles.Unreadable e) {
            return "cannot read: " + e.getMessage();
        }
        try {
            Validator.validate(ModuleDecoder.decode(ModuleLoader.binary(file, bytes)));
            return null;
        } catch (VergeException e) {
            return e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in Verge, not in the module: say so plainly, and carry on with the next file.
            return "internal error: " + e;
        }
    }
}
