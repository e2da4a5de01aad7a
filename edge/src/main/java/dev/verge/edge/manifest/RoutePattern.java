package dev.verge.edge.manifest;

import java.util.Locale;

/**
 * Where an app answers: a host (or {@code *} for any) and a path, exact ({@code /hello}) or a
 * prefix written with a trailing {@code /...} ({@code /api/...} matches {@code /api} and
 * everything under {@code /api/}).
 *
 * @param host the lower-case host name without port, or {@code *}
 * @param path the path without the {@code /...} suffix ({@code /} for the root prefix)
 * @param prefix whether the route is a prefix
 */
public record RoutePattern(String host, String path, boolean prefix) {
    public static final String ANY_HOST = "*";

    /** Parses one route as written in a manifest; {@code field} names it in errors. */
    public static RoutePattern parse(String field, String host, String route) {
        String h = host == null ? ANY_HOST : host.trim().toLowerCase(Locale.ROOT);
        if (h.isEmpty() || !(h.equals(ANY_HOST) || h.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?"))) {
            throw new ManifestException(field + ".host", "expected a host name or \"*\", got \"" + host + "\"");
        }
        if (route == null || !route.startsWith("/")) {
            throw new ManifestException(field + ".path", "must start with /");
        }
        if (route.startsWith("/_verge")) {
            throw new ManifestException(field + ".path", "/_verge is reserved for the server");
        }
        boolean prefix = route.endsWith("/...");
        String path = prefix ? route.substring(0, route.length() - 4) : route;
        if (path.isEmpty()) {
            path = "/";
        }
        if (path.contains("...") || path.contains("//") || path.contains("?") || path.contains("#")
                || path.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new ManifestException(field + ".path", "not a plain path: \"" + route + "\"");
        }
        if (path.length() > 1 && path.endsWith("/") && !prefix) {
            throw new ManifestException(field + ".path", "exact paths do not end with / (write /x/... for a prefix)");
        }
        return new RoutePattern(h, path, prefix);
    }

    /** Whether this route takes the request path. */
    public boolean matchesPath(String requestPath) {
        if (!prefix) {
            return requestPath.equals(path);
        }
        if (path.equals("/")) {
            return true;
        }
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }

    /** The route as written in a manifest. */
    @Override
    public String toString() {
        String p = prefix ? (path.equals("/") ? "/..." : path + "/...") : path;
        return host.equals(ANY_HOST) ? p : host + p;
    }
}
