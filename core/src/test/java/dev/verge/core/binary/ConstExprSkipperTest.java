package dev.verge.core.binary;

import static dev.verge.core.binary.Wasm.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.WasmModule;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ConstExprSkipper} stands in for {@link CodeScanner} on the constant expressions of
 * known-good bytes: wherever it finds an end, the scanner must accept the same bytes and end at
 * the same place; where it is unsure it must say so (-1), never guess.
 */
class ConstExprSkipperTest {
    @Test
    void endsWhereTheScannerEndsOnRandomConstantExpressions() {
        Random random = new Random(7);
        int taken = 0;
        int declined = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] code = expression(random);
            if (random.nextInt(4) == 0) {
                code[random.nextInt(code.length)] = (byte) random.nextInt(256); // sometimes damaged
            }
            int end = ConstExprSkipper.skip(code, 0, code.length);
            if (end < 0) {
                declined++;
                continue;
            }
            taken++;
            WasmReader r = new WasmReader(code);
            CodeScanner.scan(r, DecoderLimits.DEFAULTS); // throws if the scanner refuses what was taken
            assertEquals(r.pos(), end, () -> "on " + java.util.HexFormat.of().formatHex(code));
        }
        assertTrue(taken > 10_000, "taken " + taken);
        assertTrue(declined > 1_000, "declined " + declined);
    }

    @Test
    void takesTheCommonInitializers() {
        assertEquals(3, ConstExprSkipper.skip(b(0x41, 0x2A, 0x0B), 0, 3)); // i32.const 42
        assertEquals(5, ConstExprSkipper.skip(b(0x41, 0x80, 0x80, 0x04, 0x0B), 0, 5)); // i32.const 65536
        assertEquals(3, ConstExprSkipper.skip(b(0x23, 0x00, 0x0B), 0, 3)); // global.get 0
        assertEquals(3, ConstExprSkipper.skip(b(0xD0, 0x70, 0x0B), 0, 3)); // ref.null func
        assertEquals(3, ConstExprSkipper.skip(b(0xD2, 0x05, 0x0B), 0, 3)); // ref.func 5
        assertEquals(6, ConstExprSkipper.skip(b(0x43, 0, 0, 0x80, 0x3F, 0x0B), 0, 6)); // f32.const 1
        assertEquals(6, ConstExprSkipper.skip(b(0x23, 0x00, 0x41, 0x01, 0x6A, 0x0B), 0, 6)); // global.get 0, i32.const 1, i32.add
    }

    @Test
    void declinesWhatItIsNotSureOf() {
        assertEquals(-1, ConstExprSkipper.skip(b(0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x0B), 0, 7)); // longest encoding
        assertEquals(-1, ConstExprSkipper.skip(b(0x41, 0x2A), 0, 2)); // no end
        assertEquals(-1, ConstExprSkipper.skip(b(0x20, 0x00, 0x0B), 0, 3)); // local.get: not constant
        assertEquals(-1, ConstExprSkipper.skip(b(0xD0, 0x00, 0x0B), 0, 3)); // a concrete heap type
        assertEquals(-1, ConstExprSkipper.skip(b(0x44, 0, 0, 0, 0x0B), 0, 5)); // f64.const cut short
    }

    @Test
    void knownGoodDecodingKeepsTheSameConstantExpressions() {
        // Globals with i32, i64 (a long LEB), f64 and ref.null initializers, and an active data segment.
        byte[] globals = Wasm.vec(4, Wasm.cat(
                b(0x7F, 0x00, 0x41, 0x2A, 0x0B),
                b(0x7E, 0x01, 0x42, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x0B),
                b(0x7C, 0x00, 0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x0B),
                b(0x70, 0x00, 0xD0, 0x70, 0x0B)));
        byte[] memory = Wasm.section(5, Wasm.vec(1, b(0x00, 0x01)));
        byte[] data = Wasm.section(11, Wasm.vec(1, b(0x00, 0x41, 0x10, 0x0B, 0x02, 0x61, 0x62)));
        byte[] bytes = Wasm.module(memory, Wasm.section(6, globals), data);
        WasmModule full = ModuleDecoder.decode(bytes);
        WasmModule known = ModuleDecoder.decodeKnownGood(bytes, DecoderLimits.DEFAULTS);
        assertEquals(4, known.globals().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(full.globals().get(i).init().code(), known.globals().get(i).init().code());
            assertEquals(full.globals().get(i).init().offset(), known.globals().get(i).init().offset());
        }
        assertEquals(full.data().get(0).mode(), known.data().get(0).mode());
    }

    /** One to four constant instructions, then end; LEB128s sometimes padded to any length. */
    private static byte[] expression(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(11)) {
                case 0 -> {
                    out.write(0x41);
                    leb(out, random.nextInt(), random);
                }
                case 1 -> {
                    out.write(0x42);
                    leb(out, random.nextLong(), random);
                }
                case 2 -> {
                    out.write(0x43);
                    out.write(new byte[4], 0, 4);
                }
                case 3 -> {
                    out.write(0x44);
                    out.write(new byte[8], 0, 8);
                }
                case 4 -> {
                    out.write(0x23);
                    leb(out, random.nextInt(3), random);
                }
                case 5 -> {
                    out.write(0xD2);
                    leb(out, random.nextInt(300), random);
                }
                case 6 -> {
                    out.write(0xD0);
                    out.write(random.nextBoolean() ? 0x70 : 0x6F);
                }
                case 7 -> out.write(new int[] {0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E}[random.nextInt(6)]);
                case 8 -> {
                    out.write(0xFD);
                    out.write(0x0C);
                    out.write(new byte[16], 0, 16);
                }
                case 9 -> out.write(0x20 + random.nextInt(3)); // local.get/set/tee: not constant
                default -> out.write(0x01); // nop: not constant
            }
        }
        out.write(0x0B);
        return out.toByteArray();
    }

    /** {@code value} as a signed LEB128, sometimes padded with redundant continuation bytes. */
    private static void leb(ByteArrayOutputStream out, long value, Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
                bytes.write(b);
                break;
            }
            bytes.write(b | 0x80);
        }
        byte[] minimal = bytes.toByteArray();
        int pad = random.nextInt(4) == 0 ? random.nextInt(4) : 0;
        if (pad == 0) {
            out.write(minimal, 0, minimal.length);
            return;
        }
        int fill = value < 0 ? 0x7F : 0x00;
        out.write(minimal, 0, minimal.length - 1);
        out.write(minimal[minimal.length - 1] | 0x80);
        for (int i = 1; i < pad; i++) {
            out.write(fill | 0x80);
        }
        out.write(fill);
    }
}
