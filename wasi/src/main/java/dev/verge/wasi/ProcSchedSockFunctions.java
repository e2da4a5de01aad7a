package dev.verge.wasi;

/**
 * {@code proc_exit}, {@code proc_raise} and {@code sched_yield}; the socket calls are defined by
 * {@link SocketFunctions}.
 */
final class ProcSchedSockFunctions {
    private ProcSchedSockFunctions() {}

    static void define(Definer d) {
        d.noReturn("proc_exit", "i", (ctx, mem, a) -> {
            throw new WasiExit(a.i32(0));
        });
        d.fn("proc_raise", "i", (ctx, mem, a) -> Signals.raise(a.i32(0)));
        d.fn("sched_yield", "", (ctx, mem, a) -> {
            Thread.yield();
            return 0;
        });
        SocketFunctions.define(d);
    }
}
