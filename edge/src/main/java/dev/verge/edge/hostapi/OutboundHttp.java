package dev.verge.edge.hostapi;

import dev.verge.edge.manifest.AppManifest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Outbound HTTP for guests, allowed only to the manifest's {@code allowed_outbound_hosts}. The URL
 * is parsed strictly and checked before anything is sent: absolute {@code http}/{@code https}
 * only, no user info ({@code user@host} tricks), no fragment; redirects are followed by this class
 * (never by the client) and every hop is checked again.
 */
public final class OutboundHttp {
    /** Why a request was not made. */
    public static final class Refused extends Exception {
        final int code;

        public Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** A response: status, header lines, body. */
    public record Reply(int status, List<String[]> headers, byte[] body) {}

    private static final int MAX_REDIRECTS = 5;
    private static final Set<String> FORBIDDEN_HEADERS = Set.of(
            "host", "connection", "content-length", "transfer-encoding", "upgrade", "expect", "keep-alive", "te", "trailer");
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private OutboundHttp() {}

    /** Parses and checks a URL against the manifest; the reason for a refusal is in the exception. */
    public static URI check(AppManifest manifest, String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused(HostErrors.INVALID, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new Refused(HostErrors.INVALID, "only absolute http and https URLs are allowed");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
            throw new Refused(HostErrors.INVALID, "URLs with user info are not allowed");
        }
        if (uri.getHost() == null || uri.getRawFragment() != null) {
            throw new Refused(HostErrors.INVALID, "the URL needs a host and no fragment");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (!manifest.allowsOutbound(scheme, uri.getHost(), port)) {
            throw new Refused(HostErrors.DENIED, scheme + "://" + uri.getHost() + ":" + port + " is not in allowed_outbound_hosts");
        }
        return uri;
    }

    /** Sends the request, following and re-checking redirects; {@code maxBody} bounds what is read. */
    public static Reply send(AppManifest manifest, String method, String url, List<String[]> headers, byte[] body,
            Duration timeout, long maxBody) throws Refused {
        URI uri = check(manifest, url);
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.matches("[A-Z]{1,16}")) {
            throw new Refused(HostErrors.INVALID, "bad method");
        }
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .method(m, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String[] h : headers) {
                if (FORBIDDEN_HEADERS.contains(h[0].toLowerCase(Locale.ROOT))) {
                    throw new Refused(HostErrors.INVALID, "header " + h[0] + " is set by the host");
                }
                try {
                    b.header(h[0], h[1]);
                } catch (IllegalArgumentException e) {
                    throw new Refused(HostErrors.INVALID, "bad header " + h[0]);
                }
            }
            HttpResponse<java.io.InputStream> r;
            try {
                r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new Refused(HostErrors.IO, "request failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused(HostErrors.IO, "interrupted");
            } catch (IllegalArgumentException e) {
                throw new Refused(HostErrors.INVALID, e.getMessage());
            }
            byte[] data;
            try (java.io.InputStream in = r.body()) {
                data = in.readNBytes((int) Math.min(maxBody + 1, Integer.MAX_VALUE - 8));
            } catch (IOException e) {
                throw new Refused(HostErrors.IO, "reading the response failed: " + e.getMessage());
            }
            if (data.length > maxBody) {
                throw new Refused(HostErrors.TOO_LARGE, "response body over " + maxBody + " bytes");
            }
            int status = r.statusCode();
            String location = r.headers().firstValue("Location").orElse(null);
            if (status / 100 == 3 && location != null && status != 304) {
                if (hop == MAX_REDIRECTS) {
                    throw new Refused(HostErrors.IO, "too many redirects");
                }
                URI next;
                try {
                    next = uri.resolve(new URI(location));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new Refused(HostErrors.INVALID, "bad redirect location");
                }
                uri = check(manifest, next.toString());
                if (status == 303 || ((status == 301 || status == 302) && m.equals("POST"))) {
                    m = "GET";
                    body = new byte[0];
                }
                continue;
            }
            List<String[]> out = new java.util.ArrayList<>();
            r.headers().map().forEach((name, values) -> values.forEach(v -> out.add(new String[] {name, v})));
            return new Reply(status, out, data);
        }
    }
}
