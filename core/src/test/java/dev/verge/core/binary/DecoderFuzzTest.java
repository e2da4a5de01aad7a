package dev.verge.core.binary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.InvalidModuleException;
import dev.verge.core.validate.Validator;

/**
 * Feeds arbitrary bytes to the decoder and, when they decode, to the validator. Any outcome other
 * than a module, a {@link MalformedModuleException} or an {@link InvalidModuleException} is a
 * finding: a JVM exception, an error, or a hang.
 *
 * <p>Without {@code JAZZER_FUZZ} set this replays the seed corpus (small valid modules built from
 * the {@code .wat} files in {@code src/test/fuzz-seeds}) and any committed findings, as a unit
 * test. The {@code fuzz} Maven profile sets it and fuzzes for {@code maxDuration}.
 */
class DecoderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void decodeAndValidate(byte[] input) {
        WasmModule module;
        try {
            module = ModuleDecoder.decode(input);
        } catch (MalformedModuleException expected) {
            return;
        }
        try {
            Validator.validate(module);
        } catch (InvalidModuleException expected) {
            // Well-formed but invalid: a correct answer.
        }
    }
}
