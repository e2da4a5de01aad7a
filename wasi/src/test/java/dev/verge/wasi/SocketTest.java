package dev.verge.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preopened listening sockets through the WASI calls, with a real loopback client on the other
 * end: accept, receive (peek, wait-all), send, shut down, close, poll, and the errnos.
 */
class SocketTest {
    static final int NONBLOCK = 4;
    static final int PEEK = 1;
    static final int WAITALL = 2;

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

    Socket connect() throws IOException {
        return new Socket("127.0.0.1", ((InetSocketAddress) server.getLocalAddress()).getPort());
    }

    WasiHarness guest() {
        return new WasiHarness(WasiConfig.builder().preopen(dir, "/d").tcpListen(server).build());
    }

    /** sock_accept on fd 4 (after stdio and the one preopen), or fails the test; the new fd. */
    static int accept(WasiHarness g, int flags) {
        int out = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.errno("sock_accept", 4, flags, out));
        return g.memory.readI32(out);
    }

    /** sock_recv into one buffer of {@code max} bytes, or fails the test; the text received. */
    static String recv(WasiHarness g, int fd, int max, int flags) {
        int buf = g.alloc(max);
        int n = g.alloc(4);
        int roFlags = g.alloc(4);
        g.memory.writeI16(roFlags, (short) 0x7777);
        assertEquals(Errno.SUCCESS, g.errno("sock_recv", fd, g.iovec(buf, max), 1, flags, n, roFlags));
        assertEquals(0, g.memory.readI16(roFlags));
        return new String(g.memory.readBytes(buf, g.memory.readI32(n)), StandardCharsets.UTF_8);
    }

    static Errno send(WasiHarness g, int fd, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return g.errno("sock_send", fd, g.iovec(g.put(b), b.length), 1, 0, g.alloc(4));
    }

    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theListenerComesAfterThePreopensAndIsNotAPreopenedDirectory() {
        try (WasiHarness g = guest()) {
            int stat = g.alloc(24);
            assertEquals(Errno.SUCCESS, g.errno("fd_fdstat_get", 4, stat));
            assertEquals(Fd.FILETYPE_SOCKET_STREAM, g.memory.readI8(stat));
            assertEquals(Rights.LISTENER, g.memory.readI64(stat + 8));
            assertEquals(Rights.SOCKET, g.memory.readI64(stat + 16));
            // wasi-libc scans preopens with fd_prestat_get until EBADF: the socket ends the scan.
            assertEquals(Errno.SUCCESS, g.errno("fd_prestat_get", 3, g.alloc(8)));
            assertEquals(Errno.BADF, g.errno("fd_prestat_get", 4, g.alloc(8)));
            int filestat = g.alloc(64);
            assertEquals(Errno.SUCCESS, g.errno("fd_filestat_get", 4, filestat));
            assertEquals(Fd.FILETYPE_SOCKET_STREAM, g.memory.readI8(filestat + 16));
        }
    }

    @Test
    void anAcceptedConnectionReceivesSendsAndShutsDown() throws IOException {
        try (WasiHarness g = guest(); Socket client = connect()) {
            client.getOutputStream().write("hello\nworld".getBytes(StandardCharsets.UTF_8));
            int conn = accept(g, 0);
            assertEquals(5, conn);
            int stat = g.alloc(24);
            assertEquals(Errno.SUCCESS, g.errno("fd_fdstat_get", conn, stat));
            assertEquals(Fd.FILETYPE_SOCKET_STREAM, g.memory.readI8(stat));
            assertEquals(0, g.memory.readI16(stat + 2));
            assertEquals(Rights.SOCKET, g.memory.readI64(stat + 8));

            assertEquals("hello\nworld", recv(g, conn, 11, PEEK | WAITALL));
            assertEquals("hel", recv(g, conn, 3, PEEK));
            assertEquals("hello\n", recv(g, conn, 6, 0));
            assertEquals("world", g.read(conn, 100)); // fd_read works on a socket too

            assertEquals(Errno.SUCCESS, send(g, conn, "echo "));
            assertEquals(Errno.SUCCESS, g.write(conn, "back")); // and fd_write
            assertEquals(Errno.SUCCESS, g.errno("sock_shutdown", conn, 2));
            assertEquals("echo back", readAll(client.getInputStream()));
            assertEquals(Errno.PIPE, send(g, conn, "late"));

            client.shutdownOutput();
            assertEquals("", recv(g, conn, 10, 0)); // the end of the stream
            assertEquals(Errno.SUCCESS, g.errno("fd_close", conn));
            assertEquals(Errno.BADF, send(g, conn, "closed"));
        }
    }

    @Test
    void aConnectionResetByThePeerIsEconnreset() throws IOException {
        try (WasiHarness g = guest()) {
            int conn;
            try (Socket client = connect()) {
                conn = accept(g, 0);
                client.setSoLinger(true, 0); // close with a reset
            }
            int n = g.alloc(4);
            assertEquals(Errno.CONNRESET, g.errno("sock_recv", conn, g.iovec(g.alloc(8), 8), 1, 0, n, g.alloc(4)));
        }
    }

    @Test
    void waitAllWaitsForEveryByte() throws Exception {
        try (WasiHarness g = guest(); Socket client = connect()) {
            int conn = accept(g, 0);
            client.getOutputStream().write('a');
            Thread later = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(50);
                    client.getOutputStream().write("bcd".getBytes(StandardCharsets.UTF_8));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("abcd", recv(g, conn, 4, WAITALL));
            later.join();
        }
    }

    @Test
    void nonBlockingCallsThatWouldWaitAreEagain() throws IOException {
        try (WasiHarness g = guest()) {
            assertEquals(Errno.SUCCESS, g.errno("fd_fdstat_set_flags", 4, NONBLOCK));
            assertEquals(Errno.AGAIN, g.errno("sock_accept", 4, 0, g.alloc(4)));
            try (Socket client = connect()) {
                int conn = acceptWhenReady(g, NONBLOCK);
                int stat = g.alloc(24);
                assertEquals(Errno.SUCCESS, g.errno("fd_fdstat_get", conn, stat));
                assertEquals(NONBLOCK, g.memory.readI16(stat + 2));
                int n = g.alloc(4);
                assertEquals(Errno.AGAIN, g.errno("sock_recv", conn, g.iovec(g.alloc(8), 8), 1, 0, n, g.alloc(4)));
                assertEquals(Errno.AGAIN, g.errno("sock_recv", conn, g.iovec(g.alloc(8), 8), 1, PEEK, n, g.alloc(4)));
                assertEquals(Errno.AGAIN, g.errno("fd_read", conn, g.iovec(g.alloc(8), 8), 1, n));
                client.getOutputStream().write('x');
                assertEquals("x", recvWhenReady(g, conn));
            }
        }
    }

    /** A non-blocking accept, after poll_oneoff says a connection is waiting. */
    static int acceptWhenReady(WasiHarness g, int flags) {
        assertEquals(1, poll(g, 4, PollFunction.EVENTTYPE_FD_READ, -1)[0]);
        return accept(g, flags);
    }

    static String recvWhenReady(WasiHarness g, int fd) {
        assertEquals(1, poll(g, fd, PollFunction.EVENTTYPE_FD_READ, -1)[0]);
        return recv(g, fd, 100, 0);
    }

    /**
     * poll_oneoff with one fd subscription (userdata 1), and a monotonic clock (userdata 2) of
     * {@code timeoutNanos} unless negative; returns {event count, first userdata, its errno,
     * nbytes, rwflags}.
     */
    static long[] poll(WasiHarness g, int fd, int type, long timeoutNanos) {
        int count = timeoutNanos < 0 ? 1 : 2;
        int in = g.alloc(48 * count);
        g.memory.writeI64(in, 1);
        g.memory.writeI8(in + 8, (byte) type);
        g.memory.writeI32(in + 16, fd);
        if (count == 2) {
            g.memory.writeI64(in + 48, 2);
            g.memory.writeI8(in + 56, (byte) PollFunction.EVENTTYPE_CLOCK);
            g.memory.writeI32(in + 64, 1);
            g.memory.writeI64(in + 72, timeoutNanos);
        }
        int out = g.alloc(32 * count);
        int n = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.errno("poll_oneoff", in, out, count, n));
        return new long[] {g.memory.readI32(n), g.memory.readI64(out), g.memory.readI16(out + 8),
            g.memory.readI64(out + 16), g.memory.readI16(out + 24)};
    }

    @Test
    void pollReportsConnectionsBytesRoomAndHangup() throws IOException {
        try (WasiHarness g = guest()) {
            assertEquals(2, poll(g, 4, PollFunction.EVENTTYPE_FD_READ, 1_000_000)[1]); // nothing pending: the clock
            try (Socket client = connect()) {
                long[] ev = poll(g, 4, PollFunction.EVENTTYPE_FD_READ, -1);
                assertEquals(1, ev[1]);
                int conn = accept(g, 0);
                assertEquals(2, poll(g, conn, PollFunction.EVENTTYPE_FD_READ, 1_000_000)[1]);
                ev = poll(g, conn, PollFunction.EVENTTYPE_FD_WRITE, -1);
                assertEquals(1, ev[1]);
                assertEquals(0, ev[2]);
                client.getOutputStream().write("12345".getBytes(StandardCharsets.UTF_8));
                ev = poll(g, conn, PollFunction.EVENTTYPE_FD_READ, -1);
                assertEquals(1, ev[1]);
                if (ev[3] < 5) { // the bytes may arrive in two segments
                    assertEquals("12345".substring(0, (int) ev[3]), recv(g, conn, (int) ev[3], 0));
                    ev = poll(g, conn, PollFunction.EVENTTYPE_FD_READ, -1);
                }
                assertEquals("12345", recv(g, conn, 5, WAITALL));
                client.shutdownOutput();
                ev = poll(g, conn, PollFunction.EVENTTYPE_FD_READ, -1);
                assertEquals(1, ev[1]);
                assertEquals(0, ev[3]);
                assertEquals(PollFunction.EVENTRWFLAGS_HANGUP, ev[4]);
            }
        }
    }

    @Test
    void socketCallsOnOtherDescriptorsFailAsPosixSays() throws IOException {
        try (WasiHarness g = guest(); Socket client = connect()) {
            assertTrue(client.isConnected());
            int file = g.openOk("f", WasiHarness.O_CREAT, WasiHarness.ALL_RIGHTS);
            int n = g.alloc(4);
            assertEquals(Errno.NOTSOCK, g.errno("sock_accept", file, 0, n));
            assertEquals(Errno.NOTSOCK, g.errno("sock_recv", 0, g.iovec(g.alloc(8), 8), 1, 0, n, g.alloc(4)));
            assertEquals(Errno.NOTSOCK, send(g, 1, "x"));
            assertEquals(Errno.NOTSOCK, g.errno("sock_shutdown", 3, 1));
            assertEquals(Errno.BADF, g.errno("sock_accept", 99, 0, n));
            assertEquals(Errno.NOTCONN, g.errno("sock_recv", 4, g.iovec(g.alloc(8), 8), 1, 0, n, g.alloc(4)));
            assertEquals(Errno.NOTCONN, send(g, 4, "x"));
            assertEquals(Errno.NOTCONN, g.errno("sock_shutdown", 4, 3));
            assertEquals(Errno.NOTCAPABLE, g.write(4, "x")); // a listener cannot be read or written
            assertEquals(Errno.INVAL, g.errno("sock_accept", 4, 1, n)); // APPEND is no accept flag
            int conn = accept(g, 0);
            assertEquals(Errno.INVAL, g.errno("sock_accept", conn, 0, n));
            assertEquals(Errno.INVAL, g.errno("sock_shutdown", conn, 0));
            assertEquals(Errno.INVAL, g.errno("sock_shutdown", conn, 4));
            assertEquals(Errno.INVAL, g.errno("sock_recv", conn, g.iovec(g.alloc(8), 8), 1, 4, n, g.alloc(4)));
            assertEquals(Errno.INVAL, g.errno("sock_send", conn, g.iovec(g.alloc(8), 8), 1, 1, n));
            assertEquals(Errno.SPIPE, g.errno("fd_seek", conn, 0L, 0, g.alloc(8)));
            assertEquals(Errno.NOTCAPABLE, g.errno("fd_pread", conn, g.iovec(g.alloc(8), 8), 1, 0L, n)); // no seek right, as stdio
            assertEquals(Errno.FAULT, g.errno("sock_accept", 4, 0, -4)); // checked before a connection is taken
        }
    }

    @Test
    void acceptingPastTheDescriptorLimitIsEmfileAndTheConnectionWaits() throws IOException {
        WasiConfig config = WasiConfig.builder().tcpListen(server).maxOpenFds(5).build();
        try (WasiHarness g = new WasiHarness(config); Socket first = connect(); Socket second = connect()) {
            int out = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.errno("sock_accept", 3, 0, out));
            int conn = g.memory.readI32(out);
            assertEquals(4, conn);
            assertEquals(Errno.MFILE, g.errno("sock_accept", 3, 0, out));
            assertEquals(Errno.SUCCESS, g.errno("fd_close", conn));
            assertEquals(Errno.SUCCESS, g.errno("sock_accept", 3, 0, out));
            second.getOutputStream().write('2');
            assertEquals("2", recv(g, 4, 1, 0)); // the second connection, which waited in the queue
            assertEquals(-1, first.getInputStream().read()); // the first was closed with its fd
        }
    }

    @Test
    void rightsDroppedOnTheListenerAreMissingOnWhatItAccepts() throws IOException {
        try (WasiHarness g = guest(); Socket client = connect()) {
            assertTrue(client.isConnected());
            assertEquals(Errno.SUCCESS, g.errno("fd_fdstat_set_rights", 4, Rights.LISTENER, Rights.SOCKET & ~Rights.FD_WRITE));
            int conn = accept(g, 0);
            assertEquals(Errno.NOTCAPABLE, send(g, conn, "x"));
            assertEquals(Errno.NOTCAPABLE, g.write(conn, "x"));
            assertEquals(Errno.SUCCESS, g.errno("fd_fdstat_set_rights", 4, 0L, 0L));
            assertEquals(Errno.NOTCAPABLE, g.errno("sock_accept", 4, 0, g.alloc(4)));
        }
    }

    @Test
    void theListenerIsTheEmbeddersAndOutlivesTheGuest() throws IOException {
        try (WasiHarness g = guest()) {
            assertEquals(Errno.SUCCESS, g.errno("fd_close", 4));
            assertEquals(Errno.BADF, g.errno("sock_accept", 4, 0, g.alloc(4)));
        }
        assertTrue(server.isOpen());
        try (WasiHarness again = guest(); Socket client = connect()) {
            client.getOutputStream().write('!');
            assertEquals("!", recv(again, accept(again, 0), 1, 0));
        }
    }

    @Test
    void anAddressIsBoundByTheBuilderAndItsFdNumberIsKnown() throws IOException {
        WasiConfig config = WasiConfig.builder().preopen(dir, "/a").preopen(dir, "/b").tcpListen("127.0.0.1:0").build();
        try {
            assertEquals(5, config.listenerFd(0));
            InetSocketAddress at = (InetSocketAddress) config.listeners().get(0).getLocalAddress();
            assertTrue(at.getPort() > 0);
        } finally {
            config.listeners().get(0).close();
        }
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().tcpListen("localhost"));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().tcpListen("127.0.0.1:99999"));
        int taken = ((InetSocketAddress) server.getLocalAddress()).getPort();
        assertThrows(UncheckedIOException.class, () -> WasiConfig.builder().tcpListen("127.0.0.1:" + taken));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().tcpListen(ServerSocketChannel.open()));
    }
}
