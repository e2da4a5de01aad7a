package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown lets a request in flight finish: the guest is held in an outbound call until released. */
class GracefulShutdownTest {
    @TempDir
    Path store;

    @Test
    void inFlightRequestCompletesDuringShutdown() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", ex -> {
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = "late".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        upstream.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        upstream.start();
        int port = upstream.getAddress().getPort();
        EdgeHarness edge = new EdgeHarness(store, false);
        try {
            edge.deploy(HostApiTest.guest(), HostApiTest.manifest("net", "allowed_outbound_hosts = [\"http://127.0.0.1:" + port + "\"]"));
            CompletableFuture<HttpResponse<String>> inFlight = edge.client.sendAsync(
                    edge.publicRequest("/net/fetch?http://127.0.0.1:" + port + "/slow").build(), HttpResponse.BodyHandlers.ofString());
            arrived.await();
            Thread closer = Thread.ofVirtual().start(edge::close);
            while (!edge.server.stopping()) {
                Thread.onSpinWait();
            }
            release.countDown();
            HttpResponse<String> r = inFlight.get();
            closer.join();
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("late"), r.body());
        } finally {
            release.countDown();
            edge.close();
            upstream.stop(0);
        }
    }
}
