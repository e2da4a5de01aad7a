package dev.verge.edge.server;

import dev.verge.core.runtime.Linker;
import dev.verge.edge.guest.GuestRunner;

/** Defines the {@code verge} host API for one request of one app (only what its manifest grants). */
interface HostImports {
    /** {@code requestId} is null for the warm-up run, which is granted nothing. */
    void define(Linker linker, DeployedApp app, GuestRunner.BudgetRef budget, String requestId);

    /** No host API at all. */
    HostImports NONE = (linker, app, budget, requestId) -> {};
}
