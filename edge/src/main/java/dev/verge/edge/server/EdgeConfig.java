package dev.verge.edge.server;

import dev.verge.edge.store.SecretsKey;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run the edge host. Start from {@link #defaults(Path)} and derive with the {@code withX}
 * methods.
 *
 * @param host the public listener's address (default 127.0.0.1)
 * @param port the public port (default 8080; 0 picks a free one)
 * @param adminHost the admin listener's address (default 127.0.0.1)
 * @param adminPort the admin port (default 8081; 0 picks a free one; -1 disables the admin API)
 * @param store the app store directory
 * @param adminToken the admin bearer token, or null to use the store's (generated on first start)
 * @param seedExamples whether an empty store is filled with the bundled example apps (default true)
 * @param appDirs app bundles (a directory with app.wasm and verge.toml) deployed at start
 * @param drainTimeout how long shutdown waits for in-flight requests (default 30 s)
 * @param logOut where the JSON log lines go (default standard error)
 * @param secretsKey the key sealing secrets in the store, or null to use the store's own key file
 *     (generated on first start)
 */
public record EdgeConfig(
        String host,
        int port,
        String adminHost,
        int adminPort,
        Path store,
        String adminToken,
        boolean seedExamples,
        List<Path> appDirs,
        Duration drainTimeout,
        PrintStream logOut,
        SecretsKey secretsKey) {

    public EdgeConfig {
        appDirs = List.copyOf(appDirs);
    }

    /** The defaults, over {@code store}. */
    public static EdgeConfig defaults(Path store) {
        return new EdgeConfig("127.0.0.1", 8080, "127.0.0.1", 8081, store, null, true, List.of(), Duration.ofSeconds(30), System.err, null);
    }

    public EdgeConfig withListen(String host, int port) {
        return new EdgeConfig(host, port, adminHost, adminPort, store, adminToken, seedExamples, appDirs, drainTimeout, logOut, secretsKey);
    }

    public EdgeConfig withAdmin(String host, int port) {
        return new EdgeConfig(this.host, this.port, host, port, store, adminToken, seedExamples, appDirs, drainTimeout, logOut, secretsKey);
    }

    public EdgeConfig withAdminToken(String token) {
        return new EdgeConfig(host, port, adminHost, adminPort, store, token, seedExamples, appDirs, drainTimeout, logOut, secretsKey);
    }

    public EdgeConfig withSeedExamples(boolean on) {
        return new EdgeConfig(host, port, adminHost, adminPort, store, adminToken, on, appDirs, drainTimeout, logOut, secretsKey);
    }

    public EdgeConfig withAppDirs(List<Path> dirs) {
        return new EdgeConfig(host, port, adminHost, adminPort, store, adminToken, seedExamples, dirs, drainTimeout, logOut, secretsKey);
    }

    public EdgeConfig withDrainTimeout(Duration timeout) {
        return new EdgeConfig(host, port, adminHost, adminPort, store, adminToken, seedExamples, appDirs, timeout, logOut, secretsKey);
    }

    /** Seals the store's secrets with {@code key} (kept by the operator) instead of the store's own key file. */
    public EdgeConfig withSecretsKey(SecretsKey key) {
        return new EdgeConfig(host, port, adminHost, adminPort, store, adminToken, seedExamples, appDirs, drainTimeout, logOut, key);
    }

    public EdgeConfig withLog(PrintStream out) {
        return new EdgeConfig(host, port, adminHost, adminPort, store, adminToken, seedExamples, appDirs, drainTimeout, out, secretsKey);
    }
}
