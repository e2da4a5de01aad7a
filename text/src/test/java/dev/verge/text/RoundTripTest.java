package dev.verge.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The project's own .wat files: they parse, validate, and text to binary to model to binary is stable. */
class RoundTripTest {
    static String resource(String name) throws IOException {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/wat/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abbreviations.wat", "instructions.wat", "simd.wat", "lexical.wat"})
    void parsesValidatesAndReencodesIdentically(String name) throws IOException {
        byte[] binary = Wat.toBinary(resource(name));
        WasmModule decoded = ModuleDecoder.decode(binary);
        Validator.validate(decoded);
        assertArrayEquals(binary, ModuleEncoder.encode(decoded));
        assertArrayEquals(binary, Wat.toBinary(resource(name)), "parsing is deterministic");
    }
}
