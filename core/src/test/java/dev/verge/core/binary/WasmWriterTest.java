package dev.verge.core.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.verge.core.model.ValType;
import org.junit.jupiter.api.Test;

class WasmWriterTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void unsignedLeb128() {
        assertArrayEquals(bytes(0x00), new WasmWriter().u32(0).toByteArray());
        assertArrayEquals(bytes(0xE5, 0x8E, 0x26), new WasmWriter().u32(624485).toByteArray());
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), new WasmWriter().u32(-1).toByteArray());
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), new WasmWriter().u64(-1L).toByteArray());
    }

    @Test
    void signedLeb128() {
        assertArrayEquals(bytes(0x7F), new WasmWriter().s32(-1).toByteArray());
        assertArrayEquals(bytes(0xC0, 0xBB, 0x78), new WasmWriter().s32(-123456).toByteArray());
        assertArrayEquals(bytes(0x3F), new WasmWriter().s32(63).toByteArray());
        assertArrayEquals(bytes(0xC0, 0x00), new WasmWriter().s32(64).toByteArray());
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x78), new WasmWriter().s32(Integer.MIN_VALUE).toByteArray());
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F),
                new WasmWriter().s64(Long.MIN_VALUE).toByteArray());
    }

    @Test
    void namesFloatsAndTypes() {
        assertArrayEquals(bytes(3, 'a', 0xC3, 0xA9), new WasmWriter().name("a\u00e9").toByteArray());
        assertArrayEquals(bytes(0x00, 0x00, 0x80, 0x3F), new WasmWriter().f32(Float.floatToRawIntBits(1.0f)).toByteArray());
        assertArrayEquals(bytes(0x7F, 0x7B, 0x70), new WasmWriter().valType(ValType.I32).valType(ValType.V128).valType(ValType.FUNCREF).toByteArray());
    }

    @Test
    void growsPastItsInitialCapacity() {
        WasmWriter w = new WasmWriter(1);
        for (int i = 0; i < 1000; i++) {
            w.u8(i);
        }
        byte[] out = w.toByteArray();
        assertArrayEquals(bytes(0, 1, 2), java.util.Arrays.copyOf(out, 3));
        org.junit.jupiter.api.Assertions.assertEquals(1000, out.length);
    }
}
