package dev.verge.edge.server;

import dev.verge.edge.store.AppStore;

/** Builds the {@code verge} host API. */
final class HostApiImports {
    private HostApiImports() {}

    static HostImports create(AppStore store, EdgeLog log) {
        return HostImports.NONE;
    }
}
