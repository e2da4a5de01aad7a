package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh store is seeded with the bundled examples, and they answer. */
class ServeExamplesTest {
    @TempDir
    Path store;

    @Test
    void freshStoreServesHelloAtRoot() {
        try (EdgeHarness edge = new EdgeHarness(store, true)) {
            HttpResponse<String> r = edge.get("/");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("Hello from WebAssembly"), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        }
    }

    @Test
    void helloPrefixRouteSeesPathInfoAndQuery() {
        try (EdgeHarness edge = new EdgeHarness(store, true)) {
            HttpResponse<String> r = edge.get("/hello/world?x=1");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("GET /world?x=1"), r.body());
        }
    }

    @Test
    void healthAnswersOnBothListeners() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            assertEquals(200, edge.get("/_verge/health").statusCode());
            assertEquals(200, edge.send(edge.admin("/health").GET().build()).statusCode());
        }
    }

    @Test
    void unknownPathIs404AndRootListsAppsWhenUnclaimed() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            assertEquals(404, edge.get("/nowhere").statusCode());
            HttpResponse<String> index = edge.get("/");
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("No apps"), index.body());
        }
    }
}
