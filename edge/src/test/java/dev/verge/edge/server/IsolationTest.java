package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app version is linked once, but every request still runs in a fresh instance with fresh
 * memory and its own WASI state: nothing one request leaves behind is seen by the next, even when
 * many run at once.
 */
class IsolationTest {
    static final String APP = """
            name = "isolation"
            [[routes]]
            path = "/isolation"
            [limits]
            cpu_time = "10s"
            concurrency = 64
            """;

    /** Reports what an earlier request left in its static state, then leaves its query there. */
    static byte[] guest() {
        return EdgeHarness.resource("/guests/isolation.wasm");
    }

    @TempDir
    Path store;
    EdgeHarness edge;

    @BeforeEach
    void start() {
        edge = new EdgeHarness(store, false);
        edge.deploy(guest(), APP);
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void aRequestNeverSeesWhatTheLastOneLeftInMemory() {
        assertEquals("calls=1 previous=[] now=[first]", edge.get("/isolation?first").body());
        assertEquals("calls=1 previous=[] now=[second]", edge.get("/isolation?second").body());
    }

    @Test
    void concurrentRequestsEachSeeOnlyTheirOwnRequest() throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String query = "q" + i;
                replies.add(clients.submit(() -> edge.get("/isolation?" + query)));
            }
            for (int i = 0; i < replies.size(); i++) {
                HttpResponse<String> r = replies.get(i).get();
                assertEquals(200, r.statusCode());
                assertEquals("calls=1 previous=[] now=[q" + i + "]", r.body());
            }
        }
    }

    @Test
    void theAppIsLinkedOnceAtDeployAndADeployLinksAgain() {
        DeployedApp first = edge.server.registry().snapshot().apps().get("isolation");
        edge.get("/isolation?x");
        assertSame(first.guest(), edge.server.registry().snapshot().apps().get("isolation").guest(), "requests do not relink");
        DeployedApp second = edge.deploy(guest(), APP);
        assertNotSame(first.guest(), second.guest());
        assertEquals("calls=1 previous=[] now=[y]", edge.get("/isolation?y").body());
    }

    @Test
    void aModuleWithAnImportNoHostDefinesIsRefusedAtDeploy() {
        DeployException e = assertThrows(DeployException.class,
                () -> edge.server.registry().deploy(importsUnknownWasiFunction(), APP.replace("isolation", "bad"), Map.of()));
        assertTrue(e.getMessage().contains("unknown import") && e.getMessage().contains("wasi_snapshot_preview1.no_such_function"),
                e.getMessage());
        assertEquals(404, edge.get("/bad").statusCode(), "nothing was served");
    }

    /** A command module that imports {@code wasi_snapshot_preview1.no_such_function}, written byte by byte. */
    private static byte[] importsUnknownWasiFunction() {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        b.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type 0: [] -> []
        byte[] module = "wasi_snapshot_preview1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] name = "no_such_function".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b.write(2);
        b.write(1 + 1 + module.length + 1 + name.length + 2);
        b.write(1);
        b.write(module.length);
        b.writeBytes(module);
        b.write(name.length);
        b.writeBytes(name);
        b.writeBytes(new byte[] {0, 0}); // a function of type 0
        b.writeBytes(new byte[] {3, 2, 1, 0}); // one function of type 0
        b.writeBytes(new byte[] {7, 10, 1, 6, '_', 's', 't', 'a', 'r', 't', 0, 1}); // export it as _start
        b.writeBytes(new byte[] {10, 4, 1, 2, 0, 0x0b}); // its body: nothing
        return b.toByteArray();
    }
}
