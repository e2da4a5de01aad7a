package dev.verge.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * An open regular file. The channel was opened without following symbolic links; where the file
 * was opened (its preopen's root and the components below it) is kept for the metadata calls a
 * channel cannot answer.
 */
final class FileFd extends Fd {
    final FileChannel channel;
    private final Path root;
    private final List<String> components;
    /** True when the file came from a read-only preopen: no write of any kind, whatever the rights. */
    final boolean readOnly;

    FileFd(FileChannel channel, Path root, List<String> components, boolean readOnly, long rightsBase, long rightsInheriting, int flags) {
        super(rightsBase, rightsInheriting, flags);
        this.channel = channel;
        this.root = root;
        this.components = List.copyOf(components);
        this.readOnly = readOnly;
    }

    /**
     * The file's host path, its directories checked to be real ones still (a path call on it
     * must use {@code NOFOLLOW_LINKS}: the last component may have been replaced by a link).
     */
    Path hostPath() throws WasiError {
        return PathResolver.verified(root, components, components.size() - 1);
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
