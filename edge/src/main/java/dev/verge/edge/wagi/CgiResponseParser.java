package dev.verge.edge.wagi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses a guest's standard output as a CGI response (RFC 3875 section 6): header lines, a blank
 * line, the body. Where WAGI is known to be wrong this does better: an explicit {@code Status}
 * beats the 302 implied by {@code Location}; headers keep their order and repeats; output with
 * none of Content-Type, Location or Status is refused instead of guessed at.
 */
public final class CgiResponseParser {
    /** The most bytes of header lines read before giving up. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    /** Headers the server sets itself or that belong to one connection only. */
    private static final Set<String> DROPPED = Set.of(
            "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "proxy-connection");

    private CgiResponseParser() {}

    /** Parses {@code length} bytes of output. */
    public static CgiResponse parse(byte[] out, int length) {
        List<CgiRequest.Header> headers = new ArrayList<>();
        Integer status = null;
        boolean hasType = false;
        boolean hasLocation = false;
        int at = 0;
        int bodyStart = -1;
        while (at < length) {
            int eol = indexOf(out, (byte) '\n', at, length);
            int lineEnd = eol < 0 ? length : eol;
            if (lineEnd > MAX_HEADER_BYTES) {
                throw new BadCgiResponseException("header section longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int contentEnd = lineEnd > at && out[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            int next = eol < 0 ? length : eol + 1;
            if (contentEnd == at) {
                bodyStart = next;
                break;
            }
            String line = new String(out, at, contentEnd - at, StandardCharsets.ISO_8859_1);
            at = next;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadCgiResponseException("not a header line: \"" + abbreviate(line) + "\"");
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new BadCgiResponseException("bad header name: \"" + abbreviate(name) + "\"");
            }
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw new BadCgiResponseException("control character in header " + name);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "status" -> {
                    if (status != null) {
                        throw new BadCgiResponseException("Status given twice");
                    }
                    status = parseStatus(value);
                }
                case "content-type" -> {
                    hasType = true;
                    headers.add(new CgiRequest.Header(name, value));
                }
                case "location" -> {
                    hasLocation = true;
                    headers.add(new CgiRequest.Header(name, value));
                }
                default -> {
                    if (!DROPPED.contains(lower)) {
                        headers.add(new CgiRequest.Header(name, value));
                    }
                }
            }
        }
        if (status == null && !hasType && !hasLocation) {
            throw new BadCgiResponseException(length == 0
                    ? "no output"
                    : "no Content-Type, Location or Status header in the output");
        }
        int code = status != null ? status : hasLocation ? 302 : 200;
        byte[] body = bodyStart < 0 ? new byte[0] : Arrays.copyOfRange(out, bodyStart, length);
        return new CgiResponse(code, headers, body);
    }

    private static int parseStatus(String value) {
        String digits = value.length() >= 3 ? value.substring(0, 3) : value;
        if (!digits.matches("[1-5][0-9][0-9]") || (value.length() > 3 && value.charAt(3) != ' ')) {
            throw new BadCgiResponseException("bad Status: \"" + abbreviate(value) + "\"");
        }
        return Integer.parseInt(digits);
    }

    private static int indexOf(byte[] a, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
