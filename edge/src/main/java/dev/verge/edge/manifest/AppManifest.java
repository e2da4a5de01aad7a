package dev.verge.edge.manifest;

import java.util.List;
import java.util.Map;

/**
 * An app's manifest ({@code verge.toml}): what it is called, where it answers, and exactly what it
 * is granted. Everything not granted here is denied.
 *
 * @param name the app's name: lower-case letters, digits and dashes
 * @param routes where it answers (at least one)
 * @param env environment variables given to the guest
 * @param variables configuration values given to the guest as environment variables; secret
 *     ones are never logged or shown
 * @param filesDir a directory of the app bundle mounted read-only at {@code /}, or null for none
 * @param outbound allowed outbound destinations (empty: no network)
 * @param kvStores the key-value stores the app may use (empty: none)
 * @param limits per-request limits
 */
public record AppManifest(
        String name,
        List<RoutePattern> routes,
        Map<String, String> env,
        List<Variable> variables,
        String filesDir,
        List<OutboundRule> outbound,
        List<String> kvStores,
        Limits limits) {

    public AppManifest {
        routes = List.copyOf(routes);
        env = Map.copyOf(env);
        variables = List.copyOf(variables);
        outbound = List.copyOf(outbound);
        kvStores = List.copyOf(kvStores);
    }

    /** Whether the guest may reach this (strictly parsed) destination. */
    public boolean allowsOutbound(String scheme, String host, int port) {
        return outbound.stream().anyMatch(rule -> rule.allows(scheme, host, port));
    }
}
