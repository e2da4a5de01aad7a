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

    /**
     * The code of stored version {@code v}: loaded when the store keeps it, else compiled and kept.
     * The module is read and hashed once for all three (the seal's label binds its digest).
     */
    Result of(AppManifest manifest, AppStore.StoredVersion v) {
        Engine engine = engineFor(manifest);
        byte[] module = v.moduleBytes();
        AppStore.CompiledSeal seal = store.compiledSeal(v, module);
        Optional<CompiledModule> loaded = load(engine, seal);
        if (loaded.isPresent()) {
            return new Result(loaded.get(), Origin.LOADED);
        }
        CompiledModule compiled = compile(manifest, module);
        keep(seal, compiled);
        return new Result(compiled, Origin.COMPILED);
    }

    /**
     * Stores {@code compiled}, the code of {@code module}, as version {@code v}'s code. A failure
     * only costs a compilation at the next start, so it is logged, not thrown.
     */
    void keep(AppStore.StoredVersion v, byte[] module, CompiledModule compiled) {
        keep(store.compiledSeal(v, module), compiled);
    }

    private void keep(AppStore.CompiledSeal seal, CompiledModule compiled) {
        try {
            store.writeCompiled(seal, compiled.serialize());
        } catch (StoreException e) {
            log.write("compiled-code-not-kept", "app", seal.version().app(), "version", seal.version().version(), "error", e.getMessage());
        }
    }

    private Optional<CompiledModule> load(Engine engine, AppStore.CompiledSeal seal) {
        try {
            return store.readCompiled(seal).map(engine::deserialize);
        } catch (StoreException | SerializedModuleException e) {
            log.write("compiled-code-refused", "app", seal.version().app(), "version", seal.version().version(), "error", e.getMessage());
            return Optional.empty();
        }
    }
}
