package dev.verge.wasi;

import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Memory;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send} and {@code sock_shutdown}, on the
 * listening sockets the embedder preopened ({@link WasiConfig.Builder#tcpListen}) and the
 * connections accepted from them. Preview1 has no way to create, bind or connect a socket.
 *
 * <p>Errors as POSIX gives them: {@code ENOTSOCK} on a descriptor that is not a socket,
 * {@code EINVAL} when accepting on a connection or with unknown flags, {@code ENOTCONN} when
 * receiving, sending or shutting down on a listening socket, {@code EAGAIN} when a non-blocking
 * call would wait, {@code EPIPE} when sending after shutting down writing, {@code EMFILE} when
 * accepting past the descriptor limit (the connection then stays queued).
 */
final class SocketFunctions {
    static final int RECV_PEEK = 1;
    static final int RECV_WAITALL = 2;
    static final int SHUT_RD = 1;
    static final int SHUT_WR = 2;

    private SocketFunctions() {}

    static void define(Definer d) {
        d.fn("sock_accept", "iii", (ctx, mem, a) -> accept(ctx, a.instance(), mem, a.i32(0), a.i32(1), GuestMemory.u32(a.i32(2))));
        d.fn("sock_recv", "iiiiii", (ctx, mem, a) -> {
            SocketFd s = connected(ctx, a.i32(0), Rights.FD_READ);
            int flags = a.i32(3);
            if ((flags & ~(RECV_PEEK | RECV_WAITALL)) != 0) {
                return Errno.INVAL.code();
            }
            long[] v = GuestMemory.iovecs(mem, a.i32(1), a.i32(2), ctx.maxIo());
            long lenOut = GuestMemory.u32(a.i32(4));
            long flagsOut = GuestMemory.u32(a.i32(5));
            int n = s.recv(ctx, a.instance(), mem, v, (flags & RECV_PEEK) != 0, (flags & RECV_WAITALL) != 0);
            mem.writeI32(lenOut, n);
            mem.writeI16(flagsOut, (short) 0); // RECV_DATA_TRUNCATED only happens to datagrams
            return 0;
        });
        d.fn("sock_send", "iiiii", (ctx, mem, a) -> {
            SocketFd s = connected(ctx, a.i32(0), Rights.FD_WRITE);
            if (a.i32(3) != 0) {
                return Errno.INVAL.code(); // siflags has no flags defined
            }
            long[] v = GuestMemory.iovecs(mem, a.i32(1), a.i32(2), ctx.maxIo());
            mem.writeI32(GuestMemory.u32(a.i32(4)), s.send(ctx, a.instance(), mem, v));
            return 0;
        });
        d.fn("sock_shutdown", "ii", (ctx, mem, a) -> {
            SocketFd s = connected(ctx, a.i32(0), Rights.SOCK_SHUTDOWN);
            int how = a.i32(1);
            if (how == 0 || (how & ~(SHUT_RD | SHUT_WR)) != 0) {
                return Errno.INVAL.code();
            }
            s.shutdown((how & SHUT_RD) != 0, (how & SHUT_WR) != 0);
            return 0;
        });
    }

    private static int accept(WasiContext ctx, Instance instance, Memory mem, int fdNum, int flags, long fdOut) throws WasiError, IOException {
        ListenerFd listener = switch (ctx.fds.get(fdNum)) {
            case ListenerFd l -> l;
            case SocketFd s -> throw new WasiError(Errno.INVAL); // as accept(2) on a socket that is not listening
            default -> throw new WasiError(Errno.NOTSOCK);
        };
        listener.require(Rights.SOCK_ACCEPT);
        if ((flags & ~Fd.FDFLAG_NONBLOCK) != 0) {
            return Errno.INVAL.code();
        }
        ctx.fds.ensureRoom();
        mem.writeI32(fdOut, -1); // a bad result address fails here, before a connection is taken
        SocketChannel c = listener.accept(instance);
        int fd;
        try {
            fd = ctx.fds.add(new SocketFd(c, listener.rightsInheriting & Rights.SOCKET, flags));
        } catch (WasiError e) {
            c.close();
            throw e;
        }
        mem.writeI32(fdOut, fd);
        return 0;
    }

    /** The connected socket {@code fdNum}, with {@code rights}. */
    private static SocketFd connected(WasiContext ctx, int fdNum, long rights) throws WasiError {
        return switch (ctx.fds.get(fdNum)) {
            case SocketFd s -> {
                s.require(rights);
                yield s;
            }
            case ListenerFd l -> throw new WasiError(Errno.NOTCONN);
            default -> throw new WasiError(Errno.NOTSOCK);
        };
    }
}
