package dev.verge.edge.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verge.core.VergeException;
import dev.verge.edge.manifest.AppManifest;
import dev.verge.edge.manifest.Limits;
import dev.verge.edge.manifest.Variable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The admin API, on its own listener, every path but {@code /health} behind the bearer token:
 *
 * <pre>
 * GET    /health                      200 ok (no token)
 * GET    /metrics                     Prometheus text
 * GET    /apps                        the apps served: name, version, versions, routes
 * GET    /apps/NAME                   one app's manifest as served (secret values hidden)
 * PUT    /apps/NAME                   deploy: {"manifest": TOML, "module": base64, "files": {path: base64}}
 * POST   /apps/NAME/rollback[?version=N]   serve an earlier version (default: the one before)
 * DELETE /apps/NAME                   stop serving and remove it
 * </pre>
 *
 * Errors are JSON {@code {"error": "..."}} with 400 (refused), 401 (no or wrong token) or 404.
 */
final class AdminHandler extends Handler.Abstract {
    /** The largest deploy request accepted. */
    static final int MAX_UPLOAD = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern APP = Pattern.compile("/apps/([a-z0-9-]+)(/rollback)?");

    private final AppRegistry registry;
    private final AdminToken token;
    private final Metrics metrics;
    private final EdgeLog log;
    private final ExecutorService executor;

    AdminHandler(AppRegistry registry, AdminToken token, Metrics metrics, EdgeLog log, ExecutorService executor) {
        this.registry = registry;
        this.token = token;
        this.metrics = metrics;
        this.log = log;
        this.executor = executor;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        if ("/health".equals(path)) {
            Replies.text(response, callback, 200, "ok\n");
            return true;
        }
        if (!token.accepts(request.getHeaders().get("Authorization"))) {
            response.getHeaders().put("WWW-Authenticate", "Bearer");
            Replies.json(response, callback, 401, error("a valid bearer token is required"));
            return true;
        }
        try {
            executor.execute(() -> serve(request, response, callback, path));
        } catch (RejectedExecutionException e) {
            Replies.json(response, callback, 503, error("shutting down"));
        }
        return true;
    }

