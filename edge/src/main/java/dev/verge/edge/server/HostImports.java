package dev.verge.edge.server;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Linker;
import dev.verge.edge.guest.GuestRunner;

/**
 * The {@code verge} host API: defined once per app version, with per-request state that the
 * functions find through the request's {@link dev.verge.edge.guest.GuestContext}.
 */
interface HostImports {
    /** Defines the API in the linker of an app version whose compiled module is {@code module}. */
    void define(Linker linker, CompiledModule module);

    /**
     * The API state of one request of {@code app} (only what its manifest grants), or null for no
     * API at all. {@code requestId} is null for the warm-up run, which is granted nothing.
     */
    Object session(DeployedApp app, GuestRunner.BudgetRef budget, String requestId);

    /** No host API at all. */
    HostImports NONE = new HostImports() {
        @Override
        public void define(Linker linker, CompiledModule module) {}

        @Override
        public Object session(DeployedApp app, GuestRunner.BudgetRef budget, String requestId) {
            return null;
        }
    };
}
