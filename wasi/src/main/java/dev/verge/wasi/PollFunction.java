package dev.verge.wasi;

import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * {@code poll_oneoff}: clock and fd subscriptions. Files and output streams are always ready (as
 * on POSIX); stdin is reported ready with the bytes it has, since a Java stream cannot be polled.
 * Sockets are polled for real: a connection to accept, bytes to read (their number, read ahead
 * on the host) or the end of the stream (with the hangup flag), room to write. When nothing is
 * ready the call waits for a socket (in a selector) or the earliest clock subscription, whichever
 * comes first, and reports what happened. Every wait ends early, with the interruption trap, when
 * the guest's instance is interrupted ({@link HostWait}): a guest sleeping past its deadline
 * stops at the deadline.
 */
final class PollFunction {
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;
    static final int SUBCLOCKFLAG_ABSTIME = 1;
    static final int EVENTRWFLAGS_HANGUP = 1;
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
            int events = poll(ctx, a.instance(), mem, GuestMemory.u32(a.i32(0)), GuestMemory.u32(a.i32(1)), n);
            mem.writeI32(GuestMemory.u32(a.i32(3)), events);
            return 0;
        });
    }

    private static int poll(WasiContext ctx, Instance instance, Memory mem, long in, long out, int n) throws WasiError {
        ByteBuffer subs = ByteBuffer.wrap(mem.readBytes(in, 48 * n)).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer events = ByteBuffer.allocate(32 * n).order(ByteOrder.LITTLE_ENDIAN);
        long start = System.nanoTime();
        long earliest = Long.MAX_VALUE;
        long[] waits = new long[n];
        // Clocks first: their errors are events, and the earliest one bounds any wait.
        int count = 0;
        for (int i = 0; i < n; i++) {
            int s = 48 * i;
            waits[i] = -1;
            if ((subs.get(s + 8) & 0xFF) == EVENTTYPE_CLOCK) {
                int id = subs.getInt(s + 16);
                long timeout = subs.getLong(s + 24);
                int flags = subs.getShort(s + 40) & 0xFFFF;
                try {
                    long now = ClockRandomFunctions.now(ctx, id);
                    waits[i] = Math.max(0, (flags & SUBCLOCKFLAG_ABSTIME) != 0 ? timeout - now : timeout);
                    earliest = Math.min(earliest, waits[i]);
                } catch (WasiError e) {
                    count = event(events, count, subs.getLong(s), e.errno, EVENTTYPE_CLOCK, 0, 0);
                }
            }
        }
        int clockErrors = count;
        boolean slept = false;
        while (true) {
            count = clockErrors;
            SocketWait pending = null;
            for (int i = 0; i < n; i++) {
                int s = 48 * i;
                int tag = subs.get(s + 8) & 0xFF;
                if (tag == EVENTTYPE_CLOCK) {
                    continue;
                }
                long userdata = subs.getLong(s);
                if (tag != EVENTTYPE_FD_READ && tag != EVENTTYPE_FD_WRITE) {
                    count = event(events, count, userdata, Errno.INVAL, tag, 0, 0);
                    continue;
                }
                try {
                    Fd fd = ctx.fds.get(subs.getInt(s + 16));
                    fd.require(Rights.POLL_FD_READWRITE);
                    long nbytes = ready(fd, tag);
                    if (nbytes >= 0) {
                        count = event(events, count, userdata, Errno.SUCCESS, tag, nbytes, hangup(fd, tag));
                    } else {
                        pending = SocketWait.add(pending, fd, tag);
                    }
                } catch (WasiError e) {
                    count = event(events, count, userdata, e.errno, tag, 0, 0);
                } catch (IOException e) {
                    count = event(events, count, userdata, IoErrors.errno(e), tag, 0, 0);
                }
            }
            long left = earliest == Long.MAX_VALUE ? Long.MAX_VALUE : earliest - (System.nanoTime() - start);
            if (count > 0 || left <= 0) {
                break;
            }
            if (pending == null) {
                if (earliest == Long.MAX_VALUE) {
                    break; // nothing to wait for (only failed clocks): report what there is
                }
                HostWait.sleep(instance, left);
                slept = true;
                break;
            }
            try {
                pending.await(instance, left);
            } catch (IOException e) {
                break; // a selector failure: report the clocks, or nothing
            }
        }
        boolean due = earliest != Long.MAX_VALUE && (slept || System.nanoTime() - start >= earliest);
        if (due) {
            for (int i = 0; i < n; i++) {
                int s = 48 * i;
                if ((subs.get(s + 8) & 0xFF) == EVENTTYPE_CLOCK && waits[i] == earliest) {
                    count = event(events, count, subs.getLong(s), Errno.SUCCESS, EVENTTYPE_CLOCK, 0, 0);
                }
            }
        }
        mem.writeBytes(out, events.array(), 0, 32 * count);
        return count;
    }

    /**
     * The bytes ready for {@code tag} on {@code fd} (0 when a write would not wait), or -1 when
     * it is a socket that is not ready yet.
     */
    private static long ready(Fd fd, int tag) throws WasiError, IOException {
        boolean read = tag == EVENTTYPE_FD_READ;
        return switch (fd) {
            case FileFd f -> read ? Math.max(0, f.channel.size() - f.channel.position()) : 0;
            case StreamFd s -> s.in != null ? s.in.available() : 0;
            case DirFd x -> throw new WasiError(Errno.BADF);
            case SocketFd s -> read ? s.readable() : s.writable() ? 0 : -1;
            case ListenerFd l -> read && l.acceptable() ? 1 : -1; // one connection waiting, at least
        };
    }

    private static int hangup(Fd fd, int tag) {
        return fd instanceof SocketFd s && s.hungUp(tag == EVENTTYPE_FD_WRITE) ? EVENTRWFLAGS_HANGUP : 0;
    }

    /** The sockets a poll waits on, for one selector. */
    private record SocketWait(java.nio.channels.SelectableChannel channel, int ops, SocketWait next) {
        static SocketWait add(SocketWait list, Fd fd, int tag) {
            return switch (fd) {
                case SocketFd s -> new SocketWait(s.channel, tag == EVENTTYPE_FD_READ ? SelectionKey.OP_READ : SelectionKey.OP_WRITE, list);
                case ListenerFd l -> tag == EVENTTYPE_FD_READ ? new SocketWait(l.channel, SelectionKey.OP_ACCEPT, list) : list;
                default -> list;
            };
        }

        /**
         * Waits until one of the sockets is ready, at most {@code nanos} (MAX_VALUE: no limit);
         * ends with the interruption trap when {@code instance} is interrupted ({@link HostWait}).
         */
        void await(Instance instance, long nanos) throws IOException, WasiError {
            try (Selector selector = Selector.open()) {
                for (SocketWait w = this; w != null; w = w.next) {
                    SelectionKey key = w.channel.keyFor(selector);
                    if (key == null) {
                        w.channel.register(selector, w.ops);
                    } else {
                        key.interestOps(key.interestOps() | w.ops);
                    }
                }
                HostWait.select(instance, selector, nanos);
            }
        }
    }

    private static int event(ByteBuffer events, int count, long userdata, Errno err, int type, long nbytes, int rwflags) {
        int e = 32 * count;
        events.putLong(e, userdata).putShort(e + 8, (short) err.code()).put(e + 10, (byte) type).putLong(e + 16, nbytes)
                .putShort(e + 24, (short) rwflags);
        return count + 1;
    }
}
