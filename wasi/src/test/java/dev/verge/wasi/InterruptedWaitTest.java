package dev.verge.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import dev.verge.text.Wat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest blocked in a WASI call that waits (accept, receive, send on a full connection, a read of
 * stdin from a pipe, poll_oneoff on a clock or a socket) is stopped by its instance's deadline
 * like an endless loop: the call ends with the interruption trap, the guest's thread is released,
 * and what the guest holds (its preopened directory, the embedder's listening socket, the
 * connection, the pipe) still works afterwards. No timing is asserted: each call gets a generous
 * bound only so that a regression fails instead of hanging the build.
 */
class InterruptedWaitTest {
    /** Far beyond any deadline here: only a call that does not stop reaches it. */
    static final Duration BOUND = Duration.ofSeconds(60);
    static final Duration DEADLINE = Duration.ofMillis(200);
    static final long HOUR_NANOS = 3_600_000_000_000L;

    @TempDir
    Path dir;

    ServerSocketChannel server;

    @BeforeEach
    void bind() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void unbind() throws IOException {
        server.close();
    }

    WasiHarness guest() {
        return new WasiHarness(WasiConfig.builder().preopen(dir, "/d").tcpListen(server).build());
    }

    Socket connect() throws IOException {
        return new Socket("127.0.0.1", ((InetSocketAddress) server.getLocalAddress()).getPort());
    }

    /**
     * Calls {@code name} from the guest with a deadline: it must end with the interruption trap
     * (raised inside the guest's call, so with a backtrace), with the request consumed and the
     * thread's Java interrupt status clear.
     */
    static Trap interrupted(WasiHarness g, String name, Object... args) {
        Instance.Deadline deadline = g.instance().interruptAfter(DEADLINE);
        try {
            Trap t = assertTimeoutPreemptively(BOUND, () -> {
                Trap trap = assertThrows(Trap.class, () -> g.call(name, args));
                assertFalse(Thread.currentThread().isInterrupted(), "the waiting thread was interrupted");
                return trap;
            });
            assertEquals(TrapKind.INTERRUPTED, t.kind());
            assertFalse(t.backtrace().isEmpty(), "no guest frames: " + t.getMessage());
            assertFalse(g.instance().interruptRequested());
            return t;
        } finally {
            deadline.close();
        }
    }

    /** The preopened directory still works: a file written and read back through the guest. */
    static void assertPreopenWorks(WasiHarness g) {
        int fd = g.openOk("after.txt", WasiHarness.O_CREAT, WasiHarness.ALL_RIGHTS);
        assertEquals(Errno.SUCCESS, g.write(fd, "still here"));
        assertEquals(Errno.SUCCESS, g.errno("fd_seek", fd, 0L, FdIoFunctions.WHENCE_SET, g.alloc(8)));
        assertEquals("still here", g.read(fd, 100));
        assertEquals(Errno.SUCCESS, g.errno("fd_close", fd));
    }

    @Test
    void acceptWaitingForAConnectionStopsAtTheDeadline() throws IOException {
        try (WasiHarness g = guest()) {
            Files.writeString(dir.resolve("before.txt"), "opened before");
            int before = g.openOk("before.txt", 0, WasiHarness.ALL_RIGHTS);
            interrupted(g, "sock_accept", 4, 0, g.alloc(4));
            // A file opened before the wait was not closed by it, nor was anything else.
            assertEquals("opened before", g.read(before, 100));
            assertPreopenWorks(g);
            assertTrue(server.isOpen());
            try (Socket client = connect()) {
                assertTrue(client.isConnected());
                assertTrue(SocketTest.accept(g, 0) > 4); // the same guest accepts again
            }
            // And the embedder's listening socket still serves the host itself.
            try (Socket client = connect(); SocketChannel mine = server.accept()) {
                assertNotNull(mine);
                assertTrue(client.isConnected());
            }
        }
    }

    @Test
    void receiveWaitingForBytesStopsAtTheDeadline() throws IOException {
        try (WasiHarness g = guest(); Socket client = connect()) {
            int conn = SocketTest.accept(g, 0);
            interrupted(g, "sock_recv", conn, g.iovec(g.alloc(16), 16), 1, 0, g.alloc(4), g.alloc(4));
            interrupted(g, "sock_recv", conn, g.iovec(g.alloc(16), 16), 1, SocketTest.PEEK, g.alloc(4), g.alloc(4));
            interrupted(g, "fd_read", conn, g.iovec(g.alloc(16), 16), 1, g.alloc(4));
            // The connection survives: what the client sends next is received.
            client.getOutputStream().write("late".getBytes(StandardCharsets.UTF_8));
            assertEquals("late", SocketTest.recv(g, conn, 4, SocketTest.WAITALL));
            assertPreopenWorks(g);
        }
    }

    @Test
    void sendWaitingForRoomStopsAtTheDeadline() throws IOException {
        try (WasiHarness g = guest(); Socket client = new Socket()) {
            client.setReceiveBufferSize(4096); // a small window that the client never drains
            client.connect(server.getLocalAddress());
            int conn = SocketTest.accept(g, 0);
            // 12 MiB from 4 vectors over the same 3 MiB of memory: far more than both buffers hold.
            int iovs = g.alloc(32);
            for (int i = 0; i < 4; i++) {
                g.memory.writeI32(iovs + 8 * i, 0);
                g.memory.writeI32(iovs + 8 * i + 4, 3 << 20);
            }
            interrupted(g, "sock_send", conn, iovs, 4, 0, g.alloc(4));
            interrupted(g, "fd_write", conn, iovs, 4, g.alloc(4));
            assertPreopenWorks(g);
        }
    }

