package dev.verge.bench.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the decode/validate benchmark's module to a file, to inspect it or feed it to other
 * tools: {@code GenerateModule OUT.wasm [FUNCTIONS [SEED]]}.
 */
public final class GenerateModule {
    private GenerateModule() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GenerateModule OUT.wasm [FUNCTIONS [SEED]]");
            System.exit(2);
        }
        int functions = args.length > 1 ? Integer.parseInt(args[1]) : ModuleGenerator.LARGE_MODULE_FUNCTIONS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        ModuleGenerator.GeneratedModule module = ModuleGenerator.generate(functions, seed);
        Files.write(Path.of(args[0]), module.bytes());
        System.out.printf("%s: %d bytes, %d functions, %d bytes of code%n",
                args[0], module.bytes().length, module.functions(), module.codeBytes());
    }
}
