package dev.verge.core.binary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.InvalidModuleException;
import dev.verge.core.validate.Validator;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Feeds arbitrary bytes to the decoder and, when they decode, to the validator. Any outcome other
 * than a module, a {@link MalformedModuleException} or an {@link InvalidModuleException} is a
 * finding: a JVM exception, an error, or a hang.
 *
 * <p>An input that starts with the module magic is taken as a whole module. Any other input is
 * taken as a function body and placed in a module that has something of every kind for it to use
 * (parameters and locals of every type, a memory, a table, a global, element and data segments),
 * so that mutations spend their time in the instruction decoder and validator rather than in the
 * section layout.
 *
 * <p>Without {@code JAZZER_FUZZ} set this replays the seed corpus and any committed findings, as a
 * unit test. The {@code fuzz} Maven profile sets it and fuzzes for {@code maxDuration}.
 */
class DecoderFuzzTest {
    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};

    @FuzzTest(maxDuration = "60s")
    void decodeAndValidate(byte[] input) {
        byte[] module = Arrays.equals(input, 0, Math.min(4, input.length), MAGIC, 0, 4) && input.length >= 4
                ? input
                : moduleAround(input);
        WasmModule decoded;
        try {
            decoded = ModuleDecoder.decode(module);
        } catch (MalformedModuleException expected) {
            return;
        }
        try {
            Validator.validate(decoded);
        } catch (InvalidModuleException expected) {
            // Well-formed but invalid: a correct answer.
        }
    }

    /**
     * A module whose only defined function, of type {@code [i32 i32] -> [i32]} with locals of
     * every other value type, has {@code body} as its instructions.
     */
    static byte[] moduleAround(byte[] body) {
        byte[] types = {0x02, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F, 0x60, 0x00, 0x00};
        byte[] locals = {0x06, 0x01, 0x7E, 0x01, 0x7D, 0x01, 0x7C, 0x01, 0x7B, 0x01, 0x70, 0x01, 0x6F};
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(locals);
        code.writeBytes(body);
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.write(0x01);
        entry.writeBytes(Wasm.u(code.size()));
        entry.writeBytes(code.toByteArray());
        return Wasm.module(
                Wasm.section(1, types),
                Wasm.section(3, Wasm.b(0x01, 0x00)),
                Wasm.section(4, Wasm.b(0x01, 0x70, 0x00, 0x02)), // table funcref 2
                Wasm.section(5, Wasm.b(0x01, 0x00, 0x01)), // memory 1
                Wasm.section(6, Wasm.b(0x01, 0x7F, 0x01, 0x41, 0x00, 0x0B)), // global (mut i32)
                Wasm.section(9, Wasm.b(0x01, 0x01, 0x00, 0x01, 0x00)), // passive elem: func 0
                Wasm.section(12, Wasm.b(0x01)),
                Wasm.section(10, entry.toByteArray()),
                Wasm.section(11, Wasm.b(0x01, 0x01, 0x02, 0x61, 0x62))); // passive data "ab"
    }
}
