package dev.verge.wasi;

import java.io.IOException;

/**
 * An open file descriptor of a guest: a stream (stdio), a regular file, a directory, a listening
 * TCP socket or a connected one. Holds the descriptor's rights and flags; the kinds add what they
 * reach.
 */
abstract sealed class Fd permits StreamFd, FileFd, DirFd, ListenerFd, SocketFd {
    static final byte FILETYPE_UNKNOWN = 0;
    static final byte FILETYPE_CHARACTER_DEVICE = 2;
    static final byte FILETYPE_DIRECTORY = 3;
    static final byte FILETYPE_REGULAR_FILE = 4;
    static final byte FILETYPE_SOCKET_STREAM = 6;
    static final byte FILETYPE_SYMBOLIC_LINK = 7;

    static final int FDFLAG_APPEND = 1;
    static final int FDFLAG_DSYNC = 2;
    static final int FDFLAG_NONBLOCK = 4;
    static final int FDFLAG_RSYNC = 8;
    static final int FDFLAG_SYNC = 16;

    long rightsBase;
    long rightsInheriting;
    int flags;

    Fd(long rightsBase, long rightsInheriting, int flags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.flags = flags;
    }

    /** The {@code filetype} that {@code fd_fdstat_get} reports. */
    abstract byte filetype();

    /** Releases what the descriptor holds on the host. */
    abstract void close() throws IOException;

    /** True when the guest asked for non-blocking I/O ({@code FDFLAG_NONBLOCK}). */
    final boolean nonBlocking() {
        return (flags & FDFLAG_NONBLOCK) != 0;
    }

    /** Fails with {@code ENOTCAPABLE} unless the descriptor has every right in {@code rights}. */
    final void require(long rights) throws WasiError {
        if ((rightsBase & rights) != rights) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
    }
}
