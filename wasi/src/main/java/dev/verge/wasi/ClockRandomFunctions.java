package dev.verge.wasi;

/** {@code clock_res_get}, {@code clock_time_get} and {@code random_get}. */
final class ClockRandomFunctions {
    static final int REALTIME = 0;
    static final int MONOTONIC = 1;
    static final int PROCESS_CPUTIME = 2;
    static final int THREAD_CPUTIME = 3;

    private ClockRandomFunctions() {}

    static void define(Definer d) {
        d.fn("clock_res_get", "ii", (ctx, mem, a) -> {
            checkId(a.i32(0));
            mem.writeI64(GuestMemory.u32(a.i32(1)), ctx.config.clock().resolutionNanos());
            return 0;
        });
        d.fn("clock_time_get", "iIi", (ctx, mem, a) -> {
            mem.writeI64(GuestMemory.u32(a.i32(2)), now(ctx, a.i32(0)));
            return 0;
        });
        d.fn("random_get", "ii", (ctx, mem, a) -> {
            long at = GuestMemory.u32(a.i32(0));
            long len = GuestMemory.u32(a.i32(1));
            // Filled chunk by chunk through the scratch buffer: a huge request allocates nothing.
            byte[] chunk = ctx.scratch(len);
            for (long done = 0; done < len; ) {
                int n = (int) Math.min(chunk.length, len - done);
                if (n == chunk.length) {
                    ctx.config.random().nextBytes(chunk);
                } else {
                    byte[] part = new byte[n];
                    ctx.config.random().nextBytes(part);
                    System.arraycopy(part, 0, chunk, 0, n);
                }
                mem.writeBytes(at + done, chunk, 0, n);
                done += n;
            }
            return 0;
        });
    }

    private static void checkId(int id) throws WasiError {
        if (id < REALTIME || id > THREAD_CPUTIME) {
            throw new WasiError(Errno.INVAL);
        }
    }

    /** The time of clock {@code id} in nanoseconds; {@code EINVAL} for an unknown clock. */
    static long now(WasiContext ctx, int id) throws WasiError {
        checkId(id);
        WasiClock c = ctx.config.clock();
        return switch (id) {
            case REALTIME -> c.realtimeNanos();
            case MONOTONIC -> c.monotonicNanos();
            default -> c.cpuTimeNanos();
        };
    }
}
