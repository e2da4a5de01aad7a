package dev.verge.wasi;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A guest's open descriptors by number. New descriptors take the lowest free number, as POSIX
 * does; the table never holds more than the configured limit, so a guest cannot exhaust the
 * host's handles.
 */
final class FdTable {
    private final Map<Integer, Fd> fds = new HashMap<>();
    private final int limit;

    FdTable(int limit) {
        this.limit = limit;
    }

    /** Fails with {@code EMFILE} when no more descriptors may be opened. Call before opening host handles. */
    void ensureRoom() throws WasiError {
        if (fds.size() >= limit) {
            throw new WasiError(Errno.MFILE);
        }
    }

    int add(Fd fd) throws WasiError {
        ensureRoom();
        int n = 0;
        while (fds.containsKey(n)) {
            n++;
        }
        fds.put(n, fd);
        return n;
    }

    Fd get(int n) throws WasiError {
        Fd fd = fds.get(n);
        if (fd == null) {
            throw new WasiError(Errno.BADF);
        }
        return fd;
    }

    /** Fails with {@code ENOTDIR} when {@code n} is open but not a directory. */
    DirFd dir(int n) throws WasiError {
        if (get(n) instanceof DirFd d) {
            return d;
        }
        throw new WasiError(Errno.NOTDIR);
    }

    Fd remove(int n) throws WasiError {
        Fd fd = fds.remove(n);
        if (fd == null) {
            throw new WasiError(Errno.BADF);
        }
        return fd;
    }

    /** Makes {@code to} refer to what {@code from} did, closing what {@code to} held. */
    void renumber(int from, int to) throws WasiError, IOException {
        Fd source = get(from);
        Fd target = get(to);
        if (from == to) {
            return;
        }
        fds.remove(from);
        fds.put(to, source);
        target.close();
    }

    /** Closes every descriptor (the embedder's streams are flushed, not closed). */
    void closeAll() {
        for (Fd fd : fds.values()) {
            try {
                fd.close();
            } catch (IOException e) {
                // Nothing to tell the guest any more; the host keeps going.
            }
        }
        fds.clear();
    }
}
