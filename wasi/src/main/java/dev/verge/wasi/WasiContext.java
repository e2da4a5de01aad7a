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

    /** The arguments and environment as the guest reads them, encoded once (see ArgsEnvFunctions). */
    List<byte[]> encodedArgs;
    List<byte[]> encodedEnv;

    private static final int BUFFER_SIZE = 64 * 1024;
    private byte[] scratch;
    private java.nio.ByteBuffer direct;

    /**
     * The buffer that reads and writes move data through, in chunks of its length: at least
     * {@code want} bytes long, or {@value #BUFFER_SIZE} when {@code want} is larger. It grows on
     * demand: a guest that moves little data (a request handler writing a page) should not pay
     * for a large buffer, and the edge host makes one context per request.
     */
    byte[] scratch(long want) {
        byte[] s = scratch;
        if (s == null || (s.length < want && s.length < BUFFER_SIZE)) {
            int size = (int) Math.min(BUFFER_SIZE, Math.max(512, Long.highestOneBit(Math.max(1, want - 1)) << 1));
            s = new byte[size];
            scratch = s;
        }
        return s;
    }

    /**
     * The buffer of channel I/O: a direct buffer, so data goes from guest memory to the OS with
     * one copy (a heap buffer would be copied again into a temporary direct one by the JDK). Made
     * at first use: only file I/O needs it.
     */
    java.nio.ByteBuffer direct() {
        java.nio.ByteBuffer d = direct;
        if (d == null) {
            d = java.nio.ByteBuffer.allocateDirect(BUFFER_SIZE);
            direct = d;
        }
        return d;
    }

    /** The most bytes one read or write may move. */
    int maxIo() {
        return config.maxIoSize();
    }
}
