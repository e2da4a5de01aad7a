package dev.verge.edge.guest;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Linker;

/**
 * Defines the {@code wasi_snapshot_preview1} imports for one guest run. Kept behind this interface
 * so the edge host can use the project's full WASI module and still run without it.
 */
public interface WasiProvider {
    /** Defines WASI in {@code linker} for a run of {@code module} that sees exactly {@code io}. */
    void define(Linker linker, CompiledModule module, GuestIo io);
}
