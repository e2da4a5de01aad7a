package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies stream to the guest's stdin and its stdout streams back, over real HTTP, with
 * the body limits still enforced when the lengths are only learnt on the way.
 */
class StreamingTest {
    private static final int TWENTY_MIB = 20 << 20;

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
        edge.deploy(EdgeHarness.probe(), "name = \"" + name + "\"\n[[routes]]\npath = \"/" + name + "/...\"\n[limits]\n"
                + "cpu_time = \"20s\"\nwall_time = \"1m\"\n" + limits);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private HttpResponse<byte[]> post(String path, HttpRequest.BodyPublisher body) throws IOException {
        try {
            return edge.client.send(edge.publicRequest(path).POST(body).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A body of unknown length: the client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    @Test
    void twentyMebibytesEchoThroughTheGuest() throws Exception {
        deploy("big", "request_body = \"32MiB\"\nresponse_body = \"32MiB\"");
        byte[] body = randomBytes(TWENTY_MIB);
        // The guest writes the body back as it reads it: the response starts long before the
        // request ends, so the client must read while it writes (a full-duplex exchange).
        RawHttp.Response r = RawHttp.post(edge.server.port(), "/big/pipe", body);
        assertEquals(200, r.status());
        assertArrayEquals(body, r.body());
        assertFalse(r.headers().containsKey("content-length"), "a large response is streamed, not sent whole");
        assertTrue(r.headers().containsKey("x-request-id"), "streamed responses carry their request id too");
    }

    @Test
    void twentyMebibyteResponseStreamsToTheClient() throws IOException, InterruptedException {
        deploy("out", "response_body = \"32MiB\"");
        HttpResponse<byte[]> r = edge.client.send(edge.publicRequest("/out/big?" + TWENTY_MIB).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(TWENTY_MIB, r.body().length);
        assertEquals(TWENTY_MIB, countOf(r.body(), (byte) 'x'));
        assertFalse(r.headers().firstValue("Content-Length").isPresent(), "a large response is streamed, not sent whole");
    }

    @Test
    void chunkedRequestBodyStreamsToTheGuestAndHasNoContentLength() throws IOException {
        deploy("chunked", "request_body = \"32MiB\"");
        HttpResponse<byte[]> r = post("/chunked/count", chunked(randomBytes(TWENTY_MIB)));
        assertEquals(200, r.statusCode());
        assertEquals("read " + TWENTY_MIB, new String(r.body()));
        String env = edge.send(edge.publicRequest("/chunked/echo").POST(chunked("abc".getBytes())).build()).body();
        assertTrue(env.contains("\nCONTENT_LENGTH=\n"), "a chunked body's length is not known up front: " + env);
        assertTrue(env.endsWith("BODY:abc"), env);
    }

    private static int countOf(byte[] b, byte value) {
        int n = 0;
        for (byte x : b) {
            if (x == value) {
                n++;
            }
        }
        return n;
    }

    @Test
    void smallResponsesAreStillSentWholeWithTheirLength() {
        deploy("small", "");
        HttpResponse<String> r = edge.get("/small/status");
        assertEquals(201, r.statusCode());
        assertEquals("created", r.body());
        assertEquals("7", r.headers().firstValue("Content-Length").orElse("none"));
        assertEquals(java.util.List.of("one", "two"), r.headers().allValues("X-Repeat"));
    }

    @Test
    void declaredLengthOverTheLimitIs413BeforeTheGuestRuns() throws IOException {
        deploy("declared", "request_body = \"1KiB\"");
        HttpResponse<byte[]> r = post("/declared/count", HttpRequest.BodyPublishers.ofByteArray(new byte[1025]));
        assertEquals(413, r.statusCode());
        assertFalse(edge.log().contains("\"app\":\"declared\",\"version\":1,\"method\":\"POST\",\"path\":\"/declared/count\",\"status\":200"));
    }

    @Test
    void chunkedBodyCrossingTheLimitIs413() throws IOException {
        deploy("crossing", "request_body = \"1KiB\"");
        HttpResponse<byte[]> over = post("/crossing/count", chunked(new byte[64 * 1024]));
        assertEquals(413, over.statusCode());
        String metrics = edge.send(edge.admin("/metrics").GET().build()).body();
        assertTrue(metrics.contains("verge_limit_kills_total{app=\"crossing\",limit=\"request_body\"} 1"), metrics);
        HttpResponse<byte[]> exact = post("/crossing/count", chunked(new byte[1024]));
        assertEquals(200, exact.statusCode());
        assertEquals("read 1024", new String(exact.body()));
    }

    @Test
    void responseOverTheLimitAfterHeadersWereSentCutsTheConnection() {
        deploy("cut", "response_body = \"256KiB\"");
        // 1 MiB of output: the first 64 KiB commit the response, the limit is crossed later.
        assertThrows(IOException.class, () -> edge.client.send(edge.publicRequest("/cut/big?1048576").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()), "never a clean, truncated 200");
        edge.awaitLogLine("\"limit\":\"response_body\"", "\"after_headers_sent\":true");
        edge.awaitLogLine("response-aborted", "\"app\":\"cut\"");
        HttpResponse<String> ok = edge.get("/cut/big?200000");
        assertEquals(200, ok.statusCode());
        assertEquals(200000, ok.body().length());
    }

    @Test
    void trapAfterTheResponseStartedCutsTheConnection() {
        deploy("late", "");
        assertThrows(IOException.class, () -> edge.client.send(edge.publicRequest("/late/stream-trap").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        edge.awaitLogLine("guest-trap", "\"app\":\"late\"");
        edge.awaitLogLine("response-aborted", "\"app\":\"late\"");
        assertEquals(200, edge.get("/late/echo").statusCode(), "the server goes on");
    }

    @Test
    void outputWithoutCgiHeadersIsStill502() {
        deploy("raw", "");
        assertEquals(502, edge.get("/raw/raw").statusCode());
        assertEquals(502, edge.get("/raw/nothing").statusCode());
        edge.awaitLogLine("bad-cgi-response", "\"app\":\"raw\"");
    }
}
