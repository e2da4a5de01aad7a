package dev.verge.edge.wagi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the CGI environment (RFC 3875, as WAGI uses it) for one request, with WAGI's known faults
 * fixed: CONTENT_TYPE comes from the real header, and headers a guest must not see or that would be
 * dangerous as variables are left out.
 */
public final class CgiEnvironment {
    /**
     * Headers never passed as HTTP_* variables: credentials (Authorization), hop-by-hop
     * (Connection), those already given as CONTENT_* variables, and Proxy, whose HTTP_PROXY
     * variable would redirect the guest's HTTP client ("httpoxy").
     */
    private static final Set<String> WITHHELD = Set.of("authorization", "connection", "content-type", "content-length", "proxy");

    private CgiEnvironment() {}

    /**
     * The variables for this request and body length, in a stable order. A negative length means
     * the body's length is not known before it ends (chunked): CONTENT_LENGTH is then empty, as
     * RFC 3875 allows, and the guest reads stdin to its end.
     */
    public static Map<String, String> of(CgiRequest r, long bodyLength) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_SOFTWARE", "Verge");
        env.put("SERVER_PROTOCOL", r.protocol());
        env.put("SERVER_NAME", r.serverName());
        env.put("SERVER_PORT", Integer.toString(r.serverPort()));
        env.put("REQUEST_METHOD", r.method());
        env.put("REQUEST_URI", r.query().isEmpty() ? r.rawPath() : r.rawPath() + "?" + r.query());
        env.put("SCRIPT_NAME", r.scriptName());
        String pathInfo = r.path().length() >= r.scriptName().length() ? r.path().substring(r.scriptName().length()) : "";
        env.put("PATH_INFO", pathInfo);
        env.put("PATH_TRANSLATED", pathInfo);
        env.put("QUERY_STRING", r.query());
        String contentType = r.header("Content-Type");
        env.put("CONTENT_TYPE", contentType == null ? "" : contentType);
        env.put("CONTENT_LENGTH", bodyLength < 0 ? "" : Long.toString(bodyLength));
        env.put("REMOTE_ADDR", r.remoteAddr());
        env.put("REMOTE_HOST", r.remoteAddr());
        env.put("REMOTE_PORT", Integer.toString(r.remotePort()));
        env.put("AUTH_TYPE", "");
        env.put("REMOTE_USER", "");
        env.put("X_MATCHED_ROUTE", r.matchedRoute());
        env.put("X_FULL_URL", r.scheme() + "://" + hostHeader(r) + env.get("REQUEST_URI"));
        env.put("X_RAW_PATH_INFO", rawPathInfo(r));
        for (CgiRequest.Header h : r.headers()) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (WITHHELD.contains(lower) || !isPlainName(lower)) {
                continue;
            }
            String name = "HTTP_" + lower.toUpperCase(Locale.ROOT).replace('-', '_');
            String separator = lower.equals("cookie") ? "; " : ", ";
            env.merge(name, h.value(), (a, b) -> a + separator + b);
        }
        return env;
    }

    /** Whether a (lower-cased) header name is only letters, digits and dashes: safe as a variable name. */
    private static boolean isPlainName(String lower) {
        if (lower.isEmpty()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String hostHeader(CgiRequest r) {
        String host = r.header("Host");
        return host != null ? host : r.serverName() + ":" + r.serverPort();
    }

    private static String rawPathInfo(CgiRequest r) {
        // The raw path has the script name's segments in encoded form; skip as many segments.
        int segments = r.scriptName().isEmpty() ? 0 : r.scriptName().split("/", -1).length - 1;
        String raw = r.rawPath();
        int at = 0;
        for (int i = 0; i < segments && at >= 0; i++) {
            at = raw.indexOf('/', at + 1);
        }
        return at < 0 ? "" : segments == 0 ? raw : raw.substring(at);
    }
}
