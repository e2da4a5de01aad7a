package dev.verge.edge.routing;

import dev.verge.edge.manifest.RoutePattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a request's host and path to the app that answers it. Immutable: a deploy builds a new
 * router and swaps it in.
 *
 * <p>When several routes match, the most specific wins, deterministically: a route naming the
 * request's host beats a {@code *} route; then the longer path wins; then an exact route beats a
 * prefix of the same path. Two apps can never claim the same (host, path, kind): that is refused
 * when the router is built.
 *
 * @param <T> what a route leads to (an app)
 */
public final class Router<T> {
    private record Entry<T>(RoutePattern route, String owner, T target) {}

    private static final Comparator<Entry<?>> MOST_SPECIFIC_FIRST = Comparator
            .<Entry<?>>comparingInt(e -> e.route().host().equals(RoutePattern.ANY_HOST) ? 1 : 0)
            .thenComparingInt(e -> -e.route().path().length())
            .thenComparingInt(e -> e.route().prefix() ? 1 : 0);

    private final List<Entry<T>> entries;

    private Router(List<Entry<T>> entries) {
        this.entries = entries;
    }

    /** A router with no routes. */
    public static <T> Router<T> empty() {
        return new Router<>(List.of());
    }

    /** Builds a router over every target's routes; {@code owner} names a target in clash messages. */
    public static <T> Router<T> of(Collection<T> targets, java.util.function.Function<T, String> owner,
            java.util.function.Function<T, List<RoutePattern>> routes) {
        Map<RoutePattern, String> claimed = new HashMap<>();
        List<Entry<T>> entries = new ArrayList<>();
        for (T target : targets) {
            String name = owner.apply(target);
            for (RoutePattern route : routes.apply(target)) {
                String other = claimed.putIfAbsent(route, name);
                if (other != null && !other.equals(name)) {
                    throw new RouteClashException("route " + route + " of app " + name + " is already taken by app " + other);
                }
                entries.add(new Entry<>(route, name, target));
            }
        }
        entries.sort(MOST_SPECIFIC_FIRST);
        return new Router<>(List.copyOf(entries));
    }

    /** A matched route and where it leads. */
    public record Match<T>(T target, RoutePattern route) {}

    /** The match for this request, or null when no route matches. {@code host} may carry a port. */
    public Match<T> find(String host, String path) {
        String h = normalizeHost(host);
        for (Entry<T> e : entries) {
            String rh = e.route().host();
            if ((rh.equals(RoutePattern.ANY_HOST) || rh.equals(h)) && e.route().matchesPath(path)) {
                return new Match<>(e.target(), e.route());
            }
        }
        return null;
    }

    private static String normalizeHost(String host) {
        if (host == null) {
            return "";
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
