package dev.verge.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.binary.MalformedModuleException;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A module built by hand may hold malformed code: the validator's own body reader must reject it
 * as {@link CodeReader} does, with the same message at the same offset, on the fast path for the
 * hottest opcodes and on the general one.
 */
class BodyReaderTest {
    static List<int[]> malformedBodies() {
        return List.of(
                new int[] {0x06}, // an opcode that does not exist
                new int[] {0xFC, 0x7F}, // a prefixed one
                new int[] {0x05}, // else outside an if
                new int[] {0x0B, 0x01}, // bytes after the function's end
                new int[] {0x20, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F}, // local.get, index too large
                new int[] {0x41, 0x80, 0x80, 0x80, 0x80, 0x70}, // i32.const too large
                new int[] {0x41, 0x01, 0x41, 0x02, 0x6A, 0x10, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, // call, too long
                new int[] {0x3F, 0x01}, // memory.size without its zero byte
                new int[] {0x41, 0x00, 0x28, 0x40, 0x00, 0x1A}, // load with bad memarg flags
                new int[] {0x02, 0x40}); // the function's end closes the block: the code runs out
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void rejectsMalformedCodeAsTheDecoderWould(int[] body) {
        TestModule module = TestModule.module()
                .memory(new MemoryType(new Limits(1, 1)))
                .func(List.of(), List.of(), List.of(ValType.I32), body);
        WasmModule m = module.build();
        MalformedModuleException expected = assertThrows(MalformedModuleException.class,
                () -> CodeReader.read(m.codes().get(0).body(), NoopVisitor.INSTANCE));
        MalformedModuleException actual = assertThrows(MalformedModuleException.class, () -> Validator.validate(m));
        assertEquals(expected.reason() + " @" + expected.offset(), actual.reason() + " @" + actual.offset());
    }
}
