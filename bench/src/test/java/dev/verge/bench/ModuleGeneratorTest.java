package dev.verge.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.bench.gen.ModuleGenerator;
import dev.verge.bench.gen.ModuleGenerator.GeneratedModule;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ModuleGeneratorTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void generatedModulesDecodeAndValidate(long seed) {
        GeneratedModule generated = ModuleGenerator.generate(400, seed);
        WasmModule module = ModuleDecoder.decode(generated.bytes());
        Validator.validate(module);
        assertEquals(400, module.codes().size());
        assertEquals(400, module.functions().size());
    }

    @Test
    void sameSeedGivesSameBytes() {
        assertArrayEquals(ModuleGenerator.generate(50, 42).bytes(), ModuleGenerator.generate(50, 42).bytes());
    }

    @Test
    void benchmarkModuleHasMoreThanTenMegabytesOfCodeAndIsValid() {
        GeneratedModule generated = ModuleGenerator.generate(ModuleGenerator.LARGE_MODULE_FUNCTIONS, 1);
        assertTrue(generated.codeBytes() > 10_000_000, "code bytes: " + generated.codeBytes());
        Validator.validate(ModuleDecoder.decode(generated.bytes()));
    }
}
