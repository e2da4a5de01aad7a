package dev.verge.edge.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A real server on ephemeral ports over a temporary store, and an HTTP client to talk to it. */
final class EdgeHarness implements AutoCloseable {
    static final String TOKEN = "test-token";
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final EdgeServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Path store;

    EdgeHarness(Path store, boolean seedExamples) {
        this(store, seedExamples, null);
    }

    /** A server whose store seals secrets with {@code secretsKey} (null: the store's own key file). */
    EdgeHarness(Path store, boolean seedExamples, dev.verge.edge.store.SecretsKey secretsKey) {
        this.store = store;
        EdgeConfig config = EdgeConfig.defaults(store)
                .withSecretsKey(secretsKey)
                .withListen("127.0.0.1", 0)
                .withAdmin("127.0.0.1", 0)
                .withAdminToken(TOKEN)
                .withSeedExamples(seedExamples)
                .withDrainTimeout(Duration.ofSeconds(10))
                .withLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        server = EdgeServer.start(config);
    }

    String log() {
        synchronized (logBytes) {
            return logBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The first log line containing every one of {@code texts}, waiting up to 10 s for it (access lines follow the reply). */
    String awaitLogLine(String... texts) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            java.util.Optional<String> line = log().lines()
                    .filter(l -> java.util.Arrays.stream(texts).allMatch(l::contains))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with " + String.join(" and ", texts) + " in\n" + log());
            }
            Thread.onSpinWait();
        }
    }

    static byte[] resource(String path) {
        try (InputStream in = EdgeHarness.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] probe() {
        return resource("/guests/probe.wasm");
    }

    /** Deploys through the registry (the admin API has its own tests). */
    DeployedApp deploy(byte[] module, String manifest) {
        return server.registry().deploy(module, manifest, Map.of());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder publicRequest(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path))
                .header("Authorization", "Bearer " + TOKEN);
    }

    static String deployBody(String manifest, byte[] module) {
        return "{\"manifest\":" + jsonString(manifest) + ",\"module\":\"" + Base64.getEncoder().encodeToString(module) + "\"}";
    }

    static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.close();
        if (Boolean.getBoolean("edge.debug")) {
            System.err.print(log());
        }
    }
}
