package dev.verge.core.runtime;

/**
 * What a {@link HostFunction} knows about the guest that called it: the calling instance's
 * exports, typically its {@code memory}. The instance is absent when the host function was called
 * directly from Java rather than from a guest.
 */
public final class Caller {
    private final Instance instance;

    Caller(Instance instance) {
        this.instance = instance;
    }

    /** The calling instance, or null when the call did not come from a guest. */
    public Instance instance() {
        return instance;
    }

    /** The calling instance's exported memory of that name, or null. */
    public Memory memory(String exportName) {
        return instance == null ? null : instance.memory(exportName);
    }
}
