package dev.verge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Export;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed SIMD benchmark kernels (guests/simd/wasm) are valid WASI commands, built once
 * without SIMD and once with it: NAME.wasm has no SIMD instruction and NAME-simd.wasm has some.
 */
class SimdGuestModulesTest {
    private static final Path SIMD = Path.of("..", "guests", "simd");
    private static final int SIMD_PREFIX = 0xFD;

    static Stream<String> kernels() throws IOException {
        try (Stream<Path> files = Files.list(SIMD.resolve("src"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".c"))
                    .map(name -> name.substring(0, name.length() - 2))
                    .sorted().toList().stream();
        }
    }

    @Test
    void everyKernelHasBothBuilds() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(SIMD.resolve("wasm"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> expected = kernels().flatMap(k -> Stream.of(k + "-simd.wasm", k + ".wasm")).sorted().toList();
        assertEquals(expected, names);
        assertTrue(names.contains("blur.wasm"));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void scalarBuildIsValidAndHasNoSimd(String kernel) throws IOException {
        WasmModule module = decodeAndValidate(kernel + ".wasm");
        assertEquals(0, simdInstructions(module), kernel + ".wasm has SIMD instructions");
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void simdBuildIsValidAndVectorized(String kernel) throws IOException {
        WasmModule module = decodeAndValidate(kernel + "-simd.wasm");
        assertTrue(simdInstructions(module) > 0, kernel + "-simd.wasm has no SIMD instruction");
    }

    private static WasmModule decodeAndValidate(String file) throws IOException {
        WasmModule module = ModuleDecoder.decode(Files.readAllBytes(SIMD.resolve("wasm").resolve(file)));
        Validator.validate(module);
        assertTrue(module.exports().stream().map(Export::name).anyMatch("_start"::equals),
                file + " has no _start export");
        return module;
    }

    /** Counts the instructions with the SIMD prefix in every function body. */
    private static int simdInstructions(WasmModule module) {
        int[] count = {0};
        // Every visitor method receives the instruction's Op (if any) among its arguments.
        InstrVisitor counter = (InstrVisitor) Proxy.newProxyInstance(InstrVisitor.class.getClassLoader(),
                new Class<?>[] {InstrVisitor.class}, (proxy, method, args) -> {
                    for (Object arg : args == null ? new Object[0] : args) {
                        if (arg instanceof Op op && op.prefix() == SIMD_PREFIX) {
                            count[0]++;
                        }
                    }
                    return null;
                });
        for (FunctionBody body : module.codes()) {
            CodeReader.read(body.body(), counter);
        }
        return count[0];
    }
}
