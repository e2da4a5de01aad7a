package dev.verge.core.runtime;

/**
 * A compiled module with its imports resolved and type-checked once, ready to be instantiated
 * many times: {@link #instantiate(Object)} does no name lookups and no import checks, only the
 * per-instance work (allocate memories, tables and globals, write the segments, run the start
 * function). This is the shape of a server that runs a fresh instance per request:
 *
 * <pre>{@code
 * Linker linker = new Linker();
 * linker.defineFunction("env", "log", type, (caller, args) -> {
 *     RequestState state = caller.data(RequestState.class);   // this instance's own state
 *     ...
 * });
 * InstancePre pre = linker.instantiatePre(compiled);          // once per module
 * Instance instance = pre.instantiate(new RequestState());    // once per request
 * }</pre>
 *
 * <p>Immutable and thread-safe: any number of threads may instantiate from one {@code InstancePre}
 * at once. Host functions are shared by every instance and find per-instance state through
 * {@link Caller#data()}. Imported memories, tables and globals are shared too (the very objects
 * the linker held when this was made), exactly as if each instance had been linked separately;
 * the instance's own memories, tables and globals are always fresh. Later changes to the linker
 * do not affect an existing {@code InstancePre}.
 */
public final class InstancePre {
    private final CompiledModule module;
    private final Extern[] imports;

    InstancePre(CompiledModule module, Extern[] imports) {
        this.module = module;
        this.imports = imports;
    }

    /** The module this instantiates. */
    public CompiledModule module() {
        return module;
    }

    /** A new instance with no host data. */
    public Instance instantiate() {
        return instantiate(null);
    }

    /**
     * A new instance whose host functions see {@code data} through {@link Caller#data()} (also
     * during its start function).
     *
     * @param data the instance's host data, or null
     * @throws ResourceLimitException when a memory or table is larger than the engine allows
     * @throws Trap when a segment does not fit (earlier segments stay written, as in Wasm 2.0) or
     *     the start function traps
     */
    public Instance instantiate(Object data) {
        return Instantiator.instantiate(module, imports, data);
    }
}
