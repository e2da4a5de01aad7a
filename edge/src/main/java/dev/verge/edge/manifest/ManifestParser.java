package dev.verge.edge.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code verge.toml} manifest into an {@link AppManifest}, refusing anything unknown or
 * malformed with a {@link ManifestException} that names the field. Example:
 *
 * <pre>{@code
 * name = "hello"
 * files = "static"                       # read-only, mounted at /
 * allowed_outbound_hosts = ["https://api.example.com"]
 * key_value_stores = ["default"]
 *
 * [[routes]]
 * path = "/hello/..."                    # prefix; "/hello" alone is exact
 * host = "example.com"                   # optional, default any host
 *
 * [env]
 * GREETING = "hi"
 *
 * [variables]
 * region = "eu"
 * api_token = { value = "s3cret", secret = true }
 *
 * [limits]
 * memory = "32MiB"
 * cpu_time = "50ms"
 * wall_time = "10s"
 * request_body = "1MiB"
 * response_body = "8MiB"
 * concurrency = 16
 * }</pre>
 */
public final class ManifestParser {
    private static final TomlMapper TOML = new TomlMapper();
    private static final Set<String> TOP = Set.of(
            "name", "routes", "env", "variables", "files", "allowed_outbound_hosts", "key_value_stores", "limits");
    private static final Set<String> ROUTE = Set.of("path", "host");
    private static final Set<String> LIMITS = Set.of(
            "memory", "cpu_time", "wall_time", "request_body", "response_body", "concurrency");
    private static final String NAME = "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?";

    private ManifestParser() {}

