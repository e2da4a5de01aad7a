package dev.verge.edge.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestParserTest {
    static final String MINIMAL = "name = \"a\"\n[[routes]]\npath = \"/a\"\n";

    @Test
    void fullManifest() {
        AppManifest m = ManifestParser.parse("""
                name = "shop-api"
                files = "static"
                allowed_outbound_hosts = ["https://api.example.com", "http://*.internal:8080"]
                key_value_stores = ["default"]
                [[routes]]
                path = "/api/..."
                host = "Shop.Example.com"
                [env]
                MODE = "prod"
                [variables]
                region = "eu"
                token = { value = "t", secret = true }
                [limits]
                memory = "32MiB"
                cpu_time = "20ms"
                wall_time = "2m"
                request_body = "64KiB"
                response_body = 1000
                concurrency = 4
                """);
        assertEquals("shop-api", m.name());
        assertEquals(List.of(new RoutePattern("shop.example.com", "/api", true)), m.routes());
        assertEquals(Map.of("MODE", "prod"), m.env());
        assertEquals(List.of(new Variable("region", "eu", false), new Variable("token", "t", true)), m.variables());
        assertEquals("static", m.filesDir());
        assertEquals(new Limits(32 << 20, Duration.ofMillis(20), Duration.ofMinutes(2), 64 << 10, 1000, 4), m.limits());
        assertTrue(m.allowsOutbound("https", "api.example.com", 443));
        assertTrue(m.allowsOutbound("http", "db.internal", 8080));
        assertFalse(m.allowsOutbound("http", "api.example.com", 443));
        assertFalse(m.allowsOutbound("http", "internal", 8080));
        assertEquals(List.of("default"), m.kvStores());
    }

    /** A 32-bit memory's full 4 GiB is a valid limit (65,536 pages), a byte more is not. */
    @Test
    void memoryLimitReaches4GiB() {
        AppManifest m = ManifestParser.parse("name = \"a\"\n[[routes]]\npath = \"/a\"\n[limits]\nmemory = \"4GiB\"");
        assertEquals(4L << 30, m.limits().memoryBytes());
        assertEquals(65536, m.limits().memoryPages());
    }

    @Test
    void denyByDefault() {
        AppManifest m = ManifestParser.parse(MINIMAL);
        assertTrue(m.env().isEmpty());
        assertTrue(m.variables().isEmpty());
        assertEquals(null, m.filesDir());
        assertTrue(m.outbound().isEmpty());
        assertTrue(m.kvStores().isEmpty());
        assertFalse(m.allowsOutbound("https", "example.com", 443));
        assertEquals(Limits.DEFAULT, m.limits());
        assertEquals(Duration.ofMillis(50), Limits.DEFAULT.cpuTime());
        assertEquals(Duration.ofMinutes(2), Limits.DEFAULT.wallTime());
    }

    @Test
    void secretVariableIsNeverShown() {
        Variable v = new Variable("k", "hidden", true);
        assertEquals("<secret>", v.shownValue());
        assertFalse(v.toString().contains("hidden"));
    }

    static Stream<Arguments> badManifests() {
        return Stream.of(
            Arguments.of("name = \"a\"", "routes"),
            Arguments.of("[[routes]]\npath = \"/a\"", "name"),
            Arguments.of("name = \"Bad Name\"\n[[routes]]\npath = \"/a\"", "name"),
            Arguments.of("name = \"a\"\ncolour = \"red\"\n[[routes]]\npath = \"/a\"", "colour"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"a\"", "routes[0].path"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\nhost = \"x y\"", "routes[0].host"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/_verge/x\"", "routes[0].path"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[[routes]]\npath = \"/a\"", "routes[1]"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[env]\n\"A=B\" = \"x\"", "env.A=B"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[env]\nA = 1", "env.A"),
            Arguments.of("name = \"a\"\nfiles = \"../etc\"\n[[routes]]\npath = \"/a\"", "files"),
            Arguments.of("name = \"a\"\nallowed_outbound_hosts = [\"example.com\"]\n[[routes]]\npath = \"/a\"", "allowed_outbound_hosts[0]"),
            Arguments.of("name = \"a\"\nallowed_outbound_hosts = [\"https://u@h\"]\n[[routes]]\npath = \"/a\"", "allowed_outbound_hosts[0]"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[limits]\nmemory = \"lots\"", "limits.memory"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[limits]\nmemory = \"1GiB0\"", "limits.memory"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[limits]\nmemory = \"4097MiB\"", "limits.memory"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[limits]\ncpu_time = 50", "limits.cpu_time"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[limits]\nwall_time = \"0s\"", "limits.wall_time"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[limits]\nconcurrency = 0", "limits.concurrency"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[limits]\nfuel = 3", "limits.fuel"),
            Arguments.of("name = \"a\"\n[[routes]]\npath = \"/a\"\n[variables]\nk = { value = \"v\", secret = \"yes\" }", "variables.k.secret"),
            Arguments.of("name = = \"a\"", "manifest"));
    }

    @ParameterizedTest
    @MethodSource("badManifests")
    void badManifestNamesTheField(String toml, String field) {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestParser.parse(toml));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    }
}
