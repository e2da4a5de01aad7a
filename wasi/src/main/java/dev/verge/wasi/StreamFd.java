package dev.verge.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Stdin, stdout or stderr: a Java stream, read or written straight through. Streams cannot seek.
 * The streams belong to the embedder, so closing the descriptor does not close them.
 */
final class StreamFd extends Fd {
    /** Stdin, read so that an interrupt reaches a guest waiting for input; null for an output. */
    final StreamInput in;
    final OutputStream out;
    /** The file channel under {@link #out} when it is a file stream (the inherited stdout), else null. */
    final java.nio.channels.WritableByteChannel outChannel;

    StreamFd(InputStream in, OutputStream out) {
        super(in != null ? Rights.STREAM & ~Rights.FD_WRITE : Rights.STREAM & ~Rights.FD_READ, 0, 0);
        this.in = in == null ? null : new StreamInput(in);
        this.out = out;
        this.outChannel = out instanceof java.io.FileOutputStream f ? f.getChannel() : null;
    }

    /**
     * Unknown rather than a character device: wasi-libc takes a character device for a terminal
     * and line-buffers it, which would make large output slow.
     */
    @Override
    byte filetype() {
        return FILETYPE_UNKNOWN;
    }

    @Override
    void close() throws IOException {
        if (out != null) {
            out.flush();
        }
    }
}
