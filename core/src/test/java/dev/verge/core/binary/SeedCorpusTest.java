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
 * The fuzzer's seeds must be valid modules, or the fuzzer starts from the decoder's error paths
 * and rarely reaches the validator.
 */
class SeedCorpusTest {
    private static final Path SEEDS = Path.of("src/test/resources/dev/verge/core/binary/DecoderFuzzTestInputs/decodeAndValidate");

    @Test
    void everySeedIsAValidModule() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(SEEDS)) {
            seeds = files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        assertEquals(7, seeds.size());
        for (Path seed : seeds) {
            byte[] bytes = Files.readAllBytes(seed);
            WasmModule module = ModuleDecoder.decode(bytes);
            assertDoesNotThrow(() -> Validator.validate(module), seed.toString());
            for (FunctionBody f : module.codes()) {
                CodeReader.read(f.body(), new RecordingVisitor());
            }
        }
    }
}
