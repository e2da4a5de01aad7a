package dev.verge.edge.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.edge.manifest.RoutePattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    record App(String name, List<RoutePattern> routes) {}

    static App app(String name, String... routes) {
        return new App(name, java.util.Arrays.stream(routes).map(r -> {
            int slash = r.indexOf('/');
            String host = slash > 0 ? r.substring(0, slash) : null;
            return RoutePattern.parse("routes", host, r.substring(slash));
        }).toList());
    }

    static Router<App> router(App... apps) {
        return Router.of(List.of(apps), App::name, App::routes);
    }

    static String find(Router<App> r, String host, String path) {
        Router.Match<App> m = r.find(host, path);
        return m == null ? null : m.target().name();
    }

    @Test
    void longestPrefixWinsAndExactBeatsPrefixOfSamePath() {
        Router<App> r = router(app("root", "/..."), app("api", "/api/..."), app("v2", "/api/v2/..."), app("exact", "/api"));
        assertEquals("root", find(r, "h", "/"));
        assertEquals("root", find(r, "h", "/apix"));
        assertEquals("exact", find(r, "h", "/api"));
        assertEquals("api", find(r, "h", "/api/"));
        assertEquals("api", find(r, "h", "/api/v1/x"));
        assertEquals("v2", find(r, "h", "/api/v2"));
        assertEquals("v2", find(r, "h", "/api/v2/x"));
    }

    @Test
    void namedHostBeatsAnyHostAndPortIsIgnored() {
        Router<App> r = router(app("any", "/..."), app("shop", "shop.example.com/..."));
        assertEquals("shop", find(r, "Shop.Example.com:8080", "/x"));
        assertEquals("any", find(r, "other.example.com", "/x"));
    }

    @Test
    void exactRouteMatchesOnlyItself() {
        Router<App> r = router(app("a", "/a"));
        assertEquals("a", find(r, "h", "/a"));
        assertNull(find(r, "h", "/a/"));
        assertNull(find(r, "h", "/ab"));
    }

    @Test
    void sameRouteInTwoAppsIsAClash() {
        RouteClashException e = assertThrows(RouteClashException.class, () -> router(app("a", "/x/..."), app("b", "/x/...")));
        assertTrue(e.getMessage().contains("/x/...") && e.getMessage().contains("app a"), e.getMessage());
        // Exact and prefix of the same path, or different hosts, do not clash.
        router(app("a", "/x/..."), app("b", "/x"), app("c", "h.example/x/..."));
    }
}
