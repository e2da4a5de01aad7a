package dev.verge.cli;

import dev.verge.core.VergeException;
import dev.verge.edge.server.EdgeConfig;
import dev.verge.edge.server.EdgeServer;
import dev.verge.edge.store.SecretsKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verge serve}: the edge host. With no options it listens on 127.0.0.1:8080 over the
 * default store, which is created with the bundled example apps on first start.
 */
@Command(
        name = "serve",
        header = "Runs the edge host: HTTP requests answered by Wasm apps.",
        description = {
            "Serves the apps of a store (a local directory), each request in a fresh instance of "
                    + "its app's module. The admin API (deploy, list, inspect, rollback, delete, "
                    + "metrics) listens on its own address behind a bearer token, which is "
                    + "generated on first start and kept in the store (its path is printed).",
            "Ctrl-C stops accepting requests, lets those in flight finish, then exits.",
        },
        footer = {"", "Exit status: 0 after a clean shutdown, 2 when the server cannot start."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where to answer requests (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--admin", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8081",
            description = "Where the admin API listens (default: ${DEFAULT-VALUE}).")
    String admin;

    @Option(names = "--no-admin", description = "Run without the admin API.")
    boolean noAdmin;

    @Option(names = "--store", paramLabel = "DIR",
            description = "The app store (default: ~/.verge/store, or $VERGE_STORE).")
    Path store;

    @Option(names = "--app", paramLabel = "DIR",
            description = "Also deploy the app in DIR (app.wasm and verge.toml) at start; repeatable.")
    List<Path> apps = new ArrayList<>();

    @Option(names = "--no-examples", description = "Do not seed a new store with the example apps.")
    boolean noExamples;

    @Option(names = "--drain", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long shutdown waits for requests in flight (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--secrets-key-file", paramLabel = "FILE",
            description = "The key that seals secret variables in the store: base64 of 32 random bytes "
                    + "(openssl rand -base64 32). Default: $VERGE_SECRETS_KEY, else the store's own "
                    + "secrets.key, generated on first start.")
    Path secretsKeyFile;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        HostPort pub = HostPort.parse("--listen", listen);
        HostPort adm = noAdmin ? new HostPort("127.0.0.1", -1) : HostPort.parse("--admin", admin);
        Path storeDir = store != null ? store : defaultStore();
        EdgeConfig config = EdgeConfig.defaults(storeDir)
                .withListen(pub.host(), pub.port())
                .withAdmin(adm.host(), adm.port())
                .withSeedExamples(!noExamples)
                .withAppDirs(apps)
                .withDrainTimeout(Duration.ofSeconds(drainSeconds));
        EdgeServer server;
        try {
            SecretsKey key = secretsKey();
            if (key != null) {
                config = config.withSecretsKey(key);
            }
            server = EdgeServer.start(config);
        } catch (VergeException e) {
            throw new CliFailure(e.getMessage(), VergeCommand.USAGE);
        }
        err.println("Verge edge host: http://" + pub.host() + ":" + server.port() + "/");
        if (server.adminPort() >= 0) {
            err.println("Admin API: http://" + adm.host() + ":" + server.adminPort() + "/ (bearer token in " + server.adminTokenFile() + ")");
        }
        err.println("Store: " + storeDir.toAbsolutePath());
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "verge-shutdown"));
        stopped.await();
        return 0;
    }

    /** The operator's secrets key: from --secrets-key-file, else $VERGE_SECRETS_KEY, else none (the store's own). */
    private SecretsKey secretsKey() {
        if (secretsKeyFile != null) {
            try {
                return SecretsKey.fromBase64(Files.readString(secretsKeyFile, StandardCharsets.US_ASCII), secretsKeyFile.toString());
            } catch (IOException e) {
                throw new CliFailure("--secrets-key-file: cannot read " + secretsKeyFile + ": " + e.getMessage(), VergeCommand.USAGE);
            }
        }
        String env = System.getenv("VERGE_SECRETS_KEY");
        return env == null || env.isBlank() ? null : SecretsKey.fromBase64(env, "VERGE_SECRETS_KEY");
    }

    /** The store used when none is given: $VERGE_STORE, else ~/.verge/store. */
    static Path defaultStore() {
        String env = System.getenv("VERGE_STORE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".verge", "store");
    }

    /** A listen address. */
    record HostPort(String host, int port) {
        static HostPort parse(String option, String text) {
            int colon = text.lastIndexOf(':');
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                String host = colon <= 0 ? "127.0.0.1" : text.substring(0, colon);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(host, port);
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new CliFailure(option + ": expected HOST:PORT, got '" + text + "'", VergeCommand.USAGE);
            }
        }
    }
}
