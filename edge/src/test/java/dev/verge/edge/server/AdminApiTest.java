package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over HTTP: authentication, deploy, list, inspect, rollback, delete, persistence. */
class AdminApiTest {
    @TempDir
    Path store;

    @TempDir
    Path appDir;

    static String manifest(String greeting) {
        return """
                name = "app"
                [[routes]]
                path = "/app/..."
                [env]
                GREETING = "%s"
                [variables]
                api_key = { value = "very-secret", secret = true }
                [limits]
                cpu_time = "10s"
                """.formatted(greeting);
    }

    static HttpRequest.BodyPublisher body(String manifest) {
        return HttpRequest.BodyPublishers.ofString(EdgeHarness.deployBody(manifest, EdgeHarness.probe()));
    }

    @Test
    void everyEndpointButHealthNeedsTheToken() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            for (String path : List.of("/apps", "/metrics", "/apps/app")) {
                HttpRequest noToken = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + edge.server.adminPort() + path)).build();
                assertEquals(401, edge.send(noToken).statusCode(), path);
                HttpRequest wrong = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + edge.server.adminPort() + path))
                        .header("Authorization", "Bearer nope").build();
                assertEquals(401, edge.send(wrong).statusCode(), path);
            }
        }
    }

    @Test
    void deployListInspectRollbackDelete() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            HttpResponse<String> d1 = edge.send(edge.admin("/apps/app").PUT(body(manifest("one"))).build());
            assertEquals(201, d1.statusCode(), d1.body());
            assertTrue(edge.get("/app/echo").body().contains("GREETING=one"));
            HttpResponse<String> d2 = edge.send(edge.admin("/apps/app").PUT(body(manifest("two"))).build());
            assertEquals(201, d2.statusCode(), d2.body());
            assertTrue(d2.body().contains("\"version\":2"), d2.body());
            assertTrue(edge.get("/app/echo").body().contains("GREETING=two"));

            String list = edge.send(edge.admin("/apps").GET().build()).body();
            assertTrue(list.contains("\"name\":\"app\"") && list.contains("\"versions\":[1,2]"), list);

            String inspect = edge.send(edge.admin("/apps/app").GET().build()).body();
            assertTrue(inspect.contains("\"api_key\":\"<secret>\""), inspect);
            assertFalse(inspect.contains("very-secret"), inspect);

            HttpResponse<String> back = edge.send(edge.admin("/apps/app/rollback").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, back.statusCode(), back.body());
            assertTrue(edge.get("/app/echo").body().contains("GREETING=one"));
            HttpResponse<String> forward = edge.send(edge.admin("/apps/app/rollback?version=2").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, forward.statusCode(), forward.body());
            assertTrue(edge.get("/app/echo").body().contains("GREETING=two"));

            assertEquals(200, edge.send(edge.admin("/apps/app").DELETE().build()).statusCode());
            assertEquals(404, edge.get("/app/echo").statusCode());
            assertEquals(404, edge.send(edge.admin("/apps/app").GET().build()).statusCode());
            assertFalse(edge.log().contains("very-secret"));
        }
    }

    @Test
    void badManifestIsRefusedNamingTheField() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            HttpResponse<String> r = edge.send(edge.admin("/apps/app").PUT(body(manifest("x").replace("cpu_time = \"10s\"", "cpu_time = \"soon\""))).build());
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("limits.cpu_time"), r.body());
            HttpResponse<String> wrongName = edge.send(edge.admin("/apps/other").PUT(body(manifest("x"))).build());
            assertEquals(400, wrongName.statusCode());
            assertTrue(wrongName.body().contains("name"), wrongName.body());
        }
    }

    @Test
    void invalidModuleAndClashingRoutesAreRefusedAndNothingChanges() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            assertEquals(201, edge.send(edge.admin("/apps/app").PUT(body(manifest("one"))).build()).statusCode());
            String junk = "{\"manifest\":" + EdgeHarness.jsonString(manifest("two")) + ",\"module\":\"AGFzbQEAAAAF\"}";
            HttpResponse<String> bad = edge.send(edge.admin("/apps/app").PUT(HttpRequest.BodyPublishers.ofString(junk)).build());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("module"), bad.body());
            String clash = manifest("x").replace("name = \"app\"", "name = \"clash\"");
            HttpResponse<String> c = edge.send(edge.admin("/apps/clash").PUT(body(clash)).build());
            assertEquals(400, c.statusCode());
            assertTrue(c.body().contains("routes") && c.body().contains("already taken by app app"), c.body());
            assertTrue(edge.get("/app/echo").body().contains("GREETING=one"), "still version 1");
            assertEquals(List.of(1), edge.server.registry().store().versions("app"));
        }
    }

    @Test
    void modulesAskingForUngrantableImportsOrWithoutStartAreRefused() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            byte[] importsEnv = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, 9, 1, 3, 'e', 'n', 'v', 1, 'f', 0, 0};
            DeployException e = org.junit.jupiter.api.Assertions.assertThrows(DeployException.class,
                    () -> edge.deploy(importsEnv, manifest("x")));
            assertTrue(e.getMessage().contains("imports env.f"), e.getMessage());
            byte[] empty = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0};
            DeployException noStart = org.junit.jupiter.api.Assertions.assertThrows(DeployException.class,
                    () -> edge.deploy(empty, manifest("x")));
            assertTrue(noStart.getMessage().contains("_start"), noStart.getMessage());
            assertEquals(List.of(), edge.server.registry().store().versions("app"), "nothing was stored");
        }
    }

    @Test
    void storeSurvivesRestart() throws Exception {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.send(edge.admin("/apps/app").PUT(body(manifest("one"))).build());
            edge.send(edge.admin("/apps/app").PUT(body(manifest("two"))).build());
            edge.send(edge.admin("/apps/app/rollback").POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            assertTrue(edge.get("/app/echo").body().contains("GREETING=one"), "the rolled-back version is still served");
            assertEquals(List.of(1, 2), edge.server.registry().store().versions("app"));
        }
    }

    @Test
    void appDirectoryGivenAtStartIsDeployedOnceAcrossRestarts() throws Exception {
        Path app = appDir;
        Files.write(app.resolve("app.wasm"), EdgeHarness.probe());
        Files.writeString(app.resolve("verge.toml"), manifest("dir"));
        for (int run = 0; run < 2; run++) {
            EdgeConfig config = EdgeConfig.defaults(store).withListen("127.0.0.1", 0).withAdmin("127.0.0.1", -1)
                    .withSeedExamples(false).withAppDirs(List.of(app))
                    .withLog(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try (EdgeServer server = EdgeServer.start(config)) {
                assertEquals(List.of(1), server.registry().store().versions("app"));
                assertEquals(-1, server.adminPort());
            }
        }
    }

    @Test
    void generatedTokenIsStoredOwnerOnly() throws Exception {
        EdgeConfig config = EdgeConfig.defaults(store).withListen("127.0.0.1", 0).withAdmin("127.0.0.1", 0)
                .withSeedExamples(false).withLog(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try (EdgeServer server = EdgeServer.start(config)) {
            Path file = server.adminTokenFile();
            String token = Files.readString(file).trim();
            assertEquals(64, token.length());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.adminPort() + "/apps"))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        }
    }

    @Test
    void deploysUnderLoadFailNoRequest() throws Exception {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            assertEquals(201, edge.send(edge.admin("/apps/app").PUT(body(manifest("v0"))).build()).statusCode());
            AtomicBoolean done = new AtomicBoolean();
            List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> load = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                load.add(Thread.ofVirtual().start(() -> {
                    while (!done.get()) {
                        statuses.add(edge.get("/app/echo").statusCode());
                    }
                }));
            }
            for (int v = 1; v <= 3; v++) {
                assertEquals(201, edge.send(edge.admin("/apps/app").PUT(body(manifest("v" + v))).build()).statusCode());
            }
            assertEquals(200, edge.send(edge.admin("/apps/app/rollback").POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
            done.set(true);
            for (Thread t : load) {
                t.join();
            }
            assertFalse(statuses.isEmpty());
            assertTrue(statuses.stream().allMatch(s -> s == 200), "every request during the deploys answered 200: " + statuses.stream().distinct().toList());
        }
    }
}
