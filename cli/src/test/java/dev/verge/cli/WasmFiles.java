package dev.verge.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny hand-made binary modules for the tests, and a way to put them in files. */
final class WasmFiles {
    private WasmFiles() {}

    /** The magic number and version 1. */
    static final int[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    /** The smallest valid module: just the header. */
    static byte[] empty() {
        return module();
    }

    /** A header followed by the given sections. */
    static byte[] module(int[]... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : HEADER) {
            out.write(b);
        }
        for (int[] section : sections) {
            for (int b : section) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** A section: its id, its size (one byte, so under 128) and its contents. */
    static int[] section(int id, int... content) {
        int[] s = new int[content.length + 2];
        s[0] = id;
        s[1] = content.length;
        System.arraycopy(content, 0, s, 2, content.length);
        return s;
    }

    /** {@code (func (result i32) i32.const 42)}: valid. */
    static byte[] answer() {
        return module(
                section(1, 1, 0x60, 0, 1, 0x7F),
                section(3, 1, 0),
                section(10, 1, 4, 0, 0x41, 42, 0x0B));
    }

    /** {@code (func (result i32))} with an empty body: well-formed but invalid (type mismatch). */
    static byte[] missingResult() {
        return module(
                section(1, 1, 0x60, 0, 1, 0x7F),
                section(3, 1, 0),
                section(10, 1, 2, 0, 0x0B));
    }

    /** Not a module at all: the magic number is wrong. */
    static byte[] badMagic() {
        return new byte[] {0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00};
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource next to the tests, e.g. {@code sample.wasm}. */
    static byte[] resource(String name) {
        try (InputStream in = WasmFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
