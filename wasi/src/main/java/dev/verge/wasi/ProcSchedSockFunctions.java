package dev.verge.wasi;

import dev.verge.core.runtime.Memory;
import java.io.IOException;

/**
 * {@code proc_exit}, {@code proc_raise} and {@code sched_yield}; the socket calls are defined by
 * {@link SocketFunctions}.
 */
final class ProcSchedSockFunctions {
    private ProcSchedSockFunctions() {}

    static void define(Definer d) {
        d.noReturn("proc_exit", "i", new Definer.Body() {
            @Override
            public int call(WasiContext ctx, Memory mem, Definer.Args a) throws WasiError, IOException {
                throw new WasiExit(a.i32(0));
            }
        });
        d.fn("proc_raise", "i", new Definer.Body() {
            @Override
            public int call(WasiContext ctx, Memory mem, Definer.Args a) throws WasiError, IOException {
                return Signals.raise(a.i32(0));
            }
        });
        d.fn("sched_yield", "", new Definer.Body() {
            @Override
            public int call(WasiContext ctx, Memory mem, Definer.Args a) throws WasiError, IOException {
                Thread.yield();
                return 0;
            }
        });
        SocketFunctions.define(d);
    }
}
