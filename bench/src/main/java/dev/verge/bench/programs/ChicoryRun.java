package dev.verge.bench.programs;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Store;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a WASI command module on Chicory, the peer JVM runtime, for the whole-program comparison:
 * {@code ChicoryRun interpreter|compiler MODULE [ARGS...]}. The process exits with the guest's
 * exit code. "compiler" is Chicory's runtime compiler (Wasm to JVM bytecode at instantiation), so
 * its compile time counts in the process time, as Verge's does.
 */
public final class ChicoryRun {
    private ChicoryRun() {}

    public static void main(String[] args) {
        if (args.length < 2 || !(args[0].equals("interpreter") || args[0].equals("compiler"))) {
            System.err.println("usage: ChicoryRun interpreter|compiler MODULE [ARGS...]");
            System.exit(2);
        }
        boolean compile = args[0].equals("compiler");
        Path modulePath = Path.of(args[1]);
        List<String> guestArgs = new ArrayList<>();
        guestArgs.add(modulePath.getFileName().toString());
        guestArgs.addAll(Arrays.asList(args).subList(2, args.length));

        WasmModule module = Parser.parse(modulePath);
        WasiOptions options = WasiOptions.builder().inheritSystem().withArguments(guestArgs).build();
        int exitCode = 0;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            Store store = new Store().addFunction(wasi.toHostFunctions());
            // Instantiating a command module runs its _start export.
            store.instantiate("guest", imports -> {
                Instance.Builder builder = Instance.builder(module).withImportValues(imports);
                if (compile) {
                    builder.withMachineFactory(MachineFactoryCompiler.builder(module)
                            .withInterpreterFallback(InterpreterFallback.WARN)
                            .compile());
                }
                return builder.build();
            });
        } catch (WasiExitException e) {
            exitCode = e.exitCode();
        }
        System.out.flush();
        System.exit(exitCode);
    }
}
