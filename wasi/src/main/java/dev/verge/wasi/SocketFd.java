package dev.verge.wasi;

import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A connected TCP socket: one the guest accepted. It is the guest's own, closed with the
 * descriptor. The host channel is always non-blocking; a blocking descriptor waits for readiness
 * (see {@link ChannelWaiter}), and a wait ends with the interruption trap when the guest's
 * instance is interrupted ({@link HostWait}): the guest then ends, and bytes a {@code
 * RECV_WAITALL} had gathered are lost with it, as they are to a process killed inside
 * {@code recv}.
 *
 * <p>Java channels cannot peek, so {@code RECV_PEEK} (and {@code poll_oneoff}, which must say
 * how many bytes are ready) read ahead into a small buffer that later reads drain first. The
 * buffer holds at most {@link #PEEK_MAX} bytes: a peek returns no more than that.
 */
final class SocketFd extends Fd {
    /** The most bytes read ahead, so the most one peek returns. */
    static final int PEEK_MAX = 64 * 1024;

    final SocketChannel channel;
    private final ChannelWaiter waiter;
    /** Bytes read ahead and not yet consumed, between position and limit; null until needed. */
    private ByteBuffer ahead;
    /** The peer closed its side (a read saw the end of the stream). */
    private boolean eof;
    private boolean outputShut;

    SocketFd(SocketChannel channel, long rightsBase, int flags) {
        super(rightsBase, 0, flags);
        this.channel = channel;
        this.waiter = new ChannelWaiter(channel);
    }

    @Override
    byte filetype() {
        return FILETYPE_SOCKET_STREAM;
    }

    @Override
    void close() throws IOException {
        try {
            waiter.close();
        } finally {
            channel.close();
        }
    }

    /**
     * Reads into the vectors {@code v} (address, length pairs): whatever is there (at least one
     * byte, waiting for it unless non-blocking), or everything asked for with {@code waitAll}
     * (less only at the end of the stream). A peek copies without consuming. Returns the count;
     * 0 at the end of the stream.
     */
    int recv(WasiContext ctx, Instance instance, Memory mem, long[] v, boolean peek, boolean waitAll) throws IOException, WasiError {
        int want = GuestMemory.total(v);
        if (want == 0) {
            return 0;
        }
        if (peek) {
            int target = waitAll ? Math.min(want, PEEK_MAX) : 1;
            while (buffered() < target && !eof) {
                if (!readAhead()) {
                    if (nonBlocking()) {
                        if (buffered() > 0) {
                            break;
                        }
                        throw new WasiError(Errno.AGAIN);
                    }
                    waiter.await(SelectionKey.OP_READ, instance);
                }
            }
            int n = Math.min(buffered(), want);
            if (n > 0) {
                scatter(mem, v, 0, ahead.duplicate().limit(ahead.position() + n));
            }
            return n;
        }
        int done = 0;
        if (buffered() > 0) {
            int n = Math.min(buffered(), want);
            ByteBuffer slice = ahead.duplicate().limit(ahead.position() + n);
            scatter(mem, v, 0, slice);
            ahead.position(ahead.position() + n);
            done = n;
        }
        ByteBuffer bb = ctx.direct();
        while (done < want && !eof) {
            bb.clear().limit(Math.min(bb.capacity(), want - done));
            int n = channel.read(bb);
            if (n > 0) {
                scatter(mem, v, done, bb.flip());
                done += n;
            } else if (n < 0) {
                eof = true;
            } else if (done > 0 && !waitAll) {
                break;
            } else if (nonBlocking()) {
                if (done > 0) {
                    break;
                }
                throw new WasiError(Errno.AGAIN);
            } else {
                waiter.await(SelectionKey.OP_READ, instance);
            }
        }
        return done;
    }

    /**
     * Writes the vectors' bytes: all of them (waiting for room) unless non-blocking, in which case
     * what fits, or {@code EAGAIN} when nothing does. Returns the count.
     */
    int send(WasiContext ctx, Instance instance, Memory mem, long[] v) throws IOException, WasiError {
        if (outputShut) {
            throw new WasiError(Errno.PIPE);
        }
        int done = 0;
        ByteBuffer bb = ctx.direct();
        for (int i = 0; i < v.length; i += 2) {
            for (long off = 0; off < v[i + 1]; ) {
                int n = (int) Math.min(bb.capacity(), v[i + 1] - off);
                bb.clear().limit(n);
                mem.readBytes(v[i] + off, bb);
                bb.flip();
                while (bb.hasRemaining()) {
                    int w = channel.write(bb);
                    if (w == 0) {
                        if (nonBlocking()) {
                            int sent = done + bb.position();
                            if (sent == 0) {
                                throw new WasiError(Errno.AGAIN);
                            }
                            return sent;
                        }
                        waiter.await(SelectionKey.OP_WRITE, instance);
                    }
                }
                off += n;
                done += n;
            }
        }
        return done;
    }

    /** Shuts down reading ({@code read}), writing ({@code write}) or both. */
    void shutdown(boolean read, boolean write) throws IOException {
        if (read) {
            channel.shutdownInput();
            eof = true;
        }
        if (write) {
            channel.shutdownOutput();
            outputShut = true;
        }
    }

    /**
     * For {@code poll_oneoff}: the bytes ready to read (reading ahead what the host has), 0 with
     * {@code hangup} at the end of the stream, or -1 when nothing is ready yet.
     */
    long readable() throws IOException {
        if (buffered() == 0 && !eof) {
            readAhead();
        }
        return buffered() > 0 || eof ? buffered() : -1;
    }

    /** For {@code poll_oneoff}: true when a write would not wait (or would fail at once). */
    boolean writable() throws IOException {
        return outputShut || waiter.readyNow(SelectionKey.OP_WRITE);
    }

    /** True when the peer has closed (for reads) or this side has shut writing (for writes). */
    boolean hungUp(boolean forWrite) {
        return forWrite ? outputShut : eof && buffered() == 0;
    }

    private int buffered() {
        return ahead == null ? 0 : ahead.remaining();
    }

    /** One non-blocking read into the read-ahead buffer; false when nothing came. */
    private boolean readAhead() throws IOException {
        if (ahead == null) {
            ahead = ByteBuffer.allocate(PEEK_MAX).limit(0);
        }
        ahead.compact();
        int n;
        try {
            n = channel.read(ahead);
        } finally {
            ahead.flip();
        }
        if (n < 0) {
            eof = true;
        }
        return n != 0;
    }

    /** Copies {@code src}'s remaining bytes into the vectors, starting {@code skip} bytes in. */
    private static void scatter(Memory mem, long[] v, long skip, ByteBuffer src) {
        for (int i = 0; i < v.length && src.hasRemaining(); i += 2) {
            long len = v[i + 1];
            if (skip >= len) {
                skip -= len;
                continue;
            }
            int n = (int) Math.min(len - skip, src.remaining());
            ByteBuffer part = src.duplicate().limit(src.position() + n);
            mem.writeBytes(v[i] + skip, part);
            src.position(src.position() + n);
            skip = 0;
        }
    }
}
