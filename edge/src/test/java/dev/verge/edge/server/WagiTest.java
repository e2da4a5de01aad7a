package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAGI contract, end to end over HTTP: what the guest sees, and how its output is answered. */
class WagiTest {
    static final String PROBE = """
            name = "probe"
            [[routes]]
            path = "/probe/..."
            [env]
            GREETING = "hi"
            [variables]
            region = "eu"
            token = { value = "s3cret-value", secret = true }
            [limits]
            cpu_time = "10s"
            """;

    @TempDir
    Path store;
    EdgeHarness edge;

    @BeforeEach
    void start() {
        edge = new EdgeHarness(store, false);
        edge.deploy(EdgeHarness.probe(), PROBE);
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void requestArrivesAsCgiVariablesAndBodyOnStdin() {
        HttpResponse<String> r = edge.send(edge.publicRequest("/probe/echo/more?a=1&b=2")
                .header("Content-Type", "application/json")
                .header("X-Custom", "one")
                .header("Authorization", "Bearer do-not-leak")
                .header("Proxy", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"k\":1}"))
                .build());
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = r.body().lines().toList();
        for (String expected : List.of(
                "GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=POST", "SCRIPT_NAME=/probe", "PATH_INFO=/echo/more",
                "QUERY_STRING=a=1&b=2", "CONTENT_TYPE=application/json", "CONTENT_LENGTH=7", "SERVER_PROTOCOL=HTTP/1.1",
                "SERVER_NAME=127.0.0.1", "SERVER_PORT=" + edge.server.port(), "REMOTE_ADDR=127.0.0.1",
                "HTTP_X_CUSTOM=one", "X_MATCHED_ROUTE=/probe/...", "GREETING=hi", "region=eu", "token=s3cret-value")) {
            assertTrue(lines.contains(expected), expected + " missing from\n" + r.body());
        }
        assertFalse(r.body().contains("do-not-leak"), "Authorization must not reach the guest");
        assertFalse(r.body().contains("HTTP_PROXY"), "Proxy must not become HTTP_PROXY");
        assertTrue(r.body().endsWith("BODY:{\"k\":1}"), r.body());
    }

    @Test
    void explicitStatusBeatsLocationAndHeadersKeepOrderAndRepeats() {
        HttpResponse<String> r = edge.get("/probe/status");
        assertEquals(201, r.statusCode());
        assertEquals("/elsewhere", r.headers().firstValue("Location").orElseThrow());
        assertEquals(List.of("one", "two"), r.headers().allValues("X-Repeat"));
        assertEquals("created", r.body());
    }

    @Test
    void locationAloneIsARedirect() {
        HttpResponse<String> r = edge.get("/probe/redirect");
        assertEquals(302, r.statusCode());
        assertEquals("/elsewhere", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void outputWithoutCgiHeadersIs502WithALogLine() {
        assertEquals(502, edge.get("/probe/raw").statusCode());
        assertEquals(502, edge.get("/probe/nothing").statusCode());
        assertTrue(edge.log().contains("\"kind\":\"bad-cgi-response\""), edge.log());
    }

    @Test
    void trapIs500WithTheTrapOnlyInTheLog() {
        HttpResponse<String> r = edge.get("/probe/trap");
        assertEquals(500, r.statusCode());
        assertFalse(r.body().contains("unreachable"), r.body());
        assertTrue(edge.log().contains("\"trap\":\"unreachable\""), edge.log());
        assertEquals(200, edge.get("/probe/echo").statusCode(), "the server keeps serving");
    }

    @Test
    void exitStatusIsLoggedAndOutputStillAnswered() {
        HttpResponse<String> r = edge.get("/probe/exit");
        assertEquals(200, r.statusCode());
        assertEquals("bye", r.body());
        assertTrue(edge.log().contains("\"kind\":\"guest-exit\""), edge.log());
    }

    @Test
    void guestStderrGoesToTheLogWithAppAndRequestId() {
        assertEquals(200, edge.get("/probe/stderr").statusCode());
        String line = edge.log().lines().filter(l -> l.contains("guest-stderr")).findFirst().orElseThrow();
        assertTrue(line.contains("\"app\":\"probe\"") && line.contains("\"request_id\":\"") && line.contains("a line for the log"), line);
    }

    @Test
    void accessLogIsJsonWithRequestIdAndSecretsNeverLogged() {
        String id = edge.get("/probe/echo").headers().firstValue("X-Request-Id").orElseThrow();
        // Other tests' requests share this server's log: wait for this request's own access line.
        String access = edge.awaitLogLine("\"kind\":\"access\"", "\"request_id\":\"" + id + "\"");
        assertTrue(access.contains("\"status\":200") && access.contains("\"request_id\":\""), access);
        assertFalse(edge.log().contains("s3cret-value"), "secret values never reach the log");
    }

    @Test
    void eachRequestGetsAFreshInstance() {
        // The probe's memory-grabbing mode keeps what it allocates; a reused instance would get less.
        String first = edge.get("/probe/mem").body();
        String second = edge.get("/probe/mem").body();
        assertEquals(first, second);
    }

    @Test
    void appsNeverSeeEachOthersEnvironment() {
        edge.deploy(EdgeHarness.probe(), """
                name = "other"
                [[routes]]
                path = "/other/..."
                [env]
                OTHER_SECRET = "mine"
                """);
        assertTrue(edge.get("/other/echo").body().contains("OTHER_SECRET=mine"));
        assertFalse(edge.get("/probe/echo").body().contains("OTHER_SECRET"));
        assertFalse(edge.get("/other/echo").body().contains("GREETING"));
    }

    @Test
    void filesDirectoryIsReadOnlyAndNothingElseIsVisible() {
        edge.server.registry().deploy(EdgeHarness.probe(), """
                name = "files"
                files = "static"
                [[routes]]
                path = "/files/..."
                """, Map.of("static/hello.txt", "hello file".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("hello file", edge.get("/files/file?/hello.txt").body());
        assertEquals(404, edge.get("/files/file?/../verge.toml").statusCode());
        assertEquals(404, edge.get("/probe/file?/hello.txt").statusCode(), "an app without files sees none");
    }
}
