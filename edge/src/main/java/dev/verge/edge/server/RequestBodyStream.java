package dev.verge.edge.server;

import dev.verge.edge.guest.GuestRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.IO;

/**
 * The request body as the guest's stdin, read from the connection as the guest asks for it (never
 * held whole). At most {@code limit} bytes are given: a read that would cross it fails (the guest
 * sees an I/O error) and is remembered, so the server answers 413 instead of whatever the guest
 * makes of a cut body. Time spent waiting for the client does not count as the guest's CPU time.
 *
 * <p>It reads the request's chunks itself (as Jetty's {@code Content.Source.asInputStream} does)
 * so that {@link #available()} can take the next chunk the connection already holds without
 * waiting: WASI reads stdin on the guest's thread while bytes are available and hands only reads
 * that would wait for the client to a thread of their own (so the guest's wall limit can end the
 * wait: the wasi module's {@code StreamInput}), and a hand-off per chunk would cost more than the
 * chunk's copy.
 */
final class RequestBodyStream extends InputStream {
    private final Request request;
    private final long limit;
    /** A wait for the client in progress (see {@link #end}), or null. */
    private volatile CompletableFuture<Void> waiting;
    private volatile boolean ended;
    /** The chunk being read, or null before the first and between chunks. */
    private Content.Chunk chunk;
    private long read;
    private boolean overLimit;
    private volatile GuestRunner.BudgetRef budget;

    RequestBodyStream(Request request, long limit) {
        this.request = request;
        this.limit = limit;
    }

    /** Lets reads stop the run's CPU clock while they wait for the client. */
    void attach(GuestRunner.BudgetRef budget) {
        this.budget = budget;
    }

    /** Whether the body turned out longer than the limit (only known once the guest read that far). */
    boolean overLimit() {
        return overLimit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** The bytes of the chunk at hand, or of the next one if the connection holds it already: never waits. */
    @Override
    public int available() throws IOException {
        if (overLimit) {
            return 0;
        }
        Content.Chunk c = ready();
        return c == null ? 0 : (int) Math.min(c.remaining(), limit - read + 1);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (overLimit) {
            throw new IOException("request body over its limit of " + limit + " bytes");
        }
        if (len == 0) {
            return 0;
        }
        Content.Chunk c = ready();
        if (c == null) {
            c = blocking(this::awaitChunk);
        }
        if (!c.hasRemaining()) {
            return -1; // the last chunk, read to its end
        }
        // One byte more than the limit allows is enough to tell that the body is too long.
        int n = (int) Math.min(Math.min(len, c.remaining()), limit - read + 1);
        c.getByteBuffer().get(b, off, n);
        read += n;
        if (read > limit) {
            overLimit = true;
            throw new IOException("request body over its limit of " + limit + " bytes");
        }
        return n;
    }

    /**
     * The chunk to read from now: one with bytes left, or the last one (the end); null when the
     * client has sent nothing more yet. A failed read (the client gone, a bad chunk) throws, and
     * throws again at the next read when it is final.
     */
    private Content.Chunk ready() throws IOException {
        while (true) {
            if (chunk != null) {
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    chunk = Content.Chunk.next(chunk);
                    throw IO.rethrow(failure);
                }
                if (chunk.hasRemaining()) {
                    return chunk;
                }
                if (chunk.isLast()) {
                    if (chunk != Content.Chunk.EOF) {
                        chunk.release(); // its buffer goes back to the pool; the end stays known
                        chunk = Content.Chunk.EOF;
                    }
                    return chunk;
                }
                chunk.release();
                chunk = null;
            }
            chunk = request.read();
            if (chunk == null) {
                return null;
            }
        }
    }

    /**
     * Waits until the client sends more (or fails), then the chunk to read from; fails at once
     * once the run is {@link #end ended}.
     */
    private Content.Chunk awaitChunk() throws IOException {
        while (true) {
            CompletableFuture<Void> demanded = new CompletableFuture<>();
            waiting = demanded;
            try {
                if (ended) {
                    throw new IOException("the request's guest has ended");
                }
                request.demand(() -> demanded.complete(null));
                demanded.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the request body");
            } catch (ExecutionException e) {
                throw new IOException(e.getCause().getMessage(), e.getCause());
            } finally {
                waiting = null;
            }
            Content.Chunk c = ready();
            if (c != null) {
                return c;
            }
        }
    }

    /**
     * The guest's run is over. A read it left waiting for the client (WASI hands a read that may
     * wait to a thread of its own, which a stopped guest leaves behind) fails now rather than
     * whenever Jetty next calls the request's demand, which after the response may be never.
     */
    void end() {
        ended = true;
        CompletableFuture<Void> w = waiting;
        if (w != null) {
            w.completeExceptionally(new IOException("the request's guest has ended"));
        }
    }

    private <T> T blocking(IoWait<T> op) throws IOException {
        GuestRunner.BudgetRef b = budget;
        if (b == null) {
            return op.get();
        }
        try {
            return b.blocking(() -> {
                try {
                    return op.get();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface IoWait<T> {
        T get() throws IOException;
    }
}