    @Test
    void readingStdinFromAPipeStopsAtTheDeadlineAndKeepsWhatComesLater() throws IOException {
        // A real OS pipe, as `verge run` reads when its stdin is piped: cat's output, which has
        // nothing until the test writes to cat's input.
        Process cat = new ProcessBuilder("cat").start();
        InputStream pipe = cat.getInputStream();
        OutputStream feed = cat.getOutputStream();
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().preopen(dir, "/d").stdin(pipe).build())) {
            interrupted(g, "fd_read", 0, g.iovec(g.alloc(100), 100), 1, g.alloc(4));
            feed.write("late\n".getBytes(StandardCharsets.UTF_8));
            feed.flush();
            // The read left waiting in the pipe got these bytes: the next read returns them.
            assertEquals("late\n", assertTimeoutPreemptively(BOUND, () -> g.read(0, 100)));
            feed.write("more".getBytes(StandardCharsets.UTF_8));
            feed.close();
            assertEquals("more", assertTimeoutPreemptively(BOUND, () -> g.read(0, 100)));
            assertEquals("", assertTimeoutPreemptively(BOUND, () -> g.read(0, 100))); // the end
            assertPreopenWorks(g);
        } finally {
            cat.destroy();
            pipe.close();
        }
    }

    @Test
    void aLongSleepInPollStopsAtTheDeadline() {
        try (WasiHarness g = guest()) {
            int in = clockSubscription(g, HOUR_NANOS);
            interrupted(g, "poll_oneoff", in, g.alloc(32), 1, g.alloc(4));
            assertPreopenWorks(g);
        }
    }

    @Test
    void pollWaitingOnSocketsStopsAtTheDeadline() throws IOException {
        try (WasiHarness g = guest(); Socket client = connect()) {
            int conn = SocketTest.accept(g, 0);
            // The listener (no second connection comes) and the connection (no bytes come), with
            // no clock, then with a clock of an hour.
            int in = g.alloc(48 * 3);
            fdSubscription(g, in, 4);
            fdSubscription(g, in + 48, conn);
            interrupted(g, "poll_oneoff", in, g.alloc(32 * 2), 2, g.alloc(4));
            int clock = clockSubscription(g, HOUR_NANOS);
            g.memory.writeBytes(in + 96, g.memory.readBytes(clock, 48));
            interrupted(g, "poll_oneoff", in, g.alloc(32 * 3), 3, g.alloc(4));
            client.getOutputStream().write('x');
            assertEquals("x", SocketTest.recvWhenReady(g, conn)); // poll works afterwards
        }
    }

    @Test
    void anInterruptRequestedBeforeTheCallStopsItWithoutWaiting() {
        try (WasiHarness g = guest()) {
            g.instance().interrupt();
            Trap t = assertTimeoutPreemptively(BOUND,
                    () -> assertThrows(Trap.class, () -> g.call("sock_accept", 4, 0, g.alloc(4))));
            assertEquals(TrapKind.INTERRUPTED, t.kind());
            // Consumed by that call: the next one runs normally.
            assertEquals(Errno.SUCCESS, g.errno("poll_oneoff", clockSubscription(g, 1), g.alloc(32), 1, g.alloc(4)));
        }
    }

    @Test
    void aJavaInterruptOfTheWaitingThreadIsEintr() {
        try (WasiHarness g = guest()) {
            int in = clockSubscription(g, HOUR_NANOS);
            Errno e = assertTimeoutPreemptively(BOUND, () -> {
                Thread.currentThread().interrupt();
                try {
                    return g.errno("poll_oneoff", in, g.alloc(32), 1, g.alloc(4));
                } finally {
                    assertTrue(Thread.interrupted(), "the interrupt status is left for the embedder");
                }
            });
            assertEquals(Errno.INTR, e);
        }
    }

    /**
     * A whole guest: {@code _start} retries {@code sock_accept} whatever it returns, so only a
     * trap can end it: the deadline ends it as it ends an endless loop.
     */
    @Test
    void aGuestThatRetriesForeverStillEndsAtItsDeadline() {
        String wat = """
                (module
                  (import "wasi_snapshot_preview1" "sock_accept" (func $accept (param i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (func (export "_start")
                    (loop $again
                      (drop (call $accept (i32.const 4) (i32.const 0) (i32.const 16)))
                      (br $again))))
                """;
        Linker linker = new Linker();
        try (Wasi wasi = Wasi.addTo(linker, WasiConfig.builder().preopen(dir, "/d").tcpListen(server).build())) {
            assertNotNull(wasi);
            Instance instance = linker.instantiate(new Engine().compile(Wat.parse(wat)));
            try (Instance.Deadline d = instance.interruptAfter(DEADLINE)) {
                assertNotNull(d);
                Trap t = assertTimeoutPreemptively(BOUND, () -> assertThrows(Trap.class, () -> Wasi.runStart(instance)));
                assertEquals(TrapKind.INTERRUPTED, t.kind());
                assertEquals("interrupted", t.getMessage());
            }
        }
    }

    /** A monotonic clock subscription (userdata 9) of {@code nanos}, relative; its address. */
    static int clockSubscription(WasiHarness g, long nanos) {
        int in = g.alloc(48);
        g.memory.writeI64(in, 9);
        g.memory.writeI8(in + 8, (byte) PollFunction.EVENTTYPE_CLOCK);
        g.memory.writeI32(in + 16, 1);
        g.memory.writeI64(in + 24, nanos);
        return in;
    }

    /** A read subscription on {@code fd} at {@code at}. */
    static void fdSubscription(WasiHarness g, int at, int fd) {
        g.memory.writeI64(at, fd);
        g.memory.writeI8(at + 8, (byte) PollFunction.EVENTTYPE_FD_READ);
        g.memory.writeI32(at + 16, fd);
    }
}
