package dev.verge.wasi;

import dev.verge.core.runtime.Instance;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Waits for one socket channel to be ready. The host side of every guest socket stays in
 * non-blocking mode (a listening channel may be shared by several guests, and a channel in
 * blocking mode cannot be polled), so a guest's blocking call is a non-blocking attempt followed,
 * when nothing is ready, by a wait here. The selector is opened on first use and kept for the
 * descriptor's life: one host handle per waiting socket, bounded by the descriptor limit.
 */
final class ChannelWaiter {
    private final SelectableChannel channel;
    private Selector selector;
    private SelectionKey key;

    ChannelWaiter(SelectableChannel channel) {
        this.channel = channel;
    }

    /**
     * Blocks until the channel may be ready for one of {@code ops} (callers try again, and wait
     * again when it was a spurious wake-up).
     *
     * @throws dev.verge.core.runtime.Trap when {@code instance} (the guest, or null) is
     *     interrupted first: see {@link HostWait}
     */
    void await(int ops, Instance instance) throws IOException, WasiError {
        interest(ops);
        HostWait.select(instance, selector, Long.MAX_VALUE);
        selector.selectedKeys().clear();
    }

    /** True when the channel is ready for one of {@code ops} now; never blocks. */
    boolean readyNow(int ops) throws IOException {
        interest(ops);
        boolean ready = selector.selectNow() > 0;
        selector.selectedKeys().clear();
        return ready;
    }

    private void interest(int ops) throws IOException {
        if (selector == null) {
            selector = Selector.open();
            key = channel.register(selector, ops);
        } else {
            key.interestOps(ops);
        }
    }

    /** Releases the selector (not the channel). */
    void close() throws IOException {
        if (selector != null) {
            selector.close();
            selector = null;
        }
    }
}
