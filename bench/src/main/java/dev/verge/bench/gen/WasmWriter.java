package dev.verge.bench.gen;

import java.util.Arrays;

/**
 * A growable byte buffer with the binary format's primitive encodings (LEB128 integers, names,
 * sized sections). The generator writes modules directly with it, so the benchmark does not depend
 * on any encoder under test.
 */
final class WasmWriter {
    private byte[] bytes = new byte[256];
    private int size;

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void u8(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    void bytes(byte[] data) {
        for (byte b : data) {
            u8(b);
        }
    }

    void append(WasmWriter other) {
        int needed = size + other.size;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        System.arraycopy(other.bytes, 0, bytes, size, other.size);
        size = needed;
    }

    void u32(long value) {
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    void s32(int value) {
        s64(value);
    }

    void s64(long value) {
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }

    void f32(float value) {
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            u8(bits >>> (8 * i));
        }
    }

    void f64(double value) {
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) {
            u8((int) (bits >>> (8 * i)));
        }
    }

    void name(String name) {
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        u32(utf8.length);
        bytes(utf8);
    }

    /** Writes a section: its id, its size, then its contents. */
    void section(int id, WasmWriter contents) {
        u8(id);
        u32(contents.size());
        append(contents);
    }
}
