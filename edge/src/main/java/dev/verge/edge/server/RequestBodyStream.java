package dev.verge.edge.server;

import dev.verge.edge.guest.GuestRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The request body as the guest's stdin, read from the connection as the guest asks for it (never
 * held whole). At most {@code limit} bytes are given: a read that would cross it fails (the guest
 * sees an I/O error) and is remembered, so the server answers 413 instead of whatever the guest
 * makes of a cut body. Time spent waiting for the client does not count as the guest's CPU time.
 */
final class RequestBodyStream extends InputStream {
    private final Request request;
    private final long limit;
    private InputStream in;
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

    /**
     * What the body has buffered (the rest of the chunk being read): WASI reads that much on the
     * guest's thread and hands only reads that may wait for the client to a thread of their own,
     * so that the guest's wall limit can end the wait (see the wasi module's StreamInput).
     */
    @Override
    public int available() throws IOException {
        return in == null || overLimit ? 0 : (int) Math.min(in.available(), limit - read + 1);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (overLimit) {
            throw new IOException("request body over its limit of " + limit + " bytes");
        }
        if (len == 0) {
            return 0;
        }
        if (in == null) {
            in = Content.Source.asInputStream(request);
        }
        // One byte more than the limit allows is enough to tell that the body is too long.
        int want = (int) Math.min(len, limit - read + 1);
        int n = blocking(() -> in.read(b, off, want));
        if (n > 0) {
            read += n;
            if (read > limit) {
                overLimit = true;
                throw new IOException("request body over its limit of " + limit + " bytes");
            }
        }
        return n;
    }

    private int blocking(IoRead op) throws IOException {
        GuestRunner.BudgetRef b = budget;
        if (b == null) {
            return op.read();
        }
        try {
            return b.blocking(() -> {
                try {
                    return op.read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface IoRead {
        int read() throws IOException;
    }
}
