package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verge host API through a real guest: KV grants, isolation and persistence; outbound allowlist. */
class HostApiTest {
    @TempDir
    Path store;
    HttpServer upstream;
    HttpServer forbidden;
    final java.util.concurrent.CountDownLatch hang = new java.util.concurrent.CountDownLatch(1);

    static byte[] guest() {
        return EdgeHarness.resource("/guests/hostapi.wasm");
    }

    static String manifest(String name, String extra) {
        return "name = \"" + name + "\"\n" + extra + "\n[[routes]]\npath = \"/" + name + "/...\"\n[limits]\ncpu_time = \"10s\"\n";
    }

    @BeforeEach
    void upstreams() throws Exception {
        forbidden = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        forbidden.createContext("/", ex -> {
            byte[] b = "FORBIDDEN-REACHED".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        forbidden.start();
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/hang")) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.sendResponseHeaders(200, -1);
            } else if (path.equals("/away")) {
                ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + forbidden.getAddress().getPort() + "/");
                ex.sendResponseHeaders(302, -1);
            } else if (path.equals("/hop")) {
                ex.getResponseHeaders().add("Location", "/pong");
                ex.sendResponseHeaders(302, -1);
            } else {
                byte[] b = ("pong from-header=" + ex.getRequestHeaders().getFirst("X-From")).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("X-Upstream", "yes");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        upstream.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        upstream.start();
    }

    @AfterEach
    void stopUpstreams() {
        hang.countDown();
        upstream.stop(0);
        forbidden.stop(0);
    }

    @Test
    void kvSetGetListDeleteInAGrantedStore() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(guest(), manifest("kv", "key_value_stores = [\"default\"]"));
            assertEquals("0", edge.get("/kv/set?greeting=hello").body());
            assertEquals("0", edge.get("/kv/set?other=x").body());
            assertEquals("hello", edge.get("/kv/get?greeting").body());
            assertEquals("greeting\nother\n", edge.get("/kv/list").body());
            assertEquals("greeting\n", edge.get("/kv/list?gr").body());
            assertEquals("0", edge.get("/kv/del?greeting").body());
            assertEquals("-1", edge.get("/kv/get?greeting").body());
            assertEquals("-2", edge.get("/kv/open?secrets").body(), "a store the manifest does not list");
        }
    }

    @Test
    void kvIsDeniedByDefaultAndSeparatePerApp() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(guest(), manifest("kv", "key_value_stores = [\"default\"]"));
            edge.deploy(guest(), manifest("kv2", "key_value_stores = [\"default\"]"));
            edge.deploy(guest(), manifest("nokv", ""));
            assertEquals("0", edge.get("/kv/set?k=mine").body());
            assertEquals("-1", edge.get("/kv2/get?k").body(), "another app's store of the same name is its own");
            assertEquals("open -2", edge.get("/nokv/get?k").body());
        }
    }

    @Test
    void wallLimitAlsoBoundsAnOutboundCallThatNeverAnswers() {
        int port = upstream.getAddress().getPort();
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(guest(), "name = \"slow\"\nallowed_outbound_hosts = [\"http://127.0.0.1:" + port
                    + "\"]\n[[routes]]\npath = \"/slow/...\"\n[limits]\ncpu_time = \"10s\"\nwall_time = \"300ms\"\n");
            // The call gives up when the wall time is spent; the guest then sees VERGE_ERR_IO (-3),
            // or is stopped by the pending interrupt first (504). Either way the request ends.
            HttpResponse<String> r = edge.get("/slow/fetch?http://127.0.0.1:" + port + "/hang");
            assertTrue(r.statusCode() == 504 || (r.statusCode() == 200 && r.body().equals("-3")), r.statusCode() + " " + r.body());
        }
    }

    @Test
    void kvSurvivesRestart() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(guest(), manifest("kv", "key_value_stores = [\"default\"]"));
            assertEquals("0", edge.get("/kv/set?k=kept").body());
        }
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            assertEquals("kept", edge.get("/kv/get?k").body());
        }
    }

    @Test
    void outboundOnlyToAllowedHostsWithRedirectsRechecked() {
        int port = upstream.getAddress().getPort();
        int other = forbidden.getAddress().getPort();
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(guest(), manifest("net", "allowed_outbound_hosts = [\"http://127.0.0.1:" + port + "\"]"));
            edge.deploy(guest(), manifest("offline", ""));
            String ok = edge.get("/net/fetch?http://127.0.0.1:" + port + "/ping").body();
            assertTrue(ok.startsWith("Status: 200\n") && ok.contains("pong from-header=guest"), ok);
            assertTrue(ok.toLowerCase(java.util.Locale.ROOT).contains("x-upstream: yes"), ok);
            assertTrue(edge.get("/net/fetch?http://127.0.0.1:" + port + "/hop").body().contains("pong"), "a redirect inside the allowlist is followed");
            assertEquals("-2", edge.get("/net/fetch?http://127.0.0.1:" + port + "/away").body(), "a redirect out of the allowlist is refused");
            assertEquals("-2", edge.get("/net/fetch?http://127.0.0.1:" + other + "/").body());
            assertEquals("-2", edge.get("/net/fetch?http://localhost:" + port + "/").body(), "names are matched as written");
            assertEquals("-4", edge.get("/net/fetch?http://127.0.0.1:" + port + "@127.0.0.1:" + other + "/").body());
            assertEquals("-4", edge.get("/net/fetch?/ping").body(), "no relative URLs");
            assertEquals("-4", edge.get("/net/fetch?file:///etc/passwd").body());
            assertEquals("-2", edge.get("/offline/fetch?http://127.0.0.1:" + port + "/ping").body(), "no network unless granted");
        }
    }
}
