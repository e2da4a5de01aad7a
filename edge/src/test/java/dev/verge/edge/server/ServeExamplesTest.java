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
    void notesExampleStoresJsonInItsKeyValueStore() {
        try (EdgeHarness edge = new EdgeHarness(store, true)) {
            HttpResponse<String> put = edge.send(edge.publicRequest("/notes/first")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("buy \"milk\"")).build());
            assertEquals(201, put.statusCode(), put.body());
            HttpResponse<String> get = edge.get("/notes/first");
            assertEquals(200, get.statusCode());
            assertEquals("{\"id\":\"first\",\"text\":\"buy \\\"milk\\\"\"}\n", get.body());
            assertEquals("{\"notes\":[\"first\"]}\n", edge.get("/notes").body());
            assertEquals(204, edge.send(edge.publicRequest("/notes/first").DELETE().build()).statusCode());
            assertEquals(404, edge.get("/notes/first").statusCode());
        }
    }

    @Test
    void grayscaleExampleConvertsAPpmToPgm() {
        try (EdgeHarness edge = new EdgeHarness(store, true)) {
            byte[] header = "P6\n2 1\n255\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] image = java.util.Arrays.copyOf(header, header.length + 6);
            byte[] pixels = {(byte) 255, 0, 0, 10, 20, 30};
            System.arraycopy(pixels, 0, image, header.length, 6);
            HttpResponse<byte[]> r;
            try {
                r = edge.client.send(edge.publicRequest("/grayscale").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(image)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertEquals(200, r.statusCode());
            assertEquals("image/x-portable-graymap", r.headers().firstValue("Content-Type").orElseThrow());
            byte[] expected = java.util.Arrays.copyOf("P5\n2 1\n255\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 13);
            expected[11] = (byte) 76; // 0.299 * 255
            expected[12] = (byte) 18; // (299*10 + 587*20 + 114*30 + 500) / 1000
            assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(r.body()));
            assertEquals(400, edge.send(edge.publicRequest("/grayscale").POST(java.net.http.HttpRequest.BodyPublishers.ofString("GIF89a")).build()).statusCode());
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
