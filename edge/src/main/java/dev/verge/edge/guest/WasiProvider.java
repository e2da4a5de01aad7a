package dev.verge.edge.guest;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Linker;

/**
 * Defines the {@code wasi_snapshot_preview1} imports for one guest run. An interface so tests and
 * embedders can grant less (or differently) than {@link ProjectWasi}.
 */
public interface WasiProvider {
    /**
     * Defines WASI in {@code linker} for a run of {@code module} that sees exactly {@code io};
     * the result is closed when the run ends.
     */
    AutoCloseable define(Linker linker, CompiledModule module, GuestIo io);
}
