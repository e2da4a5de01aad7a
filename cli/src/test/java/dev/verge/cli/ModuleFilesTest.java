package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the files named on the command line: the content, or a short reason. */
class ModuleFilesTest {
    @TempDir
    Path dir;

    private static String reason(String name) {
        return assertThrows(ModuleFiles.Unreadable.class, () -> ModuleFiles.read(name)).getMessage();
    }

    @Test
    void readsTheWholeFile() throws Exception {
        byte[] content = new byte[100_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("m.wasm"), content);
        assertArrayEquals(content, ModuleFiles.read(file.toString()));
        assertArrayEquals(content, ModuleFiles.readAll(file));
        assertArrayEquals(new byte[0], ModuleFiles.read(Files.write(dir.resolve("empty"), new byte[0]).toString()));
    }

    @Test
    void saysWhyAFileCannotBeRead() throws IOException {
        assertEquals("no such file", reason(dir.resolve("missing.wasm").toString()));
        assertEquals("no such file", reason(dir.resolve("no/such/dir.wasm").toString()));
        assertEquals("is a directory", reason(dir.toString()));
        assertEquals("invalid path", reason("a\0b.wasm"));
        Path locked = Files.writeString(dir.resolve("locked.wasm"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(locked), "root reads any file");
        assertEquals("permission denied", reason(locked.toString()));
    }
}
