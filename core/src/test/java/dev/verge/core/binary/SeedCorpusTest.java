package dev.verge.core.binary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's seeds must be valid, or the fuzzer starts from the decoder's error paths and rarely
 * reaches the validator: {@code *.wasm} seeds are whole modules, {@code body-*} seeds function
 * bodies for {@link DecoderFuzzTest#moduleAround}.
 */
class SeedCorpusTest {
    private static final Path SEEDS = Path.of("src/test/resources/dev/verge/core/binary/DecoderFuzzTestInputs/decodeAndValidate");

    private static List<Path> seeds(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(prefix) && name.endsWith(suffix);
                    })
                    .sorted()
                    .toList();
        }
    }

    private static void assertValid(byte[] bytes, String what) {
        WasmModule module = ModuleDecoder.decode(bytes);
        assertDoesNotThrow(() -> Validator.validate(module), what);
        for (FunctionBody f : module.codes()) {
            CodeReader.read(f.body(), new RecordingVisitor());
        }
    }

    @Test
    void everyModuleSeedIsValid() throws IOException {
        List<Path> modules = seeds("", ".wasm");
        assertEquals(7, modules.size());
        for (Path seed : modules) {
            assertValid(Files.readAllBytes(seed), seed.toString());
        }
    }

    @Test
    void everyBodySeedIsValidInItsModule() throws IOException {
        List<Path> bodies = seeds("body-", "");
        assertEquals(5, bodies.size());
        for (Path seed : bodies) {
            assertValid(DecoderFuzzTest.moduleAround(Files.readAllBytes(seed)), seed.toString());
        }
    }
}
