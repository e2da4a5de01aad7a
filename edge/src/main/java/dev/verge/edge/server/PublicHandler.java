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
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
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
            // The request id lets an operator find this request's log lines from what a client reports.
            Replies.Header idHeader = new Replies.Header("X-Request-Id", requestId);
            CgiResponseStream stdout = new CgiResponseStream(response, app.manifest().limits().responseBodyBytes(), List.of(idHeader));
            GuestResponder.Ending ending = answer(request, app, match, path, requestId, stdout);
            // Ended after the slot is released, so a client that has its answer can count on the slot being free.
            switch (ending) {
                case GuestResponder.Ending.Whole whole -> {
                    List<Replies.Header> headers = new ArrayList<>(whole.reply().headers());
                    headers.add(idHeader);
                    Replies.Reply reply = new Replies.Reply(whole.reply().status(), headers, whole.reply().body());
                    bytesOut = reply.body().length;
                    status = Replies.send(response, callback, reply);
                }
                case GuestResponder.Ending.Finish finish -> {
                    bytesOut = stdout.bodyBytes();
                    status = stdout.committedStatus();
                    stdout.finish(callback);
                }
                case GuestResponder.Ending.Abort abort -> {
                    bytesOut = stdout.bodyBytes();
                    status = stdout.committedStatus();
                    log.write("response-aborted", "app", app.name(), "request_id", requestId, "reason", abort.why());
                    callback.failed(new IOException("response aborted: " + abort.why()));
                }
            }
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

    /** Runs the guest within the app's concurrency slots and says how its response ends (or the refusal). */
    private GuestResponder.Ending answer(Request request, DeployedApp app, Router.Match<DeployedApp> match, String path,
            String requestId, CgiResponseStream stdout) {
        AppManifest manifest = app.manifest();
        Limits limits = manifest.limits();
        if (!app.slots().tryAcquire()) {
            metrics.limitKill(app.name(), "concurrency");
            return new GuestResponder.Ending.Whole(Replies.plain(503, "Service Unavailable"));
        }
        try {
            long declared = request.getLength();
            if (declared > limits.requestBodyBytes()) {
                metrics.limitKill(app.name(), "request_body");
                return new GuestResponder.Ending.Whole(Replies.plain(413, "Content Too Large"));
            }
            // The body streams to the guest's stdin as it reads; a chunked body's length is not known up front.
            RequestBodyStream body = new RequestBodyStream(request, limits.requestBodyBytes());
            long bodyLength = declared >= 0 ? declared : request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING) ? -1 : 0;
            CgiRequest cgi = cgiRequest(request, path, match);
            BoundedOutput stderr = new BoundedOutput(64 * 1024);
            GuestIo io = new GuestIo(List.of(match.route().path()), environment(cgi, bodyLength, manifest), body, stdout, stderr, app.filesDir());
            GuestRunner.Result result;
            try {
                result = runner.run(app.guest(), io, limits, budget -> {
                    body.attach(budget);
                    stdout.attach(budget);
                    return hostImports.session(app, budget, requestId);
                });
            } finally {
                body.end(); // a read of the body the guest left waiting ends with it
            }
            metrics.instantiation(app.name(), result.instantiateNanos());
            return responder.end(app, requestId, result, body, stdout, stderr);
        } finally {
            app.slots().release();
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
