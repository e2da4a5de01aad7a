package dev.verge.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An open regular file. The channel was opened without following symbolic links; the host path
 * is kept for the metadata calls a channel cannot answer.
 */
final class FileFd extends Fd {
    final FileChannel channel;
    final Path hostPath;
    /** True when the file came from a read-only preopen: no write of any kind, whatever the rights. */
    final boolean readOnly;

    FileFd(FileChannel channel, Path hostPath, boolean readOnly, long rightsBase, long rightsInheriting, int flags) {
        super(rightsBase, rightsInheriting, flags);
        this.channel = channel;
        this.hostPath = hostPath;
        this.readOnly = readOnly;
    }

    @Override
    byte filetype() {
        return FILETYPE_REGULAR_FILE;
    }

    @Override
    void close() throws IOException {
        channel.close();
    }

    /** Fails with {@code EROFS} when the file came from a read-only preopen. */
    void requireWritable() throws WasiError {
        if (readOnly) {
            throw new WasiError(Errno.ROFS);
        }
    }
}
