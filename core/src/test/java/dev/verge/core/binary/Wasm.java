package dev.verge.core.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds binary modules by hand for tests: sections, vectors, LEB128 numbers and names. */
final class Wasm {
    static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    /** The type section with one {@code [] -> []} function type. */
    static final byte[] ONE_EMPTY_TYPE = section(1, vec(1, b(0x60, 0, 0)));

    private Wasm() {}

    /** Bytes from ints, each taken modulo 256. */
    static byte[] b(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The minimal unsigned LEB128 encoding. */
    static byte[] u(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    /** The minimal signed LEB128 encoding. */
    static byte[] s(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }

    static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return cat(u(utf8.length), utf8);
    }

    /** A vector: the count, then the items as given. */
    static byte[] vec(int count, byte[]... items) {
        return cat(u(count), cat(items));
    }

    /** A section: id, size, contents. */
    static byte[] section(int id, byte[]... contents) {
        byte[] body = cat(contents);
        return cat(b(id), u(body.length), body);
    }

    /** A module: the header, then the sections. */
    static byte[] module(byte[]... sections) {
        return cat(HEADER, cat(sections));
    }

    /** A function body entry of the code section: size, no locals, the given instructions. */
    static byte[] body(byte[] instructions) {
        byte[] content = cat(b(0), instructions);
        return cat(u(content.length), content);
    }

    /**
     * A module with one {@code [] -> []} function whose body is {@code instructions} (which must
     * include the final end), plus one memory so memory instructions decode meaningfully.
     */
    static byte[] oneFunction(byte[] instructions) {
        return module(
                ONE_EMPTY_TYPE,
                section(3, vec(1, b(0))),
                section(5, vec(1, b(0, 1))),
                section(10, vec(1, body(instructions))));
    }
}
