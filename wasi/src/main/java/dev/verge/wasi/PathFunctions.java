package dev.verge.wasi;

import dev.verge.core.runtime.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The {@code path_*} calls but {@code path_open}: every path goes through {@link PathResolver},
 * every host call is made with {@code NOFOLLOW_LINKS} or on an unfollowed final component, and a
 * read-only preopen refuses every change with {@code EROFS}, including being the source of a
 * hard link or rename into a writable one (which would make its file writable).
 */
final class PathFunctions {
    private PathFunctions() {}

    static void define(Definer d) {
        d.fn("path_create_directory", "iii", (ctx, mem, a) -> {
            DirFd dir = ctx.fds.dir(a.i32(0));
            dir.require(Rights.PATH_CREATE_DIRECTORY);
            dir.requireWritable();
            PathResolver.Resolved r = PathResolver.resolve(dir, path(mem, a, 1), false);
            if (r.isRoot() || exists(r.host())) {
                return Errno.EXIST.code();
            }
            Files.createDirectory(r.host());
            return 0;
        });
        d.fn("path_filestat_get", "iiiii", (ctx, mem, a) -> {
            DirFd dir = ctx.fds.dir(a.i32(0));
            dir.require(Rights.PATH_FILESTAT_GET);
            PathResolver.Resolved r = PathResolver.resolve(dir, path(mem, a, 2), follow(a.i32(1)));
            checkTrailingSlash(r);
            FileStats.write(mem, a.i32(4), r.host());
            return 0;
        });
        d.fn("path_filestat_set_times", "iiiiIIi", (ctx, mem, a) -> {
            DirFd dir = ctx.fds.dir(a.i32(0));
            dir.require(Rights.PATH_FILESTAT_SET_TIMES);
            dir.requireWritable();
            PathResolver.Resolved r = PathResolver.resolve(dir, path(mem, a, 2), follow(a.i32(1)));
            checkTrailingSlash(r);
            if (!exists(r.host())) {
                return Errno.NOENT.code();
            }
            FileStats.setTimes(ctx, r.host(), a.i64(4), a.i64(5), a.i32(6));
            return 0;
        });
        d.fn("path_link", "iiiiiii", (ctx, mem, a) -> {
            DirFd from = ctx.fds.dir(a.i32(0));
            DirFd to = ctx.fds.dir(a.i32(4));
            from.require(Rights.PATH_LINK_SOURCE);
            to.require(Rights.PATH_LINK_TARGET);
            from.requireWritable();
            to.requireWritable();
            PathResolver.Resolved source = PathResolver.resolve(from, path(mem, a, 2), follow(a.i32(1)));
            PathResolver.Resolved target = PathResolver.resolve(to, path(mem, a, 5), false);
            BasicFileAttributes s = attrs(source.host());
            if (s == null) {
                return Errno.NOENT.code();
            }
            if (s.isDirectory()) {
                return Errno.PERM.code();
            }
            if (source.trailingSlash()) {
                return Errno.NOTDIR.code();
            }
            if (target.trailingSlash()) {
                // "link/" names a directory that a file link can never be: as Linux, NOENT when
                // nothing is there, EXIST when something is.
                return (exists(target.host()) ? Errno.EXIST : Errno.NOENT).code();
            }
            if (target.isRoot() || exists(target.host())) {
                return Errno.EXIST.code();
            }
            Files.createLink(target.host(), source.host());
            return 0;
        });
        d.fn("path_readlink", "iiiiii", (ctx, mem, a) -> {
            DirFd dir = ctx.fds.dir(a.i32(0));
            dir.require(Rights.PATH_READLINK);
            PathResolver.Resolved r = PathResolver.resolve(dir, path(mem, a, 1), false);
            BasicFileAttributes s = attrs(r.host());
            if (s == null) {
                return Errno.NOENT.code();
            }
            if (!s.isSymbolicLink() || r.trailingSlash()) {
                return Errno.INVAL.code();
            }
            byte[] target = Files.readSymbolicLink(r.host()).toString().getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, GuestMemory.u32(a.i32(4)));
            mem.writeBytes(GuestMemory.u32(a.i32(3)), target, 0, n);
            mem.writeI32(GuestMemory.u32(a.i32(5)), n);
            return 0;
        });
        d.fn("path_remove_directory", "iii", (ctx, mem, a) -> {
            DirFd dir = ctx.fds.dir(a.i32(0));
            dir.require(Rights.PATH_REMOVE_DIRECTORY);
            dir.requireWritable();
            PathResolver.Resolved r = PathResolver.resolve(dir, path(mem, a, 1), false);
            if (r.isRoot()) {
                return Errno.BUSY.code();
            }
            BasicFileAttributes s = attrs(r.host());
            if (s == null) {
                return Errno.NOENT.code();
            }
            if (!s.isDirectory()) {
                return Errno.NOTDIR.code();
            }
            Files.delete(r.host());
            return 0;
        });
        d.fn("path_unlink_file", "iii", (ctx, mem, a) -> {
            DirFd dir = ctx.fds.dir(a.i32(0));
            dir.require(Rights.PATH_UNLINK_FILE);
            dir.requireWritable();
            PathResolver.Resolved r = PathResolver.resolve(dir, path(mem, a, 1), false);
            BasicFileAttributes s = attrs(r.host());
            if (s == null) {
                return Errno.NOENT.code();
            }
            if (s.isDirectory()) {
                return Errno.ISDIR.code();
            }
            if (r.trailingSlash()) {
                return Errno.NOTDIR.code();
            }
            Files.delete(r.host());
            return 0;
        });
        d.fn("path_rename", "iiiiii", (ctx, mem, a) -> {
            DirFd from = ctx.fds.dir(a.i32(0));
            DirFd to = ctx.fds.dir(a.i32(3));
            from.require(Rights.PATH_RENAME_SOURCE);
            to.require(Rights.PATH_RENAME_TARGET);
            from.requireWritable();
            to.requireWritable();
            PathResolver.Resolved source = PathResolver.resolve(from, path(mem, a, 1), false);
            PathResolver.Resolved target = PathResolver.resolve(to, path(mem, a, 4), false);
            if (source.isRoot() || target.isRoot()) {
                return Errno.BUSY.code();
            }
            BasicFileAttributes s = attrs(source.host());
            if (s == null) {
                return Errno.NOENT.code();
            }
            BasicFileAttributes t = attrs(target.host());
            if (!s.isDirectory() && (source.trailingSlash() || target.trailingSlash())) {
                return Errno.NOTDIR.code();
            }
            if (t != null && s.isDirectory() && !t.isDirectory()) {
                return Errno.NOTDIR.code();
            }
            if (t != null && !s.isDirectory() && t.isDirectory()) {
                return Errno.ISDIR.code();
            }
            if (s.isDirectory() && isBelow(target, source)) {
                return Errno.INVAL.code();
            }
            // ATOMIC_MOVE is rename(2): same file system, replaces the target, follows no link.
            Files.move(source.host(), target.host(), StandardCopyOption.ATOMIC_MOVE);
            return 0;
        });
        d.fn("path_symlink", "iiiii", (ctx, mem, a) -> {
            String linkTarget = GuestMemory.string(mem, a.i32(0), a.i32(1));
            DirFd dir = ctx.fds.dir(a.i32(2));
            dir.require(Rights.PATH_SYMLINK);
            dir.requireWritable();
            // A link to an absolute path could lead a host program that follows it out of the
            // sandbox; inside it, such a link could never be followed anyway.
            if (linkTarget.startsWith("/")) {
                return Errno.PERM.code();
            }
            if (linkTarget.isEmpty() || linkTarget.indexOf('\0') >= 0) {
                return Errno.NOENT.code();
            }
            PathResolver.Resolved r = PathResolver.resolve(dir, path(mem, a, 3), false);
            if (r.isRoot() || exists(r.host())) {
                return Errno.EXIST.code();
            }
            if (r.trailingSlash()) {
                return Errno.NOENT.code();
            }
            Files.createSymbolicLink(r.host(), Path.of(linkTarget));
            return 0;
        });
    }

    /** The guest path whose pointer and length are arguments {@code index} and {@code index + 1}. */
    private static String path(Memory mem, Definer.Args a, int index) throws WasiError {
        return GuestMemory.string(mem, a.i32(index), a.i32(index + 1));
    }

    private static boolean follow(int lookupFlags) {
        return (lookupFlags & PathOpenFunction.LOOKUP_SYMLINK_FOLLOW) != 0;
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** The attributes of {@code p} itself (not what it links to), or null when nothing is there. */
    private static BasicFileAttributes attrs(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** {@code ENOTDIR} when the path ended in a slash but names something that is not a directory. */
    private static void checkTrailingSlash(PathResolver.Resolved r) throws WasiError, IOException {
        BasicFileAttributes s = attrs(r.host());
        if (s == null) {
            throw new WasiError(Errno.NOENT);
        }
        if (r.trailingSlash() && !s.isDirectory()) {
            throw new WasiError(Errno.NOTDIR);
        }
    }

    private static boolean isBelow(PathResolver.Resolved inner, PathResolver.Resolved outer) {
        return inner.host().startsWith(outer.host()) && !inner.host().equals(outer.host());
    }
}
