package dev.verge.core.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SubType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleEncoderTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static WasmModule module(List<CustomSection> customs, NameSection names) {
        WasmWriter code = new WasmWriter();
        CodeWriter cw = new CodeWriter(code);
        cw.index(Op.LOCAL_GET, 0);
        cw.i32Const(1);
        cw.op(Op.I32_ADD);
        cw.op(Op.END);
        return new WasmModule(
                List.of(SubType.of(new FuncType(List.of(ValType.I32), List.of(ValType.I32)))),
                List.of(), List.of(0), List.of(), List.of(), List.of(),
                List.of(new Export("inc", ExternKind.FUNC, 0)), -1, List.of(), -1,
                List.of(new FunctionBody(List.of(), new Expr(Bytes.copyOf(code.toByteArray()), 0))),
                List.of(), customs, names);
    }

    @Test
    void encodesAFunctionModule() {
        byte[] expected = bytes(
                0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
                0x01, 0x06, 0x01, 0x60, 0x01, 0x7F, 0x01, 0x7F,
                0x03, 0x02, 0x01, 0x00,
                0x07, 0x07, 0x01, 0x03, 'i', 'n', 'c', 0x00, 0x00,
                0x0A, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x41, 0x01, 0x6A, 0x0B);
        assertArrayEquals(expected, ModuleEncoder.encode(module(List.of(), null)));
    }

    @Test
    void placesCustomSectionsAfterTheSectionTheyFollowed() {
        CustomSection first = new CustomSection("a", Bytes.copyOf(bytes(1)), 0);
        CustomSection afterTypes = new CustomSection("b", Bytes.copyOf(bytes(2)), 1);
        byte[] out = ModuleEncoder.encode(module(List.of(afterTypes, first), null));
        assertArrayEquals(bytes(0x00, 0x03, 0x01, 'a', 0x01), java.util.Arrays.copyOfRange(out, 8, 13));
        assertArrayEquals(bytes(0x00, 0x03, 0x01, 'b', 0x02), java.util.Arrays.copyOfRange(out, 21, 26));
    }

    @Test
    void writesANameSectionFromNames() {
        NameSection names = new NameSection("m", Map.of(0, "f"), Map.of(0, Map.of(0, "x")));
        byte[] out = ModuleEncoder.encode(module(List.of(), names));
        byte[] tail = bytes(0x00, 0x17, 0x04, 'n', 'a', 'm', 'e',
                0x00, 0x02, 0x01, 'm',
                0x01, 0x04, 0x01, 0x00, 0x01, 'f',
                0x02, 0x06, 0x01, 0x00, 0x01, 0x00, 0x01, 'x');
        assertArrayEquals(tail, java.util.Arrays.copyOfRange(out, out.length - tail.length, out.length));
    }
}
