package dev.verge.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * What each benchmark path does before it answers, the same on both servers. The paths:
 * <ul>
 *   <li>{@code /inline}: answers on the server's own I/O thread (each library's best case);
 *   <li>{@code /vt}: hops to a fresh virtual thread and answers from it, as the edge host does for
 *       every guest (the edge's "ceiling" handler);
 *   <li>{@code /vt-sleep}: on the virtual thread, blocks 1 ms first (a guest waiting on I/O: the
 *       virtual thread unmounts);
 *   <li>{@code /vt-cpu}: on the virtual thread, burns 50 µs of CPU first (a guest computing: it
 *       holds its carrier thread).
 * </ul>
 */
enum Work {
    INLINE("/inline", false),
    VT("/vt", true),
    VT_SLEEP("/vt-sleep", true),
    VT_CPU("/vt-cpu", true);

    /** The fixed small body every path answers with. */
    static final byte[] BODY = "Hello from plain Java!\n".getBytes(StandardCharsets.US_ASCII);

    final String path;
    final boolean onVirtualThread;

    Work(String path, boolean onVirtualThread) {
        this.path = path;
        this.onVirtualThread = onVirtualThread;
    }

    /** The path's work, or null for an unknown path. */
    static Work of(String path) {
        for (Work w : values()) {
            if (w.path.equals(path)) {
                return w;
            }
        }
        return null;
    }

    /** Does this path's work on the calling thread. */
    void perform() {
        switch (this) {
            case VT_SLEEP -> LockSupport.parkNanos(1_000_000);
            case VT_CPU -> {
                long end = System.nanoTime() + 50_000;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            default -> {}
        }
    }
}
