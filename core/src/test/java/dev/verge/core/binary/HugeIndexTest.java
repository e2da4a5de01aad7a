package dev.verge.core.binary;

import static dev.verge.core.binary.Wasm.b;
import static dev.verge.core.binary.Wasm.cat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.InvalidModuleException;
import dev.verge.core.validate.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Index immediates are u32 values carried in an int, so indices of 2^31 and more arrive negative.
 * The decoder accepts them (they are well-formed); the validator must reject them as unknown, not
 * crash. This pins that contract between the two.
 */
class HugeIndexTest {
    private static final byte[] MAX_U32 = b(0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
    private static final byte[] MIN_NEGATIVE = b(0x80, 0x80, 0x80, 0x80, 0x08);

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 9})
    void hugeIndicesInSectionsAreInvalid(int sectionId) {
        byte[] content = switch (sectionId) {
            case 7 -> cat(b(1), Wasm.name("e"), b(0x00), MAX_U32); // export of function 2^32-1
            case 8 -> MAX_U32; // start function 2^32-1, which must not read as "no start"
            default -> cat(b(1, 0x01, 0x00, 0x01), MAX_U32); // passive element of function 2^32-1
        };
        WasmModule m = ModuleDecoder.decode(Wasm.module(Wasm.section(sectionId, content)));
        assertThrows(InvalidModuleException.class, () -> Validator.validate(m));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x02, 0x10, 0x20, 0x23, 0x25, 0xD2, 0x0C})
    void hugeIndicesAreInvalid(int opcode) {
        for (byte[] index : new byte[][] {MAX_U32, MIN_NEGATIVE}) {
            byte[] end = opcode == 0x02 ? b(0x0B, 0x0B) : b(0x0B); // a block needs its own end
            byte[] body = cat(b(opcode), index, end);
            WasmModule m = ModuleDecoder.decode(DecoderFuzzTest.moduleAround(body));
            assertThrows(InvalidModuleException.class, () -> Validator.validate(m));
        }
    }
}
