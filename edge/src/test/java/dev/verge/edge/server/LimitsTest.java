package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every per-request limit, each costing the offending request only. */
class LimitsTest {
    @TempDir
    Path store;
    EdgeHarness edge;

    @BeforeEach
    void start() {
        edge = new EdgeHarness(store, false);
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    private void deploy(String name, String limits) {
        edge.deploy(EdgeHarness.probe(), "name = \"" + name + "\"\n[[routes]]\npath = \"/" + name + "/...\"\n[limits]\n" + limits);
    }

    @Test
    void loopIsStoppedAtItsCpuLimit() {
        // The loop never ends, so any limit stops it; 1 s leaves the echo request room on a loaded
        // machine, where the CPU time of a virtual thread can only be approximated.
        deploy("cpu", "cpu_time = \"1s\"\nwall_time = \"1m\"");
        assertEquals(504, edge.get("/cpu/loop").statusCode());
        assertTrue(edge.log().contains("\"limit\":\"cpu_time\""), edge.log());
        assertEquals(200, edge.get("/cpu/echo").statusCode(), "only that request failed");
    }

    @Test
    void loopIsStoppedAtItsWallLimit() {
        deploy("wall", "cpu_time = \"1m\"\nwall_time = \"100ms\"");
        assertEquals(504, edge.get("/wall/loop").statusCode());
        assertTrue(edge.log().contains("\"limit\":\"wall_time\""), edge.log());
        assertEquals(200, edge.get("/_verge/health").statusCode());
    }

    @Test
    void aGuestWaitingForABodyThatNeverComesIsStoppedAtItsWallLimit() throws Exception {
        // The client declares 100 bytes and sends 10: the guest (reading stdin to its end) waits
        // in fd_read for the rest, and its wall limit must still end it, not the connection's
        // idle timeout (Jetty's 30 s, which would also end the wait: so the bound, still forty
        // times the limit, sits below it).
        deploy("stall", "cpu_time = \"1m\"\nwall_time = \"500ms\"");
        RawHttp.Response r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> RawHttp.postStalled(edge.server.port(), "/stall/count", 100, "0123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(504, r.status());
        assertTrue(edge.log().contains("\"limit\":\"wall_time\""), edge.log());
        assertEquals(200, edge.get("/stall/echo").statusCode(), "only that request failed");
        // The read the guest left waiting for the body ends with the request: no thread leaks.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String dump = threadDump();
        while (dump.contains("verge-wasi-stdin") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            dump = threadDump();
        }
        assertFalse(dump.contains("verge-wasi-stdin"), dump);
    }

    /** Every thread's name and stack, virtual threads included. */
    private String threadDump() throws IOException {
        Path file = store.resolveSibling(store.getFileName() + "-threads-" + System.nanoTime() + ".txt");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            return Files.readString(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void memoryLimitHolds() {
        deploy("small", "memory = \"2MiB\"\ncpu_time = \"10s\"");
        deploy("large", "memory = \"32MiB\"\ncpu_time = \"10s\"");
        long small = Long.parseLong(edge.get("/small/mem").body().trim());
        long large = Long.parseLong(edge.get("/large/mem").body().trim());
        assertTrue(small < 2, "got " + small + " MiB under a 2 MiB limit");
        assertTrue(large >= 16 && large < 32, "got " + large + " MiB under a 32 MiB limit");
    }

    @Test
    void oversizedRequestBodyIs413() {
        // A generous CPU limit: this is about the body limit, and the CPU clock of a virtual
        // thread is approximated from wall time, which a loaded machine inflates.
        deploy("body", "request_body = \"1KiB\"\ncpu_time = \"10s\"");
        HttpResponse<String> big = edge.send(edge.publicRequest("/body/echo")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))).build());
        assertEquals(413, big.statusCode());
        HttpResponse<String> ok = edge.send(edge.publicRequest("/body/echo")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024))).build());
        assertEquals(200, ok.statusCode());
    }

    @Test
    void oversizedResponseBodyIs500() {
        deploy("out", "response_body = \"1KiB\"\ncpu_time = \"10s\"");
        assertEquals(500, edge.get("/out/big?5000").statusCode());
        HttpResponse<String> ok = edge.get("/out/big?1000");
        assertEquals(200, ok.statusCode());
        assertEquals(1000, ok.body().length());
        assertTrue(edge.log().contains("\"limit\":\"response_body\""), edge.log());
    }

    @Test
    void requestsBeyondConcurrencyGet503AtOnce() throws Exception {
        deploy("one", "concurrency = 1\ncpu_time = \"3s\"\nwall_time = \"3s\"");
        CompletableFuture<HttpResponse<String>> looping = edge.client.sendAsync(
                edge.publicRequest("/one/loop").GET().build(), HttpResponse.BodyHandlers.ofString());
        int echoes503 = 0;
        while (!looping.isDone() && echoes503 == 0) {
            if (edge.get("/one/echo").statusCode() == 503) {
                echoes503++;
            }
        }
        int first = looping.get().statusCode();
        // Whichever came second while the other ran was refused: usually the echo, sometimes the
        // loop itself when an echo got the only slot first.
        assertTrue(echoes503 > 0 || first == 503, "a request beyond the limit is refused; first got " + first);
        if (echoes503 > 0) {
            assertEquals(504, first);
        }
        assertEquals(200, edge.get("/one/echo").statusCode(), "the slot is free again");
    }

    @Test
    void limitKillsAndTrapsAreCounted() {
        deploy("counted", "cpu_time = \"1s\"");
        edge.get("/counted/loop");
        edge.get("/counted/trap");
        String metrics = edge.send(edge.admin("/metrics").GET().build()).body();
        assertTrue(metrics.contains("verge_limit_kills_total{app=\"counted\",limit=\"cpu\"} 1"), metrics);
        assertTrue(metrics.contains("verge_traps_total{app=\"counted\"} 1"), metrics);
        assertTrue(metrics.contains("verge_instantiation_duration_seconds_count{app=\"counted\"} 2"), metrics);
    }
}
