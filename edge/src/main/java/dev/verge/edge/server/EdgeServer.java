package dev.verge.edge.server;

import dev.verge.core.VergeException;
import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.guest.Watchdog;
import dev.verge.edge.guest.WasiProvider;
import dev.verge.edge.store.AppStore;
import dev.verge.edge.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The edge host: a public HTTP listener that answers requests with tenant apps and an admin
 * listener that deploys them. Jetty's own threads (platform threads) accept and parse; every guest
 * runs on its own virtual thread. {@link #close()} stops accepting, lets in-flight requests finish
 * (up to the drain timeout), then stops.
 */
public final class EdgeServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector publicConnector;
    private final ServerConnector adminConnector;
    private final ExecutorService guests;
    private final Watchdog watchdog;
    private final AppRegistry registry;
    private final Path tokenFile;

    private EdgeServer(Server server, ServerConnector publicConnector, ServerConnector adminConnector,
            ExecutorService guests, Watchdog watchdog, AppRegistry registry, Path tokenFile) {
        this.server = server;
        this.publicConnector = publicConnector;
        this.adminConnector = adminConnector;
        this.guests = guests;
        this.watchdog = watchdog;
        this.registry = registry;
        this.tokenFile = tokenFile;
    }

    /** Opens the store, loads its apps and starts listening. */
    public static EdgeServer start(EdgeConfig config) {
        EdgeLog log = new EdgeLog(config.logOut());
        AppStore store = new AppStore(config.store(), config.secretsKey());
        boolean fresh = store.isEmpty();
        Watchdog watchdog = new Watchdog();
        GuestRunner runner = new GuestRunner(Wasi.provider(), watchdog);
        HostImports hostImports = HostApiImports.create(store, log);
        AppRegistry registry = new AppRegistry(store, log,
                module -> runner.prepare(module, linker -> hostImports.define(linker, module)), new Warmup(runner, hostImports));
        registry.loadAll();
        if (fresh && config.seedExamples()) {
            List<String> names = ExampleApps.deployAll(registry);
            log.write("examples-deployed", "apps", names);
        }
        for (Path dir : config.appDirs()) {
            deployDirectory(registry, dir, log);
        }
        AdminToken token = AdminToken.load(config.adminToken(), store.adminTokenFile());
        Metrics metrics = new Metrics();
        ExecutorService guests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("verge-guest-", 0).factory());

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("verge-http");
        Server server = new Server(threads);
        server.setStopTimeout(config.drainTimeout().toMillis());
        server.setStopAtShutdown(false);
        ServerConnector pub = new ServerConnector(server);
        pub.setHost(config.host());
        pub.setPort(config.port());
        pub.setName("public");
        server.addConnector(pub);
        ServerConnector admin = null;
        Handler adminHandler = null;
        if (config.adminPort() >= 0) {
            admin = new ServerConnector(server);
            admin.setHost(config.adminHost());
            admin.setPort(config.adminPort());
            admin.setName("admin");
            server.addConnector(admin);
            adminHandler = new AdminHandler(registry, token, metrics, log, guests);
        }
        Handler publicHandler = new PublicHandler(registry, runner, metrics, log, guests, hostImports);
        server.setHandler(new GracefulHandler(new ByConnector(publicHandler, adminHandler)));
        try {
            server.start();
        } catch (Exception e) {
            guests.shutdownNow();
            watchdog.close();
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new StoreException("cannot start the server: " + e.getMessage(), e);
        }
        EdgeServer edge = new EdgeServer(server, pub, admin, guests, watchdog, registry, store.adminTokenFile());
        log.write("started", "public", "http://" + config.host() + ":" + pub.getLocalPort() + "/",
                "admin", admin == null ? "disabled" : "http://" + config.adminHost() + ":" + admin.getLocalPort() + "/",
                "store", store.root().toString(), "secrets_key", store.secretsKey().origin(), "admin_token_file", config.adminToken() == null ? store.adminTokenFile().toString() : "(configured)",
                "apps", registry.snapshot().apps().keySet().stream().sorted().toList());
        return edge;
    }

    /** Deploys the app bundle in {@code dir} (app.wasm and verge.toml), unless that exact version is already served. */
    private static void deployDirectory(AppRegistry registry, Path dir, EdgeLog log) {
        try {
            byte[] module = Files.readAllBytes(dir.resolve(AppStore.MODULE_FILE));
            String manifest = Files.readString(dir.resolve(AppStore.MANIFEST_FILE));
            String name = dev.verge.edge.manifest.ManifestParser.parse(manifest).name();
            var current = registry.store().current(name);
            if (current.isPresent() && current.get().manifestText().equals(manifest)
                    && java.util.Arrays.equals(current.get().moduleBytes(), module)) {
                return; // already served as is: restarting with the same --app adds no version
            }
            DeployedApp app = registry.deploy(module, manifest, Map.of());
            log.write("app-deployed", "app", app.name(), "version", app.version(), "from", dir.toString());
        } catch (java.io.IOException e) {
            throw new StoreException("cannot read the app in " + dir + ": " + e.getMessage(), e);
        } catch (VergeException e) {
            throw new StoreException("cannot deploy the app in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The public port actually bound. */
    public int port() {
        return publicConnector.getLocalPort();
    }

    /** The admin port actually bound, or -1 when the admin API is off. */
    public int adminPort() {
        return adminConnector == null ? -1 : adminConnector.getLocalPort();
    }

    /** Where the admin token is kept. */
    public Path adminTokenFile() {
        return tokenFile;
    }

    /** The apps being served. */
    public AppRegistry registry() {
        return registry;
    }

    /** Whether shutdown has begun (new requests are refused, those in flight are finishing). */
    public boolean stopping() {
        return server.isStopping() || server.isStopped();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, drains in-flight requests (up to the drain timeout), stops. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Jetty reports a drain that timed out as an exception; the server is stopped anyway.
        }
        guests.shutdown();
        try {
            guests.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.close();
    }

    /** Sends each request to the handler of the listener it came in on. */
    private static final class ByConnector extends Handler.Abstract {
        private final Handler publicHandler;
        private final Handler adminHandler;

        ByConnector(Handler publicHandler, Handler adminHandler) {
            this.publicHandler = publicHandler;
            this.adminHandler = adminHandler;
            addBean(publicHandler);
            if (adminHandler != null) {
                addBean(adminHandler);
            }
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            boolean admin = adminHandler != null && "admin".equals(request.getConnectionMetaData().getConnector().getName());
            return (admin ? adminHandler : publicHandler).handle(request, response, callback);
        }
    }
}
