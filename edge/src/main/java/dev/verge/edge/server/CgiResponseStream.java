package dev.verge.edge.server;

import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.wagi.BadCgiResponseException;
import dev.verge.edge.wagi.CgiHeaderScanner;
import dev.verge.edge.wagi.CgiRequest;
import dev.verge.edge.wagi.CgiResponse;
import dev.verge.edge.wagi.CgiResponseParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The guest's stdout, turned into the HTTP response as it is written. The CGI header section is
 * collected (up to {@link CgiResponseParser#MAX_HEADER_BYTES}) and parsed once its blank line
 * arrives; then up to {@link #HOLD_BYTES} of body are held back, so a small response is still sent
 * whole with its Content-Length and a guest that fails early still gets a clean error status.
 * Past that the response is committed and the body goes to the client in pieces of at most
 * {@code HOLD_BYTES} as the guest writes it: memory per request stays bounded whatever the size.
 *
 * <p>The body limit holds throughout: output over it fails the guest's write (an I/O error to the
 * guest) and is remembered, so the server answers 500 when nothing was sent yet, and cuts the
 * connection (no clean end of the response) when it was. Used by the guest's thread only.
 */
final class CgiResponseStream extends OutputStream {
    /** Body bytes held before committing, and the most sent to the client in one write. */
    static final int HOLD_BYTES = 64 * 1024;
    private static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);

    /** Where the output stands. */
    enum State {
        /** Collecting the header section. */
        HEAD,
        /** Headers parsed, body held back (nothing sent yet). */
        BODY,
        /** The response is committed; the body goes out as it comes. */
        STREAMING,
        /** The header section is not valid CGI: a 502, nothing was sent. */
        BAD_HEADERS,
        /** More body than the limit. */
        OVER_LIMIT,
        /** Sending to the client failed or timed out: the client is gone or not reading. */
        CLIENT_GONE
    }

    private final Response response;
    private final long bodyLimit;
    private final List<Replies.Header> extraHeaders;
    private final CgiHeaderScanner scanner = new CgiHeaderScanner();
    private byte[] head = new byte[512];
    private int headSize;
    private byte[] held = new byte[0];
    private int heldSize;
    private CgiResponse parsedHead;
    private String badHeaders;
    private long bodyBytes;
    private State state = State.HEAD;
    private boolean committed;
    private volatile GuestRunner.BudgetRef budget;

    /**
     * @param extraHeaders headers the server adds to every app response (the request id)
     */
    CgiResponseStream(Response response, long bodyLimit, List<Replies.Header> extraHeaders) {
        this.response = response;
        this.bodyLimit = bodyLimit;
        this.extraHeaders = List.copyOf(extraHeaders);
    }

    /** Lets sends stop the run's CPU clock while they wait for the client, and end with its wall time. */
    void attach(GuestRunner.BudgetRef budget) {
        this.budget = budget;
    }

    State state() {
        return state;
    }

    /** Whether the status and headers have gone to the client (the status can no longer change). */
    boolean committed() {
        return committed;
    }

    /** The body bytes the guest wrote (and the server accepted). */
    long bodyBytes() {
        return bodyBytes;
    }

    /** Why the header section was refused, when {@link #state()} is {@link State#BAD_HEADERS}. */
    String badHeaders() {
        return badHeaders;
    }

    /** The status sent, once committed. */
    int committedStatus() {
        return parsedHead == null ? 0 : parsedHead.status();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (state == State.HEAD) {
            int taken = writeHead(b, off, len);
            off += taken;
            len -= taken;
        }
        if (len > 0) {
            writeBody(b, off, len);
        }
    }

    /** Takes header bytes up to the end of the header section; returns how many it took. */
    private int writeHead(byte[] b, int off, int len) throws IOException {
        int room = CgiResponseParser.MAX_HEADER_BYTES - headSize;
        int n = Math.min(len, room);
        if (headSize + n > head.length) {
            head = Arrays.copyOf(head, Math.min(CgiResponseParser.MAX_HEADER_BYTES, Math.max(head.length * 2, headSize + n)));
        }
        System.arraycopy(b, off, head, headSize, n);
        int scannedFrom = headSize;
        headSize += n;
        int end = scanner.scan(head, headSize);
        if (end < 0) {
            if (len > room) {
                refuse("header section longer than " + CgiResponseParser.MAX_HEADER_BYTES + " bytes");
            }
            return n;
        }
        headSize = end;
        try {
            parsedHead = CgiResponseParser.parse(head, headSize);
        } catch (BadCgiResponseException e) {
            refuse(e.getMessage());
        }
        state = State.BODY;
        return end - scannedFrom; // the bytes of b that belong to the head; the caller takes the rest as body
    }

    private void refuse(String why) throws IOException {
        badHeaders = why;
        state = State.BAD_HEADERS;
        throw new IOException("not a CGI response: " + why);
    }

    private void writeBody(byte[] b, int off, int len) throws IOException {
        switch (state) {
            case BAD_HEADERS -> throw new IOException("not a CGI response: " + badHeaders);
            case OVER_LIMIT -> throw new IOException("response body over its limit of " + bodyLimit + " bytes");
            case CLIENT_GONE -> throw new IOException("the client is gone");
            default -> {}
        }
        if (len > bodyLimit - bodyBytes) {
            state = State.OVER_LIMIT;
            throw new IOException("response body over its limit of " + bodyLimit + " bytes");
        }
        bodyBytes += len;
        if (state == State.BODY && heldSize + len <= HOLD_BYTES) {
            hold(b, off, len);
            return;
        }
        if (state == State.BODY) {
            commit();
        }
        // Streaming: top up the held piece, send it when full; big writes go out without a copy
        // (each send waits until Jetty is done with the bytes, so the guest's buffer can be reused).
        if (heldSize > 0) {
            int n = Math.min(len, HOLD_BYTES - heldSize);
            hold(b, off, n);
            off += n;
            len -= n;
            if (heldSize == HOLD_BYTES) {
                send(ByteBuffer.wrap(held, 0, heldSize), false);
                heldSize = 0;
            }
        }
        while (len >= HOLD_BYTES) {
            send(ByteBuffer.wrap(b, off, HOLD_BYTES), false);
            off += HOLD_BYTES;
            len -= HOLD_BYTES;
        }
        if (len > 0) {
            hold(b, off, len);
        }
    }

    private void hold(byte[] b, int off, int len) {
        if (heldSize + len > held.length) {
            held = Arrays.copyOf(held, Math.min(HOLD_BYTES, Math.max(held.length * 2, Math.max(heldSize + len, 1024))));
        }
        System.arraycopy(b, off, held, heldSize, len);
        heldSize += len;
    }

    /** Sends the status and headers; from now on the body is streamed. */
    private void commit() {
        response.setStatus(parsedHead.status());
        for (CgiRequest.Header h : parsedHead.headers()) {
            response.getHeaders().add(h.name(), h.value());
        }
        for (Replies.Header h : extraHeaders) {
            response.getHeaders().add(h.name(), h.value());
        }
        state = State.STREAMING;
        committed = true;
    }

    /** Writes to the client and waits until it is written, within the run's wall time. */
    private void send(ByteBuffer bytes, boolean last) throws IOException {
        Callback.Completable done = new Callback.Completable();
        response.write(last, bytes, done);
        GuestRunner.BudgetRef b = budget;
        Duration timeout = b == null ? DEFAULT_SEND_TIMEOUT : b.wallLeft(DEFAULT_SEND_TIMEOUT);
        try {
            if (b == null) {
                await(done, timeout);
            } else {
                b.blocking(() -> {
                    await(done, timeout);
                    return null;
                });
            }
        } catch (SendFailed e) {
            state = State.CLIENT_GONE;
            throw new IOException("cannot send the response: " + e.getMessage(), e);
        }
    }

    private static void await(Callback.Completable done, Duration timeout) {
        try {
            done.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SendFailed(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            throw new SendFailed("the client did not take it within the request's wall time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("interrupted");
        }
    }

    /**
     * The reply to send whole after the guest exited, when nothing has been committed: the parsed
     * headers and the held body, or, when the output never had a blank line, all of it parsed as
     * headers (as a whole CGI response would be). The server's extra headers are not in it.
     *
     * @throws BadCgiResponseException when the output is not a CGI response
     */
    Replies.Reply wholeReply() {
        CgiResponse cgi = switch (state) {
            case HEAD -> CgiResponseParser.parse(head, headSize);
            case BODY -> parsedHead;
            case BAD_HEADERS -> throw new BadCgiResponseException(badHeaders);
            default -> throw new IllegalStateException("the response is " + state);
        };
        List<Replies.Header> headers = new ArrayList<>();
        for (CgiRequest.Header h : cgi.headers()) {
            headers.add(new Replies.Header(h.name(), h.value()));
        }
        byte[] body = state == State.HEAD ? cgi.body() : Arrays.copyOf(held, heldSize);
        return new Replies.Reply(cgi.status(), headers, body);
    }

    /** Ends a streamed response: the rest of the body and the end of the response, then {@code callback}. */
    void finish(Callback callback) {
        response.write(true, ByteBuffer.wrap(held, 0, heldSize), callback);
        heldSize = 0;
    }

    /** A send that failed, carried out of {@link GuestRunner.BudgetRef#blocking}. */
    private static final class SendFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SendFailed(String message) {
            super(message, null, false, false);
        }
    }
}
