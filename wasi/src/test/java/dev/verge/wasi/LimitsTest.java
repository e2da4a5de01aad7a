package dev.verge.wasi;

import static dev.verge.wasi.WasiHarness.ALL_RIGHTS;
import static dev.verge.wasi.WasiHarness.O_CREAT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guest cannot make the host hold unbounded handles or allocate unbounded buffers. */
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void openHandlesStopAtTheLimitWithEmfile() throws IOException {
        Files.writeString(dir.resolve("f"), "x");
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().preopen(dir, "/d").maxOpenFds(6).build())) {
            assertEquals(Errno.SUCCESS, g.open("f", 0, ALL_RIGHTS)); // fd 4
            int five = g.openOk("f", 0, ALL_RIGHTS);
            assertEquals(5, five);
            assertEquals(Errno.MFILE, g.open("f", 0, ALL_RIGHTS));
            assertEquals(Errno.MFILE, g.open("g", O_CREAT, ALL_RIGHTS));
            assertEquals(Errno.SUCCESS, g.errno("fd_close", five));
            assertEquals(Errno.SUCCESS, g.open("f", 0, ALL_RIGHTS));
            assertEquals(5, g.lastFd);
        }
    }

    @Test
    void aHugeWriteIsAShortWrite() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().stdout(out).maxIoSize(4096).build())) {
            int buf = g.alloc(1 << 20);
            int n = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.errno("fd_write", 1, g.iovec(buf, 1 << 20), 1, n));
            assertEquals(4096, g.memory.readI32(n));
            assertEquals(4096, out.size());
        }
    }

    @Test
    void aReadIntoAHugeVectorReadsWhatThereIs() throws IOException {
        Files.writeString(dir.resolve("small"), "tiny");
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().preopen(dir, "/d").build())) {
            int fd = g.openOk("small", 0, ALL_RIGHTS);
            int n = g.alloc(4);
            // A length far past the memory: only what is read is copied, so this is no fault.
            assertEquals(Errno.SUCCESS, g.errno("fd_read", fd, g.iovec(g.alloc(8), 0x7FFF_FFFF), 1, n));
            assertEquals(4, g.memory.readI32(n));
        }
    }

    @Test
    void tooManyIoVectorsIsInvalid() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().build())) {
            assertEquals(Errno.INVAL, g.errno("fd_write", 1, g.alloc(8), 100_000, g.alloc(4)));
        }
    }

    @Test
    void pointersOutsideMemoryAreEfaultNotACrash() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().args("a", "b").build())) {
            assertEquals(Errno.FAULT, g.errno("args_sizes_get", -8, -4));
            assertEquals(Errno.FAULT, g.errno("fd_write", 1, g.iovec(-100, 1000), 1, g.alloc(4)));
            assertEquals(Errno.FAULT, g.errno("random_get", -16, 1 << 20));
        }
    }

    @Test
    void overlongPathsAreRefused() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().preopen(dir, "/d").build())) {
            String longPath = "a/".repeat(3000);
            assertEquals(Errno.NAMETOOLONG, g.open(longPath, 0, ALL_RIGHTS));
        }
    }
}
