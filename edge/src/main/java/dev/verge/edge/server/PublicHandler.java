package dev.verge.edge.server;

import dev.verge.edge.guest.BoundedOutput;
import dev.verge.edge.guest.GuestIo;
import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.manifest.AppManifest;
import dev.verge.edge.manifest.Limits;
import dev.verge.edge.manifest.Variable;
import dev.verge.edge.routing.Router;
import dev.verge.edge.wagi.CgiEnvironment;
import dev.verge.edge.wagi.CgiRequest;
import dev.verge.edge.wagi.CgiResponseParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The public listener: routes each request to its app and answers it from a fresh guest instance
 * on a virtual thread. The server's own paths live under {@code /_verge/} ({@code health}, and
 * {@code baseline}: a plain Java answer, the load test's ceiling) and {@code /}
 * lists the apps when no app claims it. Errors caused by a guest reach the client as a bare status;
 * the details go to the log only.
 */
final class PublicHandler extends Handler.Abstract {
    private final AppRegistry registry;
    private final GuestRunner runner;
    private final GuestResponder responder;
    private final Metrics metrics;
    private final EdgeLog log;
    private final ExecutorService guests;
    private final HostImports hostImports;

    PublicHandler(AppRegistry registry, GuestRunner runner, Metrics metrics, EdgeLog log, ExecutorService guests, HostImports hostImports) {
        this.registry = registry;
        this.runner = runner;
        this.metrics = metrics;
        this.log = log;
        this.guests = guests;
        this.hostImports = hostImports;
        this.responder = new GuestResponder(metrics, log);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (path.equals("/_verge/health")) {
            Replies.text(response, callback, 200, "ok\n");
            return true;
        }
        if (path.equals("/_verge/baseline")) {
            // The load test's ceiling: a plain Java handler taking the same virtual-thread hop as a guest.
            try {
                guests.execute(() -> Replies.text(response, callback, 200, "Hello from plain Java on Verge!\n"));
            } catch (RejectedExecutionException e) {
                Replies.text(response, callback, 503, "Service Unavailable\n");
            }
            return true;
        }
        AppRegistry.Snapshot snapshot = registry.snapshot();
        Router.Match<DeployedApp> match = snapshot.router().find(Request.getServerName(request), path);
        if (match == null) {
            if (path.equals("/")) {
                Replies.text(response, callback, 200, Replies.index(snapshot));
            } else {
                Replies.text(response, callback, 404, "Not Found\n");
            }
            return true;
        }
        String requestPath = path;
        try {
            guests.execute(() -> serve(request, response, callback, match, requestPath));
        } catch (RejectedExecutionException e) {
            Replies.text(response, callback, 503, "Service Unavailable\n");
        }
        return true;
    }

    private void serve(Request request, Response response, Callback callback, Router.Match<DeployedApp> match, String path) {
        long t0 = System.nanoTime();
        String requestId = RequestIds.next();
        DeployedApp app = match.target();
        int status;
        long bytesOut = 0;
        try {
            Replies.Reply guestReply = answer(request, app, match, path, requestId);
            // The request id lets an operator find this request's log lines from what a client reports.
            List<Replies.Header> headers = new ArrayList<>(guestReply.headers());
            headers.add(new Replies.Header("X-Request-Id", requestId));
            Replies.Reply reply = new Replies.Reply(guestReply.status(), headers, guestReply.body());
            bytesOut = reply.body().length;
            // Sent after the slot is released, so a client that has its answer can count on the slot being free.
            status = Replies.send(response, callback, reply);
        } catch (IOException e) {
            status = 400;
            Replies.fail(response, callback, 400);
        } catch (RuntimeException e) {
            // A server bug, never a guest's doing: log it, answer 500, keep serving.
            log.write("server-error", "app", app.name(), "request_id", requestId, "error", String.valueOf(e));
            status = 500;
            Replies.fail(response, callback, 500);
        }
        long nanos = System.nanoTime() - t0;
        metrics.request(app.name(), status, nanos);
        log.write("access", "request_id", requestId, "app", app.name(), "version", app.version(),
                "method", request.getMethod(), "path", path, "status", status, "bytes", bytesOut,
                "duration_ms", nanos / 1e6, "remote", Request.getRemoteAddr(request));
    }

    /** Runs the guest within the app's concurrency slots and returns its reply (or the refusal). */
    private Replies.Reply answer(Request request, DeployedApp app, Router.Match<DeployedApp> match, String path, String requestId)
            throws IOException {
        AppManifest manifest = app.manifest();
        Limits limits = manifest.limits();
        if (!app.slots().tryAcquire()) {
            metrics.limitKill(app.name(), "concurrency");
            return Replies.plain(503, "Service Unavailable");
        }
        try {
            long declared = request.getLength();
            byte[] body = declared > limits.requestBodyBytes() ? null : readBody(request, limits.requestBodyBytes());
            if (body == null) {
                metrics.limitKill(app.name(), "request_body");
                return Replies.plain(413, "Content Too Large");
            }
            CgiRequest cgi = cgiRequest(request, path, match);
            BoundedOutput stdout = new BoundedOutput(limits.responseBodyBytes() + CgiResponseParser.MAX_HEADER_BYTES);
            BoundedOutput stderr = new BoundedOutput(64 * 1024);
            GuestIo io = new GuestIo(List.of(match.route().path()), environment(cgi, body.length, manifest), body, stdout, stderr, app.filesDir());
            GuestRunner.Result result = runner.run(app.guest(), io, limits, budget -> hostImports.session(app, budget, requestId));
            metrics.instantiation(app.name(), result.instantiateNanos());
            return responder.reply(app, requestId, result, stdout, stderr);
        } finally {
            app.slots().release();
        }
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readBody(Request request, long limit) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            return body.length > limit ? null : body;
        }
    }

    private static CgiRequest cgiRequest(Request request, String path, Router.Match<DeployedApp> match) {
        List<CgiRequest.Header> headers = new ArrayList<>();
        for (HttpField f : request.getHeaders()) {
            headers.add(new CgiRequest.Header(f.getName(), f.getValue()));
        }
        String query = request.getHttpURI().getQuery();
        String scriptName = match.route().prefix()
                ? (match.route().path().equals("/") ? "" : match.route().path())
                : path;
        return new CgiRequest(
                request.getMethod(),
                path,
                request.getHttpURI().getPath(),
                query == null ? "" : query,
                headers,
                request.isSecure() ? "https" : "http",
                request.getConnectionMetaData().getProtocol(),
                Request.getServerName(request),
                Request.getServerPort(request),
                Request.getRemoteAddr(request),
                Request.getRemotePort(request),
                scriptName,
                match.route().toString());
    }

    /** CGI variables, then the manifest's env, then its variables: the app's own grants win. */
    private static Map<String, String> environment(CgiRequest cgi, long bodyLength, AppManifest manifest) {
        Map<String, String> env = new LinkedHashMap<>(CgiEnvironment.of(cgi, bodyLength));
        env.putAll(manifest.env());
        for (Variable v : manifest.variables()) {
            env.put(v.name(), v.value());
        }
        return env;
    }
}
