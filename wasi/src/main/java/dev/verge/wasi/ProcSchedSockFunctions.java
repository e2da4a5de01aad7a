package dev.verge.wasi;

/**
 * {@code proc_exit}, {@code proc_raise}, {@code sched_yield} and the socket calls. A guest is
 * given no sockets (there is no way to preopen one yet), so the socket calls answer
 * {@code EBADF} for a closed descriptor and {@code ENOTSOCK} for any other.
 */
final class ProcSchedSockFunctions {
    private ProcSchedSockFunctions() {}

    static void define(Definer d) {
        d.noReturn("proc_exit", "i", (ctx, mem, a) -> {
            throw new WasiExit(a.i32(0));
        });
        // Signals do not exist in the sandbox; POSIX lets raise fail.
        d.fn("proc_raise", "i", (ctx, mem, a) -> Errno.NOSYS.code());
        d.fn("sched_yield", "", (ctx, mem, a) -> {
            Thread.yield();
            return 0;
        });
        d.fn("sock_accept", "iii", (ctx, mem, a) -> notSocket(ctx, a.i32(0)));
        d.fn("sock_recv", "iiiiii", (ctx, mem, a) -> notSocket(ctx, a.i32(0)));
        d.fn("sock_send", "iiiii", (ctx, mem, a) -> notSocket(ctx, a.i32(0)));
        d.fn("sock_shutdown", "ii", (ctx, mem, a) -> notSocket(ctx, a.i32(0)));
    }

    private static int notSocket(WasiContext ctx, int fd) throws WasiError {
        ctx.fds.get(fd);
        return Errno.NOTSOCK.code();
    }
}
