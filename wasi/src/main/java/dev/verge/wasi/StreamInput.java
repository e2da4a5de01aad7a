package dev.verge.wasi;

import dev.verge.core.runtime.Instance;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Stdin as the guest reads it: the embedder's Java stream, read so that a guest blocked waiting
 * for input still ends when its instance is interrupted. A Java stream cannot be polled or woken
 * (a {@code FileInputStream} on a pipe or a terminal ignores {@link Thread#interrupt}), so:
 *
 * <ul>
 *   <li>when the stream says bytes are {@link InputStream#available() available}, the guest's
 *       thread reads them itself: that read does not wait (the common case, and the fast one);
 *   <li>otherwise the read may wait (or be at the end of the stream: a pipe cannot tell), and it
 *       is handed to a virtual thread while the guest's thread waits for it in {@link HostWait},
 *       where an interrupt reaches it.
 * </ul>
 *
 * <p>An interrupted guest leaves its hand-off read behind, still waiting in the stream. What it
 * reads later is kept here and is what this descriptor's next read returns (an embedder calling
 * the same instance again loses nothing); another {@link Wasi} reading the same Java stream
 * would not see those bytes, and must not read the stream while that read is still waiting in
 * it. With no instance to interrupt (called from Java) the stream is read directly.
 */
final class StreamInput {
    private final InputStream in;
    /** A read handed to another thread that no guest read has taken yet, or null. */
    private HandOff pending;
    /** Bytes a hand-off read got beyond what the read that took it asked for, from {@link #restAt}. */
    private byte[] rest;
    private int restAt;
    private int restEnd;

    StreamInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads at most {@code len} bytes (at least one, waiting for it, unless at the end: -1).
     *
     * @throws dev.verge.core.runtime.Trap when {@code instance} is interrupted while waiting
     */
    int read(Instance instance, byte[] buf, int off, int len) throws IOException, WasiError {
        if (restAt < restEnd) {
            return takeRest(buf, off, len);
        }
        if (pending == null) {
            if (instance == null) {
                return in.read(buf, off, len);
            }
            int available = in.available();
            if (available > 0) {
                return in.read(buf, off, Math.min(len, available));
            }
            pending = HandOff.start(in, len);
        }
        pending.await(instance); // an interrupt leaves it pending, for the next read
        HandOff done = pending;
        pending = null;
        if (done.error != null) {
            throw done.error;
        }
        if (done.count <= 0) {
            return done.count;
        }
        rest = done.buf;
        restAt = 0;
        restEnd = done.count;
        return takeRest(buf, off, len);
    }

    /** The bytes a read could take now without waiting (for {@code poll_oneoff}). */
    int available() throws IOException {
        if (restAt < restEnd) {
            return restEnd - restAt;
        }
        if (pending != null) {
            return pending.done ? Math.max(0, pending.count) : 0;
        }
        return in.available();
    }

    private int takeRest(byte[] buf, int off, int len) {
        int n = Math.min(len, restEnd - restAt);
        System.arraycopy(rest, restAt, buf, off, n);
        restAt += n;
        if (restAt == restEnd) {
            rest = null;
            restAt = restEnd = 0;
        }
        return n;
    }

    /** One read of the stream on a virtual thread of its own, and its outcome once done. */
    private static final class HandOff {
        final byte[] buf;
        int count;
        IOException error;
        /** Set last by the reading thread: count and error are visible once it is true. */
        volatile boolean done;
        /** The thread waiting for the outcome, unparked when it comes. */
        volatile Thread waiter;

        private HandOff(int len) {
            buf = new byte[len];
        }

        static HandOff start(InputStream in, int len) {
            HandOff h = new HandOff(len);
            Thread.ofVirtual().name("verge-wasi-stdin").start(() -> {
                try {
                    h.count = in.read(h.buf, 0, h.buf.length);
                } catch (IOException e) {
                    h.error = e;
                } catch (RuntimeException e) {
                    h.error = new IOException(e); // the embedder's stream failed: an I/O error for the guest
                } finally {
                    h.done = true;
                    Thread w = h.waiter;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
            });
            return h;
        }

        void await(Instance instance) throws WasiError {
            waiter = Thread.currentThread();
            HostWait.until(instance, () -> done);
        }
    }
}
