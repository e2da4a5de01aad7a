package dev.verge.edge.guest;

import dev.verge.core.runtime.Linker;

/**
 * The {@code wasi_snapshot_preview1} imports of guests, in two steps: functions defined once per
 * app version, and the state of one run that they find through the run's {@link GuestContext}.
 * An interface so tests and embedders can grant less (or differently) than {@link ProjectWasi}.
 */
public interface WasiProvider {
    /**
     * Defines WASI in an app version's {@code linker}, once; each call acts on the state in the
     * calling instance's {@link GuestContext} ({@link GuestContext#wasi}).
     */
    void define(Linker linker);

    /** The WASI state of one run that sees exactly {@code io}; closed when the run ends. */
    AutoCloseable open(GuestIo io);
}
