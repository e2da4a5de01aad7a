package dev.verge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.Export;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed guest programs (guests/wasm) are valid WASI commands. */
class GuestModulesTest {
    private static final Path GUESTS = Path.of("..", "guests", "wasm");

    static Stream<Path> guests() throws IOException {
        try (Stream<Path> files = Files.list(GUESTS)) {
            return files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList().stream();
        }
    }

    @Test
    void everyProgramHasItsModule() throws IOException {
        List<String> names = guests().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("crc32.wasm", "fib.wasm", "interp.wasm", "matmul.wasm", "quicksort.wasm",
                "strings.wasm"), names);
    }

    @ParameterizedTest
    @MethodSource("guests")
    void decodesValidatesAndExportsStart(Path wasm) throws IOException {
        WasmModule module = ModuleDecoder.decode(Files.readAllBytes(wasm));
        Validator.validate(module);
        assertTrue(module.exports().stream().map(Export::name).anyMatch("_start"::equals),
                wasm + " has no _start export");
    }
}
