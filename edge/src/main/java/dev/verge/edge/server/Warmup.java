package dev.verge.edge.server;

import dev.verge.edge.guest.BoundedOutput;
import dev.verge.edge.guest.GuestIo;
import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.manifest.Limits;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a freshly compiled app once, before it is served, with a synthetic {@code GET} of its first
 * route, its output thrown away and no host API granted (every {@code verge} call is refused), so
 * nothing it does is visible. Why: the first run of generated code pays one-time JVM costs (class
 * linking, verification, interpretation before JIT) that would otherwise count against the first
 * real request's CPU limit and fail it.
 */
final class Warmup implements Consumer<DeployedApp> {
    private static final Duration CAP = Duration.ofSeconds(10);
    private final GuestRunner runner;
    private final HostImports hostImports;

    Warmup(GuestRunner runner, HostImports hostImports) {
        this.runner = runner;
        this.hostImports = hostImports;
    }

    @Override
    public void accept(DeployedApp app) {
        Limits l = app.manifest().limits();
        Duration cap = l.wallTime().compareTo(CAP) < 0 ? l.wallTime() : CAP;
        Limits warm = new Limits(l.memoryBytes(), cap, cap, l.requestBodyBytes(), l.responseBodyBytes(), 1);
        String path = app.manifest().routes().get(0).path();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("REQUEST_METHOD", "GET");
        env.put("SCRIPT_NAME", path);
        env.put("PATH_INFO", "");
        env.put("QUERY_STRING", "");
        env.put("CONTENT_LENGTH", "0");
        env.put("SERVER_NAME", "localhost");
        env.put("X_VERGE_WARMUP", "1");
        GuestIo io = new GuestIo(List.of(path), env, InputStream.nullInputStream(), new BoundedOutput(l.responseBodyBytes()), new BoundedOutput(4096), app.filesDir());
        runner.run(app.guest(), io, warm, budget -> hostImports.session(app, budget, null));
    }
}