    private void serve(Request request, Response response, Callback callback, String path) {
        String method = request.getMethod();
        try {
            if (path.equals("/metrics") && method.equals("GET")) {
                Replies.send(response, callback, new Replies.Reply(200,
                        java.util.List.of(new Replies.Header("Content-Type", "text/plain; version=0.0.4")),
                        metrics.render().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return;
            }
            if (path.equals("/apps") && method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                registry.snapshot().apps().values().stream()
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .forEach(a -> list.add(summary(a)));
                Replies.json(response, callback, 200, list.toString());
                return;
            }
            Matcher m = APP.matcher(path);
            if (!m.matches()) {
                Replies.json(response, callback, 404, error("no such endpoint"));
                return;
            }
            String name = m.group(1);
            boolean rollback = m.group(2) != null;
            if (rollback && method.equals("POST")) {
                String v = queryParam(request, "version");
                DeployedApp app = registry.rollback(name, v == null ? null : parseVersion(v));
                log.write("admin-rollback", "app", name, "version", app.version());
                Replies.json(response, callback, 200, summary(app).toString());
            } else if (rollback) {
                Replies.json(response, callback, 405, error("use POST"));
            } else if (method.equals("GET")) {
                DeployedApp app = registry.snapshot().apps().get(name);
                if (app == null) {
                    Replies.json(response, callback, 404, error("no app named " + name));
                } else {
                    Replies.json(response, callback, 200, inspect(app).toString());
                }
            } else if (method.equals("PUT")) {
                deploy(request, response, callback, name);
            } else if (method.equals("DELETE")) {
                registry.delete(name);
                log.write("admin-delete", "app", name);
                Replies.json(response, callback, 200, "{\"deleted\":\"" + name + "\"}");
            } else {
                Replies.json(response, callback, 405, error("method not allowed"));
            }
        } catch (DeployException e) {
            int status = e.getMessage().startsWith("no app named") ? 404 : 400;
            Replies.json(response, callback, status, error(e.getMessage()));
        } catch (VergeException e) {
            Replies.json(response, callback, 400, error(e.getMessage()));
        } catch (IOException e) {
            Replies.json(response, callback, 400, error("cannot read the request: " + e.getMessage()));
        } catch (RuntimeException e) {
            log.write("server-error", "where", "admin", "error", String.valueOf(e));
            Replies.fail(response, callback, 500);
        }
    }

    private void deploy(Request request, Response response, Callback callback, String name) throws IOException {
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_UPLOAD + 1);
        }
        if (body.length > MAX_UPLOAD) {
            Replies.json(response, callback, 413, error("deploys are limited to " + MAX_UPLOAD + " bytes"));
            return;
        }
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            Replies.json(response, callback, 400, error("body: not JSON"));
            return;
        }
        if (req == null || !req.path("manifest").isTextual() || !req.path("module").isTextual()) {
            Replies.json(response, callback, 400, error("body: needs \"manifest\" (TOML text) and \"module\" (base64)"));
            return;
        }
        byte[] module;
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            module = Base64.getDecoder().decode(req.get("module").textValue());
            for (Map.Entry<String, JsonNode> f : req.path("files").properties()) {
                files.put(f.getKey(), Base64.getDecoder().decode(f.getValue().asText()));
            }
        } catch (IllegalArgumentException e) {
            Replies.json(response, callback, 400, error("body: bad base64: " + e.getMessage()));
            return;
        }
        String manifest = req.get("manifest").textValue();
        String declared = dev.verge.edge.manifest.ManifestParser.parse(manifest).name();
        if (!declared.equals(name)) {
            Replies.json(response, callback, 400, error("name: the manifest names \"" + declared + "\" but the URL names \"" + name + "\""));
            return;
        }
        DeployedApp app = registry.deploy(module, manifest, files);
        log.write("admin-deploy", "app", name, "version", app.version());
        Replies.json(response, callback, 201, summary(app).toString());
    }

    private ObjectNode summary(DeployedApp app) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", app.name());
        o.put("version", app.version());
        ArrayNode versions = o.putArray("versions");
        registry.store().versions(app.name()).forEach(versions::add);
        ArrayNode routes = o.putArray("routes");
        app.manifest().routes().forEach(r -> routes.add(r.toString()));
        return o;
    }

    /** The manifest as served; secret variables show as {@code <secret>}. */
    private ObjectNode inspect(DeployedApp app) {
        AppManifest m = app.manifest();
        ObjectNode o = summary(app);
        ObjectNode env = o.putObject("env");
        m.env().forEach(env::put);
        ObjectNode vars = o.putObject("variables");
        for (Variable v : m.variables()) {
            vars.put(v.name(), v.shownValue());
        }
        o.put("files", m.filesDir());
        ArrayNode hosts = o.putArray("allowed_outbound_hosts");
        m.outbound().forEach(r -> hosts.add(r.toString()));
        ArrayNode kv = o.putArray("key_value_stores");
        m.kvStores().forEach(kv::add);
        Limits l = m.limits();
        ObjectNode limits = o.putObject("limits");
        limits.put("memory", l.memoryBytes());
        limits.put("cpu_time_ms", l.cpuTime().toMillis());
        limits.put("wall_time_ms", l.wallTime().toMillis());
        limits.put("request_body", l.requestBodyBytes());
        limits.put("response_body", l.responseBodyBytes());
        limits.put("concurrency", l.concurrency());
        return o;
    }

    private static int parseVersion(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new DeployException("version: not a number: " + v);
        }
    }

    private static String queryParam(Request request, String name) {
        String q = request.getHttpURI().getQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }
}
