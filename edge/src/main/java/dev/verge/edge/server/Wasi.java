package dev.verge.edge.server;

import dev.verge.edge.guest.ProjectWasi;
import dev.verge.edge.guest.WasiProvider;

/** Chooses the WASI implementation guests get. */
final class Wasi {
    private Wasi() {}

    static WasiProvider provider() {
        return new ProjectWasi();
    }
}
