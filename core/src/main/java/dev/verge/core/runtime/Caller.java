package dev.verge.core.runtime;

/**
 * What a {@link HostFunction} knows about the guest that called it: the calling instance's
 * exports, typically its {@code memory}, and the calling instance's host data (its
 * {@link #data()}), which is where per-instance state lives when one linker or one
 * {@link InstancePre} serves many instances. The instance is absent when the host function was
 * called directly from Java rather than from a guest.
 *
 * <p>The calling instance is the one whose code made the call: when instance A calls a function
 * it imported from instance B, and B's code then calls a host function, the host function sees B.
 */
public final class Caller {
    /** The caller of a host function called from Java: no instance, no data. */
    static final Caller NONE = new Caller(null);

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

    /** The calling instance's host data ({@link Instance#data()}), or null when it has none. */
    public Object data() {
        return instance == null ? null : instance.data();
    }

    /**
     * The calling instance's host data as a {@code type}.
     *
     * @throws IllegalStateException when the call did not come from a guest, or its instance was
     *     given no host data or data of another type (the message says which); thrown inside a host
     *     function, it reaches the guest's caller as a {@link TrapKind#HOST_ERROR} trap
     */
    public <T> T data(Class<T> type) {
        Object d = data();
        if (type.isInstance(d)) {
            return type.cast(d);
        }
        if (instance == null) {
            throw new IllegalStateException("the host function was called from Java, not from an instance with " + type.getName() + " host data");
        }
        throw new IllegalStateException(d == null
                ? "the calling instance has no host data; instantiate it with a " + type.getName()
                : "the calling instance's host data is a " + d.getClass().getName() + ", not a " + type.getName());
    }
}
