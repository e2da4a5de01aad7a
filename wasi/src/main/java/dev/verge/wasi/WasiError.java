package dev.verge.wasi;

/**
 * A WASI call failed with an errno. Thrown inside the host functions and turned into the return
 * value at their edge, so deep helpers can fail without threading error codes through. No stack
 * trace: it is control flow, not a bug report.
 */
final class WasiError extends Exception {
    final Errno errno;

    WasiError(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }
}
