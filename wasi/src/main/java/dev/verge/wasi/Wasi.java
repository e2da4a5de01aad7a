package dev.verge.wasi;

import dev.verge.core.runtime.Caller;
import dev.verge.core.runtime.Linker;
import java.util.Objects;
import java.util.function.Function;

/**
 * WASI preview1 for one guest: the state of one configuration (open descriptors, arguments,
 * environment, streams, clocks), and the {@code wasi_snapshot_preview1} functions that act on it.
 *
 * <p>For one guest, {@link #addTo} defines the functions bound to one configuration:
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder().args("prog", "x").inheritStdio()
 *         .preopen(Path.of("data"), "/data", true).build();
 * Linker linker = new Linker();
 * try (Wasi wasi = Wasi.addTo(linker, config)) {
 *     Instance instance = linker.instantiate(module);
 *     int status = Wasi.runStart(instance);   // the exit status
 * }
 * }</pre>
 *
 * <p>For many guests (a server running a fresh instance per request), {@link #define} defines the
 * functions once, and each instance carries its own {@code Wasi} as host data; the functions find
 * the state of the instance that calls them:
 *
 * <pre>{@code
 * Linker linker = new Linker();
 * Wasi.define(linker);
 * InstancePre pre = linker.instantiatePre(module);              // once
 * try (Wasi wasi = Wasi.create(configOfThisRequest)) {          // per guest
 *     int status = Wasi.runStart(pre.instantiate(wasi));
 * }
 * }</pre>
 *
 * <p>A {@code Wasi} belongs to one guest: give it to one instance only.
 */
public final class Wasi implements AutoCloseable {
    /** The import module name of every function. */
    public static final String MODULE = Definer.MODULE;

    private final WasiContext ctx;

    private Wasi(WasiContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The state of one guest configured by {@code config}: its descriptors (stdio, then the
     * preopens), arguments, environment, clocks and randomness. Close it when the guest is done.
     *
     * @throws IllegalArgumentException when the configuration leaves no room for its own descriptors
     */
    public static Wasi create(WasiConfig config) {
        try {
            return new Wasi(new WasiContext(config));
        } catch (WasiError e) {
            throw new IllegalArgumentException("the configuration leaves no room for its own descriptors", e);
        }
    }

    /** Defines every {@code wasi_snapshot_preview1} function in {@code linker}, for a guest configured by {@code config}. */
    public static Wasi addTo(Linker linker, WasiConfig config) {
        Wasi wasi = create(config);
        defineAll(new Definer(linker, new Fixed(wasi.ctx)));
        return wasi;
    }

    /** The one context of {@link #addTo}, whoever calls; a class, not a lambda, for the reason the functions are (see {@link Definer}). */
    private record Fixed(WasiContext ctx) implements Function<Caller, WasiContext> {
        @Override
        public WasiContext apply(Caller caller) {
            return ctx;
        }
    }

    /**
     * Defines every {@code wasi_snapshot_preview1} function in {@code linker}, once for any number
     * of instances: each call acts on the {@code Wasi} that is the calling instance's host data
     * ({@link dev.verge.core.runtime.InstancePre#instantiate(Object)}). A call from an instance
     * without one traps with {@link dev.verge.core.runtime.TrapKind#HOST_ERROR} saying so.
     */
    public static void define(Linker linker) {
        defineAll(new Definer(linker, caller -> caller.data(Wasi.class).ctx));
    }

    /**
     * Like {@link #define(Linker)}, for host data of the embedder's own type that holds the
     * instance's {@code Wasi} among other per-instance state: {@code wasiOf} picks it out.
     *
     * @param dataType the type of every instance's host data
     * @param wasiOf the instance's {@code Wasi}, from its host data; must not return null
     */
    public static <T> void define(Linker linker, Class<T> dataType, Function<? super T, Wasi> wasiOf) {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(wasiOf, "wasiOf");
        defineAll(new Definer(linker, caller -> contextOf(caller, dataType, wasiOf)));
    }

    private static <T> WasiContext contextOf(Caller caller, Class<T> dataType, Function<? super T, Wasi> wasiOf) {
        Wasi wasi = wasiOf.apply(caller.data(dataType));
        if (wasi == null) {
            throw new IllegalStateException("the calling instance's host data holds no Wasi");
        }
        return wasi.ctx;
    }

    private static void defineAll(Definer d) {
        ArgsEnvFunctions.define(d);
        ClockRandomFunctions.define(d);
        FdIoFunctions.define(d);
        FdMetaFunctions.define(d);
        PathOpenFunction.define(d);
        PathFunctions.define(d);
        PollFunction.define(d);
        ProcSchedSockFunctions.define(d);
    }

    /**
     * Calls the command's {@code _start} export and returns the exit status: the code given to
     * {@code proc_exit}, or 0 when {@code _start} returns.
     *
     * @throws IllegalArgumentException when the instance has no {@code _start} function
     * @throws dev.verge.core.runtime.Trap when the guest traps
     */
    public static int runStart(dev.verge.core.runtime.Instance instance) {
        var start = instance.function("_start");
        if (start == null) {
            throw new IllegalArgumentException("the module exports no _start function");
        }
        try {
            start.call();
            return 0;
        } catch (RuntimeException e) {
            WasiExit exit = WasiExit.find(e);
            if (exit != null) {
                return exit.code();
            }
            throw e;
        }
    }

    /** Closes the guest's files and flushes its output streams (which stay open: they are the embedder's). */
    @Override
    public void close() {
        ctx.fds.closeAll();
    }
}
