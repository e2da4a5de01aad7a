package dev.verge.edge.server;

import dev.verge.edge.hostapi.VergeApi;
import dev.verge.edge.kv.DiskKeyValueStore;
import dev.verge.edge.store.AppStore;

/** The {@code verge} host API over the store's disk-backed key-value stores, namespaced per app. */
final class HostApiImports {
    private HostApiImports() {}

    static HostImports create(AppStore store, EdgeLog log) {
        return (linker, app, budget, requestId) -> {
            // Most apps import nothing from verge: defining its functions would be per-request cost for nothing.
            if (app.module().imports().stream().anyMatch(i -> i.module().equals(VergeApi.MODULE))) {
                VergeApi.define(linker, app.manifest(),
                        name -> new DiskKeyValueStore(store.kvDir(app.name(), name)), budget, requestId != null);
            }
        };
    }
}
