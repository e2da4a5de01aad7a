package dev.verge.edge.server;

import dev.verge.edge.guest.FallbackWasi;
import dev.verge.edge.guest.WasiProvider;

/** Chooses the WASI implementation guests get. */
final class Wasi {
    private Wasi() {}

    static WasiProvider provider() {
        return new FallbackWasi();
    }
}
