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
    /**
     * What {@link #interrupt} runs to wake a host function blocked for this instance's guest, or
     * null when none is blocked (see {@link #onInterrupt}).
     */
    private volatile Runnable waker;
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
        Runnable w = waker;
        if (w != null && interruptible()) {
            w.run();
        }
    }

    private boolean interruptible() {
        return module.engine().config().interruptible();
    }

    /**
     * Whether an interrupt ({@link #interrupt}, a deadline) is pending: requested and not yet
     * delivered as a trap. Always false when the engine is not {@link EngineConfig#interruptible}.
     * Host functions that wait for something on the guest's behalf check it, since guest code
     * (which polls the request itself) is not running while they wait.
     */
    public boolean interruptRequested() {
        return interrupted && interruptible();
    }

    /**
     * For a host function that waits: when an interrupt is pending, throws the trap an
     * interrupted guest ends with ({@link TrapKind#INTERRUPTED}, with the guest frames below the
     * host call as its backtrace) and clears the request, exactly as guest code does at a poll;
     * otherwise returns. Thrown from the host function, the trap ends the guest like an
     * interrupted loop.
     *
     * @throws Trap of kind {@link TrapKind#INTERRUPTED} when an interrupt is pending
     */
    public void throwIfInterrupted() {
        if (interruptRequested()) {
            throw Traps.interrupted(this);
        }
    }

    /**
     * Lets {@link #interrupt} wake a host function that is about to wait for this instance's
     * guest (in a {@link java.nio.channels.Selector}, parked, ...): until the returned handle is
     * closed, {@code waker} runs on the interrupting thread right after the request is set. It
     * must be quick and must not throw ({@code Selector::wakeup}, {@code LockSupport.unpark}).
     *
     * <p>The pattern: register, then {@link #throwIfInterrupted}, then wait, and after every
     * wake-up {@link #throwIfInterrupted} again; an interrupt that comes between the check and
     * the wait still runs the waker, so the wait cannot miss it as long as the waker's effect is
     * remembered (a selector's wake-up and an unpark are). Registrations nest (a host function
     * may call back into the guest, which calls another host function): closing one restores the
     * one before. The waker may still run once just after its handle is closed, so it must be
     * harmless then too.
     */
    public Waker onInterrupt(Runnable waker) {
        java.util.Objects.requireNonNull(waker, "waker");
        Runnable before = this.waker;
        this.waker = waker;
        return () -> this.waker = before;
    }

    /** A registration made by {@link #onInterrupt}; closing it removes the waker. */
    public interface Waker extends AutoCloseable {
        @Override
        void close();
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
