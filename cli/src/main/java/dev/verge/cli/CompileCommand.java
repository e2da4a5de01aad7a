package dev.verge.cli;

import dev.verge.core.VergeException;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code verge compile MODULE [-o OUT]}: validates and compiles a module ahead of time, as
 * {@code wasmtime compile}, into a {@code .cwasm} file that {@code verge run} (and
 * {@code Engine.deserialize}) loads without compiling again.
 */
@Command(
        name = "compile",
        header = "Compiles a WebAssembly module ahead of time to a .cwasm file.",
        description = {
            "Decodes, validates and compiles MODULE (.wasm or .wat) and writes the compiled module "
                    + "to OUT (default: MODULE with the extension .cwasm). 'verge run OUT' then starts "
                    + "without validating or compiling.",
            "A .cwasm holds JVM classes: load only files you made. It is tied to this build of "
                    + "Verge, this Java runtime and the code-generation options (--fuel); any other "
                    + "refuses it with a message, and the module must be compiled again.",
        },
        footer = {
            "",
            "Exit status: 0 written; 1 the module is malformed or invalid; 2 wrong usage, an "
                    + "unreadable module or an unwritable OUT.",
        })
public final class CompileCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write the compiled module (default: MODULE with .cwasm).")
    String output;

    @Option(names = "--fuel", description = "Compiles fuel metering in, for 'verge run --fuel N' (which refuses modules compiled without it).")
    boolean fuel;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The .wasm or .wat file to compile.")
    String module;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = ModuleFiles.read(module);
        } catch (ModuleFiles.Unreadable e) {
            throw new CliFailure("cannot read " + module + ": " + e.getMessage(), VergeCommand.USAGE);
        }
        if (Engine.isSerialized(bytes)) {
            throw new CliFailure(module + ": already a compiled module", VergeCommand.USAGE);
        }
        Engine engine = new Engine(EngineConfig.DEFAULT.withFuel(fuel));
        byte[] compiled;
        try {
            compiled = engine.compile(ModuleLoader.binary(module, bytes)).serialize();
        } catch (VergeException e) {
            throw new CliFailure(module + ": " + e.getMessage(), 1);
        }
        String out = output != null ? output : defaultOutput(module);
        write(out, compiled);
        return 0;
    }

    /** {@code name} with its extension (if any) replaced by {@code .cwasm}, as wasmtime's default. */
    static String defaultOutput(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf(java.io.File.separatorChar));
        int dot = name.lastIndexOf('.');
        String stem = dot > slash + 1 ? name.substring(0, dot) : name;
        return stem + ".cwasm";
    }

    /** Writes through a temporary file in the same directory, so OUT is never left half-written. */
    private static void write(String out, byte[] bytes) {
        Path target;
        try {
            target = Path.of(out).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new CliFailure("cannot write " + out + ": invalid path", VergeCommand.USAGE);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".verge-compile-", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new CliFailure("cannot write " + out + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), VergeCommand.USAGE);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // Nothing more to do: the temporary file is hidden and named as ours.
                }
            }
        }
    }
}
