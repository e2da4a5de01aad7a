package dev.verge.wasi;

import dev.verge.core.runtime.Instance;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A listening TCP socket the embedder handed to the guest ({@link WasiConfig.Builder#tcpListen}).
 * The guest can only accept connections on it. The channel is the embedder's: closing the
 * descriptor stops this guest from using it but leaves it open, since one configuration (and so
 * one channel) may serve many guests.
 */
final class ListenerFd extends Fd {
    final ServerSocketChannel channel;
    private final ChannelWaiter waiter;

    ListenerFd(ServerSocketChannel channel) {
        super(Rights.LISTENER, Rights.SOCKET, 0);
        this.channel = channel;
        this.waiter = new ChannelWaiter(channel);
    }

    @Override
    byte filetype() {
        return FILETYPE_SOCKET_STREAM;
    }

    /**
     * The next pending connection, in non-blocking mode on the host. Waits for one unless the
     * descriptor is non-blocking, in which case {@code EAGAIN} when none is pending. A wait ends
     * with the interruption trap when {@code instance} is interrupted ({@link HostWait}).
     */
    SocketChannel accept(Instance instance) throws IOException, WasiError {
        while (true) {
            SocketChannel c = channel.accept();
            if (c != null) {
                c.configureBlocking(false);
                return c;
            }
            if (nonBlocking()) {
                throw new WasiError(Errno.AGAIN);
            }
            waiter.await(SelectionKey.OP_ACCEPT, instance);
        }
    }

    /** True when a connection is waiting to be accepted. */
    boolean acceptable() throws IOException {
        return waiter.readyNow(SelectionKey.OP_ACCEPT);
    }

    @Override
    void close() throws IOException {
        waiter.close();
    }
}
