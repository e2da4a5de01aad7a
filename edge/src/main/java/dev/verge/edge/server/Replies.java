package dev.verge.edge.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing whole responses (the server never streams: guests' output is complete when it is sent). */
final class Replies {
    private Replies() {}

    /** A response to send: status, headers in order, body. */
    record Reply(int status, List<Header> headers, byte[] body) {}

    /** One response header. */
    record Header(String name, String value) {}

    /** Sends a plain-text response; returns the status. */
    static int text(Response response, Callback callback, int status, String text) {
        return send(response, callback, new Reply(status, List.of(new Header("Content-Type", "text/plain; charset=utf-8")),
                text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a JSON response; returns the status. */
    static int json(Response response, Callback callback, int status, String json) {
        return send(response, callback, new Reply(status, List.of(new Header("Content-Type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A plain-text reply carrying only a status and its reason. */
    static Reply plain(int status, String reason) {
        return new Reply(status, List.of(new Header("Content-Type", "text/plain; charset=utf-8")),
                (reason + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a reply with its Content-Length; returns the status. */
    static int send(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        for (Header h : reply.headers()) {
            response.getHeaders().add(h.name(), h.value());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return reply.status();
    }

    /** Answers with a bare status when something went wrong before or while replying. */
    static void fail(Response response, Callback callback, int status) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response already committed"));
        } else {
            response.reset();
            text(response, callback, status, status == 400 ? "Bad Request\n" : "Internal Server Error\n");
        }
    }

    /** The page at {@code /} when no app claims it: the apps and their routes. */
    static String index(AppRegistry.Snapshot snapshot) {
        StringBuilder b = new StringBuilder("Verge edge host\n\n");
        if (snapshot.apps().isEmpty()) {
            b.append("No apps are deployed.\n");
        }
        snapshot.apps().values().stream()
                .sorted((x, y) -> x.name().compareTo(y.name()))
                .forEach(a -> b.append(a.name()).append(" (version ").append(a.version()).append("): ")
                        .append(String.join(" ", a.manifest().routes().stream().map(Object::toString).toList()))
                        .append('\n'));
        return b.toString();
    }
}
