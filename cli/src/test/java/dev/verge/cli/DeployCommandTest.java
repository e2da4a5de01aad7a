package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.edge.server.EdgeConfig;
import dev.verge.edge.server.EdgeServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verge deploy} against a real edge host on ephemeral ports. */
class DeployCommandTest {
    @TempDir
    Path store;

    @TempDir
    Path app;

    @Test
    void deploysListsRollsBackAndDeletes() throws Exception {
        EdgeConfig config = EdgeConfig.defaults(store).withListen("127.0.0.1", 0).withAdmin("127.0.0.1", 0)
                .withSeedExamples(false).withLog(new PrintStream(OutputStream.nullOutputStream()));
        try (EdgeServer server = EdgeServer.start(config);
                HttpClient http = HttpClient.newHttpClient()) {
            String admin = "http://127.0.0.1:" + server.adminPort();
            String tokenFile = server.adminTokenFile().toString();
            try (var in = getClass().getResourceAsStream("/dev/verge/edge/examples/hello/app.wasm")) {
                Files.write(app.resolve("app.wasm"), in.readAllBytes());
            }
            Files.writeString(app.resolve("verge.toml"), "name = \"mine\"\n[[routes]]\npath = \"/mine/...\"\n[limits]\ncpu_time = \"10s\"\n");

            CliRun first = CliRun.of("deploy", "--admin", admin, "--token-file", tokenFile, app.toString());
            assertEquals(0, first.exitCode(), first.err());
            assertTrue(first.out().contains("\"version\":1"), first.out());
            assertEquals(0, CliRun.of("deploy", "--admin", admin, "--token-file", tokenFile, app.toString()).exitCode());
            HttpResponse<String> hello = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mine/x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hello.statusCode());

            CliRun list = CliRun.of("deploy", "--admin", admin, "--token-file", tokenFile, "--list");
            assertTrue(list.out().contains("\"versions\":[1,2]"), list.out());
            CliRun back = CliRun.of("deploy", "--admin", admin, "--token-file", tokenFile, "--rollback", "mine");
            assertTrue(back.out().contains("\"version\":1"), back.out());
            assertEquals(0, CliRun.of("deploy", "--admin", admin, "--token-file", tokenFile, "--delete", "mine").exitCode());
            assertEquals(2, CliRun.of("deploy", "--admin", admin, "--token", "wrong", "--list").exitCode());

            Files.writeString(app.resolve("verge.toml"), "name = \"mine\"\n[[routes]]\npath = \"/mine\"\n[limits]\nmemory = \"huge\"\n");
            CliRun bad = CliRun.of("deploy", "--admin", admin, "--token-file", tokenFile, app.toString());
            assertEquals(1, bad.exitCode());
            assertTrue(bad.err().contains("limits.memory"), bad.err());
        }
    }

    @Test
    void serveRefusesABadListenAddress() {
        CliRun run = CliRun.of("serve", "--listen", "nowhere", "--store", store.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--listen"), run.err());
    }

    @Test
    void serveRefusesASecretsKeyThatIsNotTheStoresOwn() throws Exception {
        new dev.verge.edge.store.AppStore(store); // seals its check blob with the store's own key
        Path keyFile = app.resolve("secrets-key");
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        Files.writeString(keyFile, java.util.Base64.getEncoder().encodeToString(other) + "\n");
        CliRun wrong = CliRun.of("serve", "--store", store.toString(), "--listen", "127.0.0.1:0", "--no-admin",
                "--secrets-key-file", keyFile.toString());
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("is not the key this store's secrets were sealed with"), wrong.err());
        Files.writeString(keyFile, "not a key");
        CliRun bad = CliRun.of("serve", "--store", store.toString(), "--listen", "127.0.0.1:0", "--no-admin",
                "--secrets-key-file", keyFile.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(keyFile + ": the secrets key is not base64"), bad.err());
    }
}
