package dev.verge.wasi;

import static dev.verge.wasi.WasiHarness.ALL_RIGHTS;
import static dev.verge.wasi.WasiHarness.O_CREAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.runtime.Trap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The functions' results and errnos, called from a guest with deterministic clocks and randomness. */
class WasiFunctionsTest {
    @TempDir
    Path dir;

    @Test
    void argsAndEnvironmentAreNulTerminatedStrings() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().args("prog", "é").env("A", "1").build())) {
            int count = g.alloc(4);
            int size = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.errno("args_sizes_get", count, size));
            assertEquals(2, g.memory.readI32(count));
            assertEquals(5 + 3, g.memory.readI32(size));
            int ptrs = g.alloc(8);
            int buf = g.alloc(8);
            assertEquals(Errno.SUCCESS, g.errno("args_get", ptrs, buf));
            assertEquals(buf, g.memory.readI32(ptrs));
            assertEquals(buf + 5, g.memory.readI32(ptrs + 4));
            assertArrayEquals("prog\0é\0".getBytes(StandardCharsets.UTF_8), g.memory.readBytes(buf, 8));
            assertEquals(Errno.SUCCESS, g.errno("environ_get", ptrs, buf));
            assertArrayEquals("A=1\0".getBytes(StandardCharsets.UTF_8), g.memory.readBytes(buf, 4));
        }
    }

    @Test
    void clocksComeFromTheConfiguredClock() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().clock(WasiClock.fixed(123, 456)).build())) {
            int t = g.alloc(8);
            assertEquals(Errno.SUCCESS, g.errno("clock_time_get", 0, 0L, t));
            assertEquals(123, g.memory.readI64(t));
            assertEquals(Errno.SUCCESS, g.errno("clock_time_get", 1, 0L, t));
            assertEquals(456, g.memory.readI64(t));
            assertEquals(Errno.INVAL, g.errno("clock_time_get", 9, 0L, t));
            assertEquals(Errno.SUCCESS, g.errno("clock_res_get", 1, t));
            assertEquals(1000, g.memory.readI64(t));
        }
    }

    @Test
    void randomnessComesFromTheConfiguredSource() {
        byte[] expected = new byte[100_000];
        new Random(7).nextBytes(expected);
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().random(new Random(7)).build())) {
            int buf = g.alloc(expected.length);
            assertEquals(Errno.SUCCESS, g.errno("random_get", buf, expected.length));
            // Filled chunk by chunk: the first 64 KiB equal the seeded sequence's first bytes.
            assertArrayEquals(java.util.Arrays.copyOf(expected, 65536), g.memory.readBytes(buf, 65536));
        }
    }

    @Test
    void stdinAndStdoutAreTheConfiguredStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().stdin("input".getBytes(StandardCharsets.UTF_8)).stdout(out).stderr(err).build();
        try (WasiHarness g = new WasiHarness(config)) {
            assertEquals("input", g.read(0, 100));
            assertEquals("", g.read(0, 100));
            assertEquals(Errno.SUCCESS, g.write(1, "to out"));
            assertEquals(Errno.SUCCESS, g.write(2, "to err"));
            assertEquals(Errno.SPIPE, g.errno("fd_seek", 1, 0L, 0, g.alloc(8)));
            assertEquals(Errno.NOTCAPABLE, g.write(0, "x"));
        }
        assertEquals("to out", out.toString(StandardCharsets.UTF_8));
        assertEquals("to err", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void filesAreWrittenSeekedAndReadBack() throws IOException {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().preopen(dir, ".").build())) {
            int fd = g.openOk("f.txt", O_CREAT, ALL_RIGHTS);
            assertEquals(Errno.SUCCESS, g.write(fd, "hello world"));
            int pos = g.alloc(8);
            assertEquals(Errno.SUCCESS, g.errno("fd_seek", fd, 6L, 0, pos));
            assertEquals(6, g.memory.readI64(pos));
            assertEquals("world", g.read(fd, 100));
            assertEquals(Errno.SUCCESS, g.errno("fd_tell", fd, pos));
            assertEquals(11, g.memory.readI64(pos));
            assertEquals(Errno.INVAL, g.errno("fd_seek", fd, -100L, 1, pos));
            assertEquals(Errno.SUCCESS, g.errno("fd_filestat_set_size", fd, 5L));
            assertEquals(Errno.SUCCESS, g.errno("fd_close", fd));
            assertEquals(Errno.BADF, g.errno("fd_close", fd));
        }
        assertEquals("hello", Files.readString(dir.resolve("f.txt")));
    }

    @Test
    void preopenNamesAreReported() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().preopen(dir, "/data").build())) {
            int stat = g.alloc(8);
            assertEquals(Errno.SUCCESS, g.errno("fd_prestat_get", 3, stat));
            assertEquals(0, g.memory.readI32(stat));
            assertEquals(5, g.memory.readI32(stat + 4));
            int name = g.alloc(5);
            assertEquals(Errno.SUCCESS, g.errno("fd_prestat_dir_name", 3, name, 5));
            assertEquals("/data", new String(g.memory.readBytes(name, 5), StandardCharsets.UTF_8));
            assertEquals(Errno.NAMETOOLONG, g.errno("fd_prestat_dir_name", 3, name, 2));
            assertEquals(Errno.BADF, g.errno("fd_prestat_get", 4, stat));
            assertEquals(Errno.BADF, g.errno("fd_prestat_get", 1, stat));
        }
    }

    @Test
    void readdirListsDotDotDotAndTheEntriesInNameOrder() throws IOException {
        Files.writeString(dir.resolve("b"), "");
        Files.createDirectory(dir.resolve("a"));
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().preopen(dir, ".").build())) {
            int buf = g.alloc(4096);
            int used = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.errno("fd_readdir", 3, buf, 4096, 0L, used));
            StringBuilder names = new StringBuilder();
            int at = buf;
            while (at < buf + g.memory.readI32(used)) {
                int len = g.memory.readI32(at + 16);
                names.append(new String(g.memory.readBytes(at + 24, len), StandardCharsets.UTF_8))
                        .append(':').append(g.memory.readI8(at + 20)).append(' ');
                at += 24 + len;
            }
            assertEquals(".:3 ..:3 a:3 b:4 ", names.toString());
            // Resuming from the cookie of the third entry gives the rest.
            assertEquals(Errno.SUCCESS, g.errno("fd_readdir", 3, buf, 4096, 3L, used));
            assertEquals(24 + 1, g.memory.readI32(used));
        }
    }

    @Test
    void socketsAreNotSocketsAndUnknownFdsAreBad() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().build())) {
            assertEquals(Errno.NOTSOCK, g.errno("sock_shutdown", 1, 0));
            assertEquals(Errno.BADF, g.errno("sock_shutdown", 99, 0));
            assertEquals(Errno.BADF, g.errno("fd_fdstat_get", 99, g.alloc(24)));
        }
    }

    @Test
    void procExitStopsTheGuestWithItsCode() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().build())) {
            Trap t = assertThrows(Trap.class, () -> g.function("proc_exit").call(42));
            assertEquals(42, WasiExit.find(t).code());
        }
    }

    @Test
    void pollSleepsUntilTheClockSubscriptionIsDue() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().build())) {
            int in = g.alloc(48);
            g.memory.writeI64(in, 77);          // userdata
            g.memory.writeI8(in + 8, (byte) 0); // clock
            g.memory.writeI32(in + 16, 1);      // monotonic
            g.memory.writeI64(in + 24, 1_000);  // 1 microsecond
            int out = g.alloc(32);
            int n = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.errno("poll_oneoff", in, out, 1, n));
            assertEquals(1, g.memory.readI32(n));
            assertEquals(77, g.memory.readI64(out));
            assertEquals(0, g.memory.readI16(out + 8));
            assertEquals(Errno.INVAL, g.errno("poll_oneoff", in, out, 0, n));
        }
    }
}
