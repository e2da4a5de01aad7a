package dev.verge.edge.server;

import dev.verge.core.VergeException;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Import;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.InstancePre;
import dev.verge.core.runtime.UnlinkableException;
import dev.verge.edge.manifest.AppManifest;
import dev.verge.edge.manifest.ManifestParser;
import dev.verge.edge.routing.RouteClashException;
import dev.verge.edge.routing.Router;
import dev.verge.edge.store.AppStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The apps being served. Requests read an immutable {@link Snapshot}; a deploy, rollback or delete
 * prepares everything first (parse, compile, route check, store write) and then swaps the snapshot
 * in one step, so requests never see a half-made change and in-flight requests finish on the
 * version they started with. Changes are serialized by this object's lock.
 */
public final class AppRegistry {
    /** Import namespaces a guest may ask for; anything else is refused at deploy. */
    static final Set<String> GRANTABLE_IMPORTS = Set.of("wasi_snapshot_preview1", "verge");

    /** What requests see: the apps and the router over them. */
    public record Snapshot(Map<String, DeployedApp> apps, Router<DeployedApp> router) {}

    private final AppStore store;
    private final EdgeLog log;
    private final CompiledCode code;
    private final Function<CompiledModule, InstancePre> linker;
    private final Consumer<DeployedApp> warmer;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(Map.of(), Router.empty()));

    /**
     * @param linker resolves a compiled module's imports once per version (WASI, the {@code verge}
     *     API), so a request only instantiates; an unresolvable import refuses the deploy
     * @param warmer runs a new version once before it is served (see {@link Warmup}), so its first
     *     real request does not pay the JVM's first-run costs against its CPU limit
     */
    public AppRegistry(AppStore store, EdgeLog log, Function<CompiledModule, InstancePre> linker, Consumer<DeployedApp> warmer) {
        this.store = store;
        this.log = log;
        this.code = new CompiledCode(store, log);
        this.linker = linker;
        this.warmer = warmer;
    }

    public Snapshot snapshot() {
        return current.get();
    }

    public AppStore store() {
        return store;
    }

    /** Loads every served app from the store; an app that no longer loads is logged and skipped. */
    public synchronized void loadAll() {
        Map<String, DeployedApp> apps = new HashMap<>();
        for (String name : store.servedApps()) {
            try {
                AppStore.StoredVersion v = store.current(name).orElseThrow();
                apps.put(name, prepare(v));
            } catch (VergeException e) {
                log.write("app-load-failed", "app", name, "error", e.getMessage());
            }
        }
        install(apps);
    }

    /** Deploys a new version of the app the manifest names and serves it. */
    public synchronized DeployedApp deploy(byte[] module, String manifestText, Map<String, byte[]> files) {
        AppManifest manifest = ManifestParser.parse(manifestText);
        CompiledModule compiled = checked(CompiledCode.compile(manifest, module));
        InstancePre guest = link(compiled);
        Map<String, DeployedApp> next = new HashMap<>(current.get().apps());
        next.put(manifest.name(), new DeployedApp(manifest, 0, compiled, null, null, new Semaphore(1)));
        checkRoutes(next);
        AppStore.StoredVersion v = store.write(manifest.name(), module, manifestText, files);
        code.keep(v, module, compiled);
        DeployedApp app = new DeployedApp(manifest, v.version(), compiled, guest, filesDir(v, manifest), new Semaphore(manifest.limits().concurrency()));
        checkFiles(app);
        warmer.accept(app);
        next.put(manifest.name(), app);
        store.setCurrent(manifest.name(), v.version());
        install(next);
        return app;
    }

    /** Serves an earlier version again (the one before the current, when {@code version} is null). */
    public synchronized DeployedApp rollback(String name, Integer version) {
        DeployedApp now = current.get().apps().get(name);
        List<Integer> versions = store.versions(name);
        int target;
        if (version != null) {
            target = version;
        } else {
            int at = now == null ? -1 : versions.indexOf(now.version());
            if (at <= 0) {
                throw new DeployException("app " + name + " has no earlier version to roll back to");
            }
            target = versions.get(at - 1);
        }
        if (!versions.contains(target)) {
            throw new DeployException("app " + name + " has no version " + target);
        }
        DeployedApp app = prepare(store.version(name, target));
        if (!app.name().equals(name)) {
            throw new DeployException("version " + target + " of " + name + " names another app");
        }
        Map<String, DeployedApp> next = new HashMap<>(current.get().apps());
        next.put(name, app);
        checkRoutes(next);
        store.setCurrent(name, target);
        install(next);
        return app;
    }

    /** Stops serving an app and removes it and its data from the store. */
    public synchronized void delete(String name) {
        if (!current.get().apps().containsKey(name) && store.versions(name).isEmpty()) {
            throw new DeployException("no app named " + name);
        }
        Map<String, DeployedApp> next = new HashMap<>(current.get().apps());
        next.remove(name);
        install(next);
        store.delete(name);
    }

    private DeployedApp prepare(AppStore.StoredVersion v) {
        AppManifest manifest = ManifestParser.parse(v.manifestText());
        CompiledCode.Result code = this.code.of(manifest, v);
        log.write("app-code", "app", v.app(), "version", v.version(), "origin", code.origin().name().toLowerCase(java.util.Locale.ROOT));
        CompiledModule compiled = checked(code.module());
        DeployedApp app = new DeployedApp(manifest, v.version(), compiled, link(compiled), filesDir(v, manifest),
                new Semaphore(manifest.limits().concurrency()));
        checkFiles(app);
        warmer.accept(app);
        return app;
    }

    /** Resolves the module's imports once for every request of this version. */
    private InstancePre link(CompiledModule compiled) {
        try {
            return linker.apply(compiled);
        } catch (UnlinkableException e) {
            throw new DeployException("module: " + e.getMessage());
        }
    }

    private static Path filesDir(AppStore.StoredVersion v, AppManifest manifest) {
        return manifest.filesDir() == null ? null : v.dir().resolve(manifest.filesDir());
    }

    private static void checkFiles(DeployedApp app) {
        if (app.filesDir() != null && !Files.isDirectory(app.filesDir())) {
            throw new DeployException("files: the bundle has no directory " + app.manifest().filesDir());
        }
    }

    /**
     * Refuses a module whose imports cannot be granted or that is no WASI command. Run on loaded
     * code too: the grants may have changed since it was compiled.
     */
    static CompiledModule checked(CompiledModule compiled) {
        for (Import imp : compiled.imports()) {
            if (!GRANTABLE_IMPORTS.contains(imp.module())) {
                throw new DeployException("module: imports " + imp.module() + "." + imp.name()
                        + ", but only wasi_snapshot_preview1 and verge can be granted");
            }
            if (imp.type() != null && !(imp.type() instanceof dev.verge.core.model.FuncImport)) {
                throw new DeployException("module: imports a " + kindOf(imp) + " " + imp.module() + "." + imp.name() + "; only functions can be granted");
            }
        }
        boolean hasStart = compiled.exports().stream().anyMatch(e -> e.name().equals("_start") && e.kind() == ExternKind.FUNC);
        if (!hasStart) {
            throw new DeployException("module: exports no _start function (build it as a WASI command)");
        }
        return compiled;
    }

    private static String kindOf(Import imp) {
        return imp.type().getClass().getSimpleName().replace("Type", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static void checkRoutes(Map<String, DeployedApp> apps) {
        try {
            Router.of(apps.values(), DeployedApp::name, a -> a.manifest().routes());
        } catch (RouteClashException e) {
            throw new DeployException("routes: " + e.getMessage());
        }
    }

    private void install(Map<String, DeployedApp> apps) {
        Router<DeployedApp> router = Router.of(apps.values(), DeployedApp::name, a -> a.manifest().routes());
        current.set(new Snapshot(Map.copyOf(apps), router));
    }
}
