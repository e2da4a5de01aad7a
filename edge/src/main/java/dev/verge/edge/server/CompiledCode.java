package dev.verge.edge.server;

import dev.verge.core.VergeException;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import dev.verge.core.runtime.SerializedModuleException;
import dev.verge.edge.manifest.AppManifest;
import dev.verge.edge.store.AppStore;
import dev.verge.edge.store.StoreException;
import java.util.Optional;

/**
 * Each stored version's compiled code, kept in the store beside its module so that a restart or a
 * rollback loads it (a fraction of compiling) instead of compiling every app again. Compiled code
 * is trusted like a jar, so the store seals it ({@link AppStore#writeCompiled}); code that does
 * not open, or that this engine cannot load (another Verge build, other engine options), is
 * logged, compiled again from the module and replaced. Losing it costs time, never correctness:
 * the module stays the source of truth.
 */
final class CompiledCode {
    /** How a version's code was obtained, for the log and the tests. */
    enum Origin {
        LOADED,
        COMPILED
    }

    record Result(CompiledModule module, Origin origin) {}

    private final AppStore store;
    private final EdgeLog log;

    CompiledCode(AppStore store, EdgeLog log) {
        this.store = store;
        this.log = log;
    }

    /** The engine an app's code runs under: its memory limit is the app's own. */
    static Engine engineFor(AppManifest manifest) {
        return new Engine(EngineConfig.DEFAULT.withMaxMemoryPages(manifest.limits().memoryPages()));
    }

    /** Compiles a module not yet stored (a deploy checks it before writing anything). */
    static CompiledModule compile(AppManifest manifest, byte[] module) {
        try {
            return engineFor(manifest).compile(module);
        } catch (VergeException e) {
            throw new DeployException("module: " + e.getMessage());
        }
    }

    /** The code of stored version {@code v}: loaded when the store keeps it, else compiled and kept. */
    Result of(AppManifest manifest, AppStore.StoredVersion v) {
        Engine engine = engineFor(manifest);
        Optional<CompiledModule> loaded = load(engine, v);
        if (loaded.isPresent()) {
            return new Result(loaded.get(), Origin.LOADED);
        }
        CompiledModule compiled = compile(manifest, v.moduleBytes());
        keep(v, compiled);
        return new Result(compiled, Origin.COMPILED);
    }

    /**
     * Stores {@code compiled} as version {@code v}'s code. A failure only costs a compilation at
     * the next start, so it is logged, not thrown.
     */
    void keep(AppStore.StoredVersion v, CompiledModule compiled) {
        try {
            store.writeCompiled(v, compiled.serialize());
        } catch (StoreException e) {
            log.write("compiled-code-not-kept", "app", v.app(), "version", v.version(), "error", e.getMessage());
        }
    }

    private Optional<CompiledModule> load(Engine engine, AppStore.StoredVersion v) {
        try {
            return store.readCompiled(v).map(engine::deserialize);
        } catch (StoreException | SerializedModuleException e) {
            log.write("compiled-code-refused", "app", v.app(), "version", v.version(), "error", e.getMessage());
            return Optional.empty();
        }
    }
}
