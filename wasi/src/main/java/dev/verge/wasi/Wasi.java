package dev.verge.wasi;

import dev.verge.core.runtime.Linker;

/**
 * WASI preview1 for one guest: the {@code wasi_snapshot_preview1} functions defined in a linker,
 * over the state of one configuration (open descriptors, streams).
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
 * <p>The state belongs to one guest: instantiate one module per {@code Wasi} (the edge host makes
 * a fresh linker and {@code Wasi} per request).
 */
public final class Wasi implements AutoCloseable {
    /** The import module name of every function. */
    public static final String MODULE = Definer.MODULE;

    private final WasiContext ctx;

    private Wasi(WasiContext ctx) {
        this.ctx = ctx;
    }

    /** Defines every {@code wasi_snapshot_preview1} function in {@code linker}, for a guest configured by {@code config}. */
    public static Wasi addTo(Linker linker, WasiConfig config) {
        WasiContext ctx;
        try {
            ctx = new WasiContext(config);
        } catch (WasiError e) {
            throw new IllegalArgumentException("the configuration leaves no room for its own descriptors", e);
        }
        Definer d = new Definer(linker, ctx);
        ArgsEnvFunctions.define(d);
        ClockRandomFunctions.define(d);
        FdIoFunctions.define(d);
        FdMetaFunctions.define(d);
        PathOpenFunction.define(d);
        PathFunctions.define(d);
        PollFunction.define(d);
        ProcSchedSockFunctions.define(d);
        return new Wasi(ctx);
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
