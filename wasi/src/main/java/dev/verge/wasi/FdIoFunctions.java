package dev.verge.wasi;

import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * {@code fd_read}, {@code fd_write}, {@code fd_pread}, {@code fd_pwrite}, {@code fd_seek} and
 * {@code fd_tell}. Data moves between guest memory and the host in bulk copies through the
 * context's scratch buffer, never byte by byte, and one call moves at most the configured
 * maximum (a short read or write beyond it).
 */
final class FdIoFunctions {
    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    private FdIoFunctions() {}

    static void define(Definer d) {
        d.fn("fd_write", "iiii", (ctx, mem, a) -> written(mem, a.i32(3), write(ctx, a.instance(), mem, a.i32(0), a.i32(1), a.i32(2), -1)));
        d.fn("fd_pwrite", "iiiIi", (ctx, mem, a) -> written(mem, a.i32(4), write(ctx, a.instance(), mem, a.i32(0), a.i32(1), a.i32(2), offset(a.i64(3)))));
        d.fn("fd_read", "iiii", (ctx, mem, a) -> written(mem, a.i32(3), read(ctx, a.instance(), mem, a.i32(0), a.i32(1), a.i32(2), -1)));
        d.fn("fd_pread", "iiiIi", (ctx, mem, a) -> written(mem, a.i32(4), read(ctx, a.instance(), mem, a.i32(0), a.i32(1), a.i32(2), offset(a.i64(3)))));
        d.fn("fd_seek", "iIii", (ctx, mem, a) -> {
            long pos = seek(ctx.fds.get(a.i32(0)), a.i64(1), a.i32(2));
            mem.writeI64(GuestMemory.u32(a.i32(3)), pos);
            return 0;
        });
        d.fn("fd_tell", "ii", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            fd.require(Rights.FD_TELL);
            mem.writeI64(GuestMemory.u32(a.i32(1)), file(fd).channel.position());
            return 0;
        });
    }

    private static long offset(long offset) throws WasiError {
        if (offset < 0) {
            throw new WasiError(Errno.INVAL);
        }
        return offset;
    }

    private static int written(Memory mem, int ptr, int n) {
        mem.writeI32(GuestMemory.u32(ptr), n);
        return 0;
    }

    // Kinds of descriptor for the switches of fd_write and fd_read, which run at every start: a
    // switch on types bootstraps through invokedynamic at first use, about 4 ms for the first in
    // a process (see RATIONALE.md, start-up); a switch on ints costs nothing.
    private static final int STREAM = 0;
    private static final int FILE = 1;
    private static final int DIR = 2;
    private static final int SOCKET = 3;
    private static final int LISTENER = 4;

    private static int kind(Fd fd) {
        if (fd instanceof FileFd) {
            return FILE;
        }
        if (fd instanceof StreamFd) {
            return STREAM;
        }
        if (fd instanceof DirFd) {
            return DIR;
        }
        return fd instanceof SocketFd ? SOCKET : LISTENER;
    }

    static FileFd file(Fd fd) throws WasiError {
        return switch (fd) {
            case FileFd f -> f;
            case DirFd x -> throw new WasiError(Errno.ISDIR);
            case StreamFd x -> throw new WasiError(Errno.SPIPE);
            case SocketFd x -> throw new WasiError(Errno.SPIPE);
            case ListenerFd x -> throw new WasiError(Errno.SPIPE);
        };
    }

    /** Writes the vectors' bytes at {@code position}, or at the current position when it is -1. */
    private static int write(WasiContext ctx, Instance instance, Memory mem, int fdNum, int iovs, int count, long position) throws WasiError, IOException {
        Fd fd = ctx.fds.get(fdNum);
        fd.require(position < 0 ? Rights.FD_WRITE : Rights.FD_WRITE | Rights.FD_SEEK);
        long[] v = GuestMemory.iovecs(mem, iovs, count, ctx.maxIo());
        int done = 0;
        switch (kind(fd)) {
            case STREAM -> {
                StreamFd s = (StreamFd) fd;
                if (position >= 0) {
                    throw new WasiError(Errno.SPIPE);
                }
                if (s.outChannel != null) {
                    done = writeChannel(ctx, mem, v, s.outChannel, -1);
                } else {
                    byte[] buf = ctx.scratch(GuestMemory.total(v));
                    for (int i = 0; i < v.length; i += 2) {
                        for (long off = 0; off < v[i + 1]; ) {
                            int n = (int) Math.min(buf.length, v[i + 1] - off);
                            mem.readBytes(v[i] + off, buf, 0, n);
                            s.out.write(buf, 0, n);
                            off += n;
                            done += n;
                        }
                    }
                    s.out.flush();
                }
            }
            case FILE -> {
                FileFd f = (FileFd) fd;
                f.requireWritable();
                if (position < 0 && (f.flags & Fd.FDFLAG_APPEND) != 0) {
                    f.channel.position(f.channel.size());
                }
                // At the current position: one write(2), the kernel moves the position.
                done = writeChannel(ctx, mem, v, f.channel, position);
            }
            case DIR -> throw new WasiError(Errno.ISDIR);
            case SOCKET -> {
                SocketFd sock = (SocketFd) fd;
                if (position >= 0) {
                    throw new WasiError(Errno.SPIPE);
                }
                done = sock.send(ctx, instance, mem, v);
            }
            case LISTENER -> throw new WasiError(Errno.NOTCONN);
        }
        return done;
    }

    /**
     * Writes the vectors' bytes to {@code channel} through the direct buffer, at {@code at} (a
     * file channel) or where the channel is (at -1); returns the count.
     */
    private static int writeChannel(WasiContext ctx, Memory mem, long[] v, java.nio.channels.WritableByteChannel channel, long at)
            throws IOException {
        int done = 0;
        for (int i = 0; i < v.length; i += 2) {
            for (long off = 0; off < v[i + 1]; ) {
                int n = (int) Math.min(ctx.direct().capacity(), v[i + 1] - off);
                ByteBuffer bb = ctx.direct().clear().limit(n);
                mem.readBytes(v[i] + off, bb);
                bb.flip();
                while (bb.hasRemaining()) {
                    int w = at >= 0 ? ((java.nio.channels.FileChannel) channel).write(bb, at + done + (n - bb.remaining()))
                            : channel.write(bb);
                    if (w < 0) {
                        throw new IOException("Broken pipe");
                    }
                }
                off += n;
                done += n;
            }
        }
        return done;
    }

    /** Reads into the vectors from {@code position}, or from the current position when it is -1. */
    private static int read(WasiContext ctx, Instance instance, Memory mem, int fdNum, int iovs, int count, long position) throws WasiError, IOException {
        Fd fd = ctx.fds.get(fdNum);
        fd.require(position < 0 ? Rights.FD_READ : Rights.FD_READ | Rights.FD_SEEK);
        long[] v = GuestMemory.iovecs(mem, iovs, count, ctx.maxIo());
        int done = 0;
        switch (kind(fd)) {
            case STREAM -> {
                StreamFd s = (StreamFd) fd;
                if (position >= 0) {
                    throw new WasiError(Errno.SPIPE);
                }
                byte[] buf = ctx.scratch(GuestMemory.total(v));
                // One read from the stream, at most one buffer: a stream returns what it has,
                // and waiting to fill every vector could block on input that never comes.
                int want = Math.min(buf.length, GuestMemory.total(v));
                if (want > 0) {
                    int n = s.in.read(instance, buf, 0, want);
                    if (n > 0) {
                        GuestMemory.scatter(mem, v, buf, n);
                        done = n;
                    }
                }
            }
            case FILE -> {
                FileFd f = (FileFd) fd;
                // At the current position: one read(2) per chunk, the kernel moves the position.
                long at = position;
                outer:
                for (int i = 0; i < v.length; i += 2) {
                    for (long off = 0; off < v[i + 1]; ) {
                        int want = (int) Math.min(ctx.direct().capacity(), v[i + 1] - off);
                        ByteBuffer bb = ctx.direct().clear().limit(want);
                        int n = at >= 0 ? f.channel.read(bb, at) : f.channel.read(bb);
                        if (n <= 0) {
                            break outer;
                        }
                        mem.writeBytes(v[i] + off, bb.flip());
                        if (at >= 0) {
                            at += n;
                        }
                        off += n;
                        done += n;
                        if (n < want) {
                            break outer;
                        }
                    }
                }
            }
            case DIR -> throw new WasiError(Errno.ISDIR);
            case SOCKET -> {
                SocketFd sock = (SocketFd) fd;
                if (position >= 0) {
                    throw new WasiError(Errno.SPIPE);
                }
                done = sock.recv(ctx, instance, mem, v, false, false);
            }
            case LISTENER -> throw new WasiError(Errno.NOTCONN);
        }
        return done;
    }

    private static long seek(Fd fd, long offset, int whence) throws WasiError, IOException {
        if (fd instanceof StreamFd || fd instanceof SocketFd || fd instanceof ListenerFd) {
            throw new WasiError(Errno.SPIPE); // as lseek on a pipe: the answer programs test for
        }
        fd.require(offset == 0 && whence == WHENCE_CUR ? Rights.FD_TELL : Rights.FD_SEEK);
        FileFd f = file(fd);
        long base = switch (whence) {
            case WHENCE_SET -> 0;
            case WHENCE_CUR -> f.channel.position();
            case WHENCE_END -> f.channel.size();
            default -> throw new WasiError(Errno.INVAL);
        };
        long pos = base + offset;
        if (pos < 0 || (offset > 0 && pos < base)) {
            throw new WasiError(Errno.INVAL);
        }
        f.channel.position(pos);
        return pos;
    }
}