    /** Parses manifest text. */
    public static AppManifest parse(String toml) {
        JsonNode root;
        try {
            root = TOML.readTree(toml);
        } catch (JacksonException e) {
            throw new ManifestException("manifest", "not valid TOML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ManifestException("manifest", "empty");
        }
        unknownKeys("", root, TOP);
        String name = string("name", root.get("name"), true);
        if (!name.matches(NAME)) {
            throw new ManifestException("name", "use lower-case letters, digits and dashes (at most 64), got \"" + name + "\"");
        }
        return new AppManifest(
                name,
                routes(root.get("routes")),
                env(root.get("env")),
                variables(root.get("variables")),
                files(root.get("files")),
                outbound(root.get("allowed_outbound_hosts")),
                kvStores(root.get("key_value_stores")),
                limits(root.get("limits")));
    }

    private static List<RoutePattern> routes(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new ManifestException("routes", "at least one [[routes]] table with a path is required");
        }
        List<RoutePattern> routes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "routes[" + i + "]";
            JsonNode r = node.get(i);
            if (!r.isObject()) {
                throw new ManifestException(field, "expected a table with path and optional host");
            }
            unknownKeys(field + ".", r, ROUTE);
            String path = string(field + ".path", r.get("path"), true);
            String host = string(field + ".host", r.get("host"), false);
            RoutePattern route = RoutePattern.parse(field, host, path);
            if (routes.contains(route)) {
                throw new ManifestException(field, "duplicate route " + route);
            }
            routes.add(route);
        }
        return routes;
    }

    private static Map<String, String> env(JsonNode node) {
        Map<String, String> env = new LinkedHashMap<>();
        if (node == null) {
            return env;
        }
        table("env", node);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String field = "env." + e.getKey();
            envName(field, e.getKey());
            env.put(e.getKey(), string(field, e.getValue(), true));
        }
        return env;
    }

    private static List<Variable> variables(JsonNode node) {
        List<Variable> variables = new ArrayList<>();
        if (node == null) {
            return variables;
        }
        table("variables", node);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String field = "variables." + e.getKey();
            envName(field, e.getKey());
            JsonNode v = e.getValue();
            if (v.isObject()) {
                unknownKeys(field + ".", v, Set.of("value", "secret"));
                JsonNode secret = v.get("secret");
                if (secret != null && !secret.isBoolean()) {
                    throw new ManifestException(field + ".secret", "expected true or false");
                }
                variables.add(new Variable(e.getKey(), string(field + ".value", v.get("value"), true),
                        secret != null && secret.booleanValue()));
            } else {
                variables.add(new Variable(e.getKey(), string(field, v, true), false));
            }
        }
        return variables;
    }

    private static String files(JsonNode node) {
        String dir = string("files", node, false);
        if (dir == null) {
            return null;
        }
        if (!dir.matches("[A-Za-z0-9_-]+")) {
            throw new ManifestException("files", "a directory name inside the app (letters, digits, - and _), got \"" + dir + "\"");
        }
        return dir;
    }

    private static List<OutboundRule> outbound(JsonNode node) {
        List<OutboundRule> rules = new ArrayList<>();
        for (String s : strings("allowed_outbound_hosts", node)) {
            rules.add(OutboundRule.parse("allowed_outbound_hosts[" + rules.size() + "]", s));
        }
        return rules;
    }

    private static List<String> kvStores(JsonNode node) {
        List<String> stores = strings("key_value_stores", node);
        for (int i = 0; i < stores.size(); i++) {
            if (!stores.get(i).matches(NAME)) {
                throw new ManifestException("key_value_stores[" + i + "]", "use lower-case letters, digits and dashes");
            }
        }
        return stores;
    }

    private static Limits limits(JsonNode node) {
        Limits d = Limits.DEFAULT;
        if (node == null) {
            return d;
        }
        table("limits", node);
        unknownKeys("limits.", node, LIMITS);
        long memory = node.has("memory") ? Units.size("limits.memory", scalar(node.get("memory"))) : d.memoryBytes();
        if (memory < 65536 || memory > (65536L << 16)) {
            throw new ManifestException("limits.memory", "must be between 64KiB and 4GiB");
        }
        Duration cpu = node.has("cpu_time") ? Units.duration("limits.cpu_time", scalar(node.get("cpu_time"))) : d.cpuTime();
        Duration wall = node.has("wall_time") ? Units.duration("limits.wall_time", scalar(node.get("wall_time"))) : d.wallTime();
        long request = node.has("request_body") ? Units.size("limits.request_body", scalar(node.get("request_body"))) : d.requestBodyBytes();
        long response = node.has("response_body") ? Units.size("limits.response_body", scalar(node.get("response_body"))) : d.responseBodyBytes();
        if (request > Integer.MAX_VALUE - 8) {
            throw new ManifestException("limits.request_body", "at most 2GiB");
        }
        if (response > Integer.MAX_VALUE - 8) {
            throw new ManifestException("limits.response_body", "at most 2GiB");
        }
        int concurrency = d.concurrency();
        JsonNode c = node.get("concurrency");
        if (c != null) {
            if (!c.isIntegralNumber() || c.longValue() < 1 || c.longValue() > 100_000) {
                throw new ManifestException("limits.concurrency", "expected an integer from 1 to 100000");
            }
            concurrency = c.intValue();
        }
        return new Limits(memory, cpu, wall, request, response, concurrency);
    }

    private static Object scalar(JsonNode node) {
        return node.isNumber() ? (Object) node.longValue() : node.isTextual() ? node.textValue() : node.toString();
    }

    private static void envName(String field, String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ManifestException(field, "not a valid environment variable name");
        }
    }

    private static List<String> strings(String field, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw new ManifestException(field, "expected an array of strings");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(string(field + "[" + i + "]", node.get(i), true));
        }
        return out;
    }

    private static void table(String field, JsonNode node) {
        if (!node.isObject()) {
            throw new ManifestException(field, "expected a table");
        }
    }

    private static String string(String field, JsonNode node, boolean required) {
        if (node == null) {
            if (required) {
                throw new ManifestException(field, "required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new ManifestException(field, "expected a string");
        }
        return node.textValue();
    }

    private static void unknownKeys(String prefix, JsonNode node, Set<String> known) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            if (!known.contains(key)) {
                throw new ManifestException(prefix + key, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
