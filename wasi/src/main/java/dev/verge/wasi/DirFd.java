package dev.verge.wasi;

import java.nio.file.Path;
import java.util.List;

/**
 * An open directory: a preopen, or a directory opened below one. It holds no host handle, only
 * where it is inside its preopen (the components below the preopen's root), so every path the
 * guest gives is resolved by {@link PathResolver} from the preopen's root and can never leave it.
 */
final class DirFd extends Fd {
    /** The preopen's host directory: the root nothing may escape. */
    final Path root;
    /** The directory's place below {@link #root}, one name per level, no {@code .}, {@code ..} or links. */
    final List<String> components;
    final boolean readOnly;
    /** The guest name of a preopen (what {@code fd_prestat_dir_name} reports), else null. */
    final String preopenName;

    DirFd(Path root, List<String> components, boolean readOnly, String preopenName, long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting, 0);
        this.root = root;
        this.components = List.copyOf(components);
        this.readOnly = readOnly;
        this.preopenName = preopenName;
    }

    /** The host path of this directory, checked to still be made of real directories only. */
    Path hostPath() throws WasiError {
        return PathResolver.verified(root, components, components.size());
    }

    @Override
    byte filetype() {
        return FILETYPE_DIRECTORY;
    }

    @Override
    void close() {}

    /** Fails with {@code EROFS} when the directory belongs to a read-only preopen. */
    void requireWritable() throws WasiError {
        if (readOnly) {
            throw new WasiError(Errno.ROFS);
        }
    }
}
