package dev.verge.wasi;

import java.nio.file.Path;
import java.util.List;

/**
 * The state of one WASI guest: its configuration and its open descriptors (stdio as 0, 1 and 2,
 * then the preopens, then the listening sockets). Used from the guest's thread only.
 */
final class WasiContext {
    final WasiConfig config;
    final FdTable fds;

    WasiContext(WasiConfig config) throws WasiError {
        this.config = config;
        this.fds = new FdTable(config.maxOpenFds());
        fds.add(new StreamFd(config.stdin(), null));
        fds.add(new StreamFd(null, config.stdout()));
        fds.add(new StreamFd(null, config.stderr()));
        for (WasiConfig.Preopen p : config.preopens()) {
            Path root = p.hostPath().toAbsolutePath().normalize();
            fds.add(new DirFd(root, List.of(), p.readOnly(), p.guestPath(), Rights.DIRECTORY, Rights.DIRECTORY | Rights.FILE));
        }
        for (java.nio.channels.ServerSocketChannel listener : config.listeners()) {
            fds.add(new ListenerFd(listener));
        }
    }

    /** The buffer that reads and writes move data through, in chunks of its size. */
    final byte[] scratch = new byte[64 * 1024];

    /**
     * The buffer of channel I/O: a direct buffer, so data goes from guest memory to the OS with
     * one copy (a heap buffer would be copied again into a temporary direct one by the JDK).
     */
    final java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(64 * 1024);

    /** The most bytes one read or write may move. */
    int maxIo() {
        return config.maxIoSize();
    }
}
