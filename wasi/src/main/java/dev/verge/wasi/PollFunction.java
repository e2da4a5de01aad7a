package dev.verge.wasi;

import dev.verge.core.runtime.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code poll_oneoff}: clock and fd subscriptions. Files and output streams are always ready (as
 * on POSIX); stdin is reported ready with the bytes it has, since a Java stream cannot be polled.
 * When nothing is ready the call sleeps until the earliest clock subscription is due, and reports
 * it.
 */
final class PollFunction {
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;
    static final int SUBCLOCKFLAG_ABSTIME = 1;
    /** The most subscriptions one call may pass: bounds what the host reads and writes. */
    static final int MAX_SUBSCRIPTIONS = 4096;

    private PollFunction() {}

    static void define(Definer d) {
        d.fn("poll_oneoff", "iiii", (ctx, mem, a) -> {
            int n = a.i32(2);
            if (n == 0) {
                return Errno.INVAL.code();
            }
            if (n < 0 || n > MAX_SUBSCRIPTIONS) {
                return Errno.NOTSUP.code();
            }
            int events = poll(ctx, mem, GuestMemory.u32(a.i32(0)), GuestMemory.u32(a.i32(1)), n);
            mem.writeI32(GuestMemory.u32(a.i32(3)), events);
            return 0;
        });
    }

    private static int poll(WasiContext ctx, Memory mem, long in, long out, int n) throws WasiError {
        ByteBuffer subs = ByteBuffer.wrap(mem.readBytes(in, 48 * n)).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer events = ByteBuffer.allocate(32 * n).order(ByteOrder.LITTLE_ENDIAN);
        int count = 0;
        long earliest = Long.MAX_VALUE;
        int earliestIndex = -1;
        long[] waits = new long[n];
        for (int i = 0; i < n; i++) {
            int s = 48 * i;
            long userdata = subs.getLong(s);
            int tag = subs.get(s + 8) & 0xFF;
            switch (tag) {
                case EVENTTYPE_CLOCK -> {
                    int id = subs.getInt(s + 16);
                    long timeout = subs.getLong(s + 24);
                    int flags = subs.getShort(s + 40) & 0xFFFF;
                    long wait;
                    try {
                        long now = ClockRandomFunctions.now(ctx, id);
                        wait = (flags & SUBCLOCKFLAG_ABSTIME) != 0 ? timeout - now : timeout;
                    } catch (WasiError e) {
                        count = event(events, count, userdata, e.errno, tag, 0);
                        continue;
                    }
                    waits[i] = Math.max(0, wait);
                    if (waits[i] < earliest) {
                        earliest = waits[i];
                        earliestIndex = i;
                    }
                }
                case EVENTTYPE_FD_READ, EVENTTYPE_FD_WRITE -> {
                    int fdNum = subs.getInt(s + 16);
                    Errno err = Errno.SUCCESS;
                    long nbytes = 0;
                    try {
                        Fd fd = ctx.fds.get(fdNum);
                        fd.require(Rights.POLL_FD_READWRITE);
                        nbytes = ready(fd, tag);
                    } catch (WasiError e) {
                        err = e.errno;
                    } catch (IOException e) {
                        err = IoErrors.errno(e);
                    }
                    count = event(events, count, userdata, err, tag, nbytes);
                }
                default -> count = event(events, count, userdata, Errno.INVAL, tag, 0);
            }
        }
        if (count == 0 && earliestIndex >= 0) {
            sleep(earliest);
        }
        if (earliestIndex >= 0 && (count == 0 || earliest == 0)) {
            for (int i = 0; i < n; i++) {
                int s = 48 * i;
                if ((subs.get(s + 8) & 0xFF) == EVENTTYPE_CLOCK && waits[i] == earliest) {
                    count = event(events, count, subs.getLong(s), Errno.SUCCESS, EVENTTYPE_CLOCK, 0);
                }
            }
        }
        mem.writeBytes(out, events.array(), 0, 32 * count);
        return count;
    }

    private static long ready(Fd fd, int tag) throws WasiError, IOException {
        return switch (fd) {
            case FileFd f -> tag == EVENTTYPE_FD_READ ? Math.max(0, f.channel.size() - f.channel.position()) : 0;
            case StreamFd s -> s.in != null ? s.in.available() : 0;
            case DirFd x -> throw new WasiError(Errno.BADF);
        };
    }

    private static int event(ByteBuffer events, int count, long userdata, Errno err, int type, long nbytes) {
        int e = 32 * count;
        events.putLong(e, userdata).putShort(e + 8, (short) err.code()).put(e + 10, (byte) type).putLong(e + 16, nbytes);
        return count + 1;
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
