package dev.verge.core.runtime;

import dev.verge.core.model.Bytes;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instantiated module: its functions, memories, tables and globals, of which the exported ones
 * are reachable by name. Create with {@link Linker#instantiate} or, to instantiate one module many
 * times cheaply, {@link InstancePre#instantiate}.
 *
 * <p>An instance runs guest code on one thread at a time. It is also the context object compiled
 * code receives: the package-private fields below are what generated classes read.
 */
public final class Instance {
    final CompiledModule module;
    /** The function index space: imports first. */
    WasmFunction[] functions;
    Global[] globals;
    Memory[] memories;
    /** Memory 0, or null: the one memory of Wasm 2.0, read on every load and store. */
    Memory memory0;
    Table[] tables;
    /** Each data segment's bytes, or {@link Bytes#EMPTY} once dropped. */
    Bytes[] data;
    /** Each element segment's references, or an empty array once dropped. */
    Object[][] elements;
    final MultiResults results;
    /**
     * Set by {@link #interrupt}; compiled code reads it at every function entry that polls and
     * every few thousand loop iterations (see {@code PollEmitter}).
     */
    volatile boolean interrupted;
    /** The fuel left, consumed by compiled code when the engine meters fuel. */
    long fuel = Long.MAX_VALUE;
    private final Map<String, Extern> exports = new LinkedHashMap<>();
    /** The embedder's per-instance object that host functions reach through {@link Caller#data()}. */
    private final Object hostData;
    /** What host functions called from this instance see; immutable, so one per instance serves every call. */
    final Caller caller;

    Instance(CompiledModule module, Object data) {
        this.module = module;
        this.hostData = data;
        this.results = new MultiResults(Math.max(1, module.maxResults()));
        this.caller = new Caller(this);
    }

    void export(String name, Extern value) {
        exports.put(name, value);
    }

    /** The compiled module this is an instance of. */
    public CompiledModule module() {
        return module;
    }

    /**
     * The host data given at instantiation ({@link InstancePre#instantiate(Object)},
     * {@link Linker#instantiate(CompiledModule, Object)}), or null when none was given. Host
     * functions called by this instance's code reach it through {@link Caller#data()}.
     */
    public Object data() {
        return hostData;
    }

    /** Every export by name, in the module's order. */
    public Map<String, Extern> exports() {
        return Collections.unmodifiableMap(exports);
    }

    /** The export of that name, or null. */
    public Extern export(String name) {
        return exports.get(name);
    }

    /** The exported function of that name, or null when there is none (or it is not a function). */
    public WasmFunction function(String name) {
        return exports.get(name) instanceof WasmFunction f ? f : null;
    }

    /** The exported memory of that name, or null. */
    public Memory memory(String name) {
        return exports.get(name) instanceof Memory m ? m : null;
    }

    /** The exported global of that name, or null. */
    public Global global(String name) {
        return exports.get(name) instanceof Global g ? g : null;
    }

    /** The exported table of that name, or null. */
    public Table table(String name) {
        return exports.get(name) instanceof Table t ? t : null;
    }

    /**
     * Asks guest code running in this instance (or the next to run) to stop: it traps with
     * {@link TrapKind#INTERRUPTED} at its next function entry or loop back-edge. Safe to call from
     * any thread. Has no effect when the engine is not {@link EngineConfig#interruptible}.
     */
    public void interrupt() {
        interrupted = true;
    }

    /**
     * Interrupts this instance once {@code timeout} has passed, unless the returned handle is
     * closed first (close it when the guarded call returns).
     */
    public Deadline interruptAfter(Duration timeout) {
        Thread timer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(timeout);
                interrupt();
            } catch (InterruptedException e) {
                // cancelled
            }
        });
        return timer::interrupt;
    }

    /** A pending {@link #interruptAfter} deadline; closing it cancels the interrupt if it has not fired. */
    public interface Deadline extends AutoCloseable {
        @Override
        void close();
    }

    /** The fuel left (meaningful when the engine meters fuel). */
    public long fuel() {
        return fuel;
    }

    /** Sets the fuel budget for the guest code that runs next. */
    public void setFuel(long fuel) {
        if (fuel < 0) {
            throw new IllegalArgumentException("fuel must not be negative");
        }
        this.fuel = fuel;
    }
}
