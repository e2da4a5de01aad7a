package dev.verge.edge.server;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Linker;
import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.hostapi.VergeApi;
import dev.verge.edge.kv.DiskKeyValueStore;
import dev.verge.edge.store.AppStore;

/** The {@code verge} host API over the store's disk-backed key-value stores, namespaced per app. */
final class HostApiImports implements HostImports {
    private final AppStore store;

    private HostApiImports(AppStore store) {
        this.store = store;
    }

    static HostImports create(AppStore store, EdgeLog log) {
        return new HostApiImports(store);
    }

    @Override
    public void define(Linker linker, CompiledModule module) {
        if (importsVerge(module)) {
            VergeApi.define(linker);
        }
    }

    @Override
    public Object session(DeployedApp app, GuestRunner.BudgetRef budget, String requestId) {
        // Most apps import nothing from verge: their requests need no API state at all.
        if (requestId == null || !importsVerge(app.module())) {
            return null;
        }
        return VergeApi.forRequest(app.manifest(), name -> new DiskKeyValueStore(store.kvDir(app.name(), name)), budget);
    }

    private static boolean importsVerge(CompiledModule module) {
        for (var imp : module.imports()) {
            if (imp.module().equals(VergeApi.MODULE)) {
                return true;
            }
        }
        return false;
    }
}
