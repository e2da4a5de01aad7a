package dev.verge.edge.wagi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgiResponseParserTest {
    static CgiResponse parse(String out) {
        byte[] b = out.getBytes(StandardCharsets.ISO_8859_1);
        return CgiResponseParser.parse(b, b.length);
    }

    @Test
    void headersBlankLineBody() {
        CgiResponse r = parse("Content-Type: text/plain\r\nX-A: 1\r\n\r\nhello\n\nworld");
        assertEquals(200, r.status());
        assertEquals(List.of(new CgiRequest.Header("Content-Type", "text/plain"), new CgiRequest.Header("X-A", "1")), r.headers());
        assertArrayEquals("hello\n\nworld".getBytes(StandardCharsets.ISO_8859_1), r.body());
    }

    @Test
    void statusBeatsLocationAndIsNotSentAsAHeader() {
        CgiResponse r = parse("Location: /x\nStatus: 404 Not Found\n\n");
        assertEquals(404, r.status());
        assertEquals(List.of(new CgiRequest.Header("Location", "/x")), r.headers());
        assertEquals(302, parse("Location: /x\n\n").status());
    }

    @Test
    void repeatsAndOrderKeptLengthAndHopByHopDropped() {
        CgiResponse r = parse("Set-Cookie: a=1\nContent-Length: 99\nContent-Type: x/y\nConnection: close\nSet-Cookie: b=2\n\n");
        assertEquals(List.of(new CgiRequest.Header("Set-Cookie", "a=1"), new CgiRequest.Header("Content-Type", "x/y"),
                new CgiRequest.Header("Set-Cookie", "b=2")), r.headers());
    }

    @Test
    void refusals() {
        assertThrows(BadCgiResponseException.class, () -> parse(""));
        assertThrows(BadCgiResponseException.class, () -> parse("hello world\n\n"));
        assertThrows(BadCgiResponseException.class, () -> parse("X-Only: 1\n\nbody"));
        assertThrows(BadCgiResponseException.class, () -> parse("Status: 99\n\n"));
        assertThrows(BadCgiResponseException.class, () -> parse("Status: 200 OK\nStatus: 201\n\n"));
        assertThrows(BadCgiResponseException.class, () -> parse("Bad Name: x\nContent-Type: a/b\n\n"));
        assertThrows(BadCgiResponseException.class, () -> parse("Content-Type: a\u0001b\n\n"));
        assertThrows(BadCgiResponseException.class, () -> parse("Content-Type: a/b\nX: " + "y".repeat(70_000) + "\n\n"));
    }

    @Test
    void headersWithoutBlankLineMeanAnEmptyBody() {
        CgiResponse r = parse("Status: 204\n");
        assertEquals(204, r.status());
        assertEquals(0, r.body().length);
    }
}
