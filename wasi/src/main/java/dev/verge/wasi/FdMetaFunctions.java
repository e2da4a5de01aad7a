package dev.verge.wasi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The descriptor calls that are not reads and writes: close, renumber, sync, advise, allocate,
 * fdstat, filestat and prestat.
 */
final class FdMetaFunctions {
    static final int ADVICE_MAX = 5;

    private FdMetaFunctions() {}

    static void define(Definer d) {
        d.fn("fd_close", "i", (ctx, mem, a) -> {
            ctx.fds.remove(a.i32(0)).close();
            return 0;
        });
        d.fn("fd_renumber", "ii", (ctx, mem, a) -> {
            ctx.fds.renumber(a.i32(0), a.i32(1));
            return 0;
        });
        d.fn("fd_datasync", "i", (ctx, mem, a) -> sync(ctx.fds.get(a.i32(0)), Rights.FD_DATASYNC, false));
        d.fn("fd_sync", "i", (ctx, mem, a) -> sync(ctx.fds.get(a.i32(0)), Rights.FD_SYNC, true));
        d.fn("fd_advise", "iIIi", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            fd.require(Rights.FD_ADVISE);
            FdIoFunctions.file(fd);
            if (a.i32(3) < 0 || a.i32(3) > ADVICE_MAX || a.i64(1) < 0 || a.i64(2) < 0) {
                return Errno.INVAL.code();
            }
            return 0; // advice only: the host's page cache does without
        });
        d.fn("fd_allocate", "iII", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            fd.require(Rights.FD_ALLOCATE);
            FileFd f = FdIoFunctions.file(fd);
            f.requireWritable();
            long offset = a.i64(1);
            long len = a.i64(2);
            if (offset < 0 || len <= 0 || offset + len < 0) {
                return Errno.INVAL.code();
            }
            extend(f, offset + len);
            return 0;
        });
        d.fn("fd_fdstat_get", "ii", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            byte[] rec = new byte[24];
            ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN)
                    .put(0, fd.filetype())
                    .putShort(2, (short) fd.flags)
                    .putLong(8, fd.rightsBase)
                    .putLong(16, fd.rightsInheriting);
            mem.writeBytes(GuestMemory.u32(a.i32(1)), rec);
            return 0;
        });
        d.fn("fd_fdstat_set_flags", "ii", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            fd.require(Rights.FD_FDSTAT_SET_FLAGS);
            int flags = a.i32(1);
            if ((flags & ~0x1F) != 0) {
                return Errno.INVAL.code();
            }
            if (fd instanceof FileFd f && (flags & Fd.FDFLAG_APPEND) != 0) {
                f.requireWritable();
            }
            fd.flags = flags;
            return 0;
        });
        d.fn("fd_fdstat_set_rights", "iII", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            long base = a.i64(1);
            long inheriting = a.i64(2);
            // Rights can be dropped, never gained.
            if ((base & ~fd.rightsBase) != 0 || (inheriting & ~fd.rightsInheriting) != 0) {
                return Errno.NOTCAPABLE.code();
            }
            fd.rightsBase = base;
            fd.rightsInheriting = inheriting;
            return 0;
        });
        d.fn("fd_filestat_get", "ii", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            fd.require(Rights.FD_FILESTAT_GET);
            switch (fd) {
                case FileFd f -> FileStats.write(mem, a.i32(1), f.hostPath());
                case DirFd dir -> FileStats.write(mem, a.i32(1), dir.hostPath());
                case StreamFd s -> FileStats.write(mem, a.i32(1), 0, 0, s.filetype(), 1, 0, 0, 0, 0);
                case SocketFd s -> FileStats.write(mem, a.i32(1), 0, 0, s.filetype(), 1, 0, 0, 0, 0);
                case ListenerFd l -> FileStats.write(mem, a.i32(1), 0, 0, l.filetype(), 1, 0, 0, 0, 0);
            }
            return 0;
        });
        d.fn("fd_filestat_set_size", "iI", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            fd.require(Rights.FD_FILESTAT_SET_SIZE);
            FileFd f = FdIoFunctions.file(fd);
            f.requireWritable();
            long size = a.i64(1);
            if (size < 0) {
                return Errno.INVAL.code();
            }
            if (size < f.channel.size()) {
                long pos = f.channel.position();
                f.channel.truncate(size);
                f.channel.position(pos);
            } else {
                extend(f, size);
            }
            return 0;
        });
        d.fn("fd_filestat_set_times", "iIIi", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            fd.require(Rights.FD_FILESTAT_SET_TIMES);
            switch (fd) {
                case FileFd f -> {
                    f.requireWritable();
                    FileStats.setTimes(ctx, f.hostPath(), a.i64(1), a.i64(2), a.i32(3));
                }
                case DirFd dir -> {
                    dir.requireWritable();
                    FileStats.setTimes(ctx, dir.hostPath(), a.i64(1), a.i64(2), a.i32(3));
                }
                case StreamFd s -> throw new WasiError(Errno.BADF);
                case SocketFd s -> throw new WasiError(Errno.BADF);
                case ListenerFd l -> throw new WasiError(Errno.BADF);
            }
            return 0;
        });
        d.fn("fd_prestat_get", "ii", (ctx, mem, a) -> {
            String name = preopenName(ctx.fds.get(a.i32(0)));
            long at = GuestMemory.u32(a.i32(1));
            mem.writeI32(at, 0); // tag 0: a directory
            mem.writeI32(at + 4, name.getBytes(StandardCharsets.UTF_8).length);
            return 0;
        });
        d.fn("fd_prestat_dir_name", "iii", (ctx, mem, a) -> {
            byte[] name = preopenName(ctx.fds.get(a.i32(0))).getBytes(StandardCharsets.UTF_8);
            if (GuestMemory.u32(a.i32(2)) < name.length) {
                return Errno.NAMETOOLONG.code();
            }
            mem.writeBytes(GuestMemory.u32(a.i32(1)), name);
            return 0;
        });
        d.fn("fd_readdir", "iiiIi", (ctx, mem, a) -> {
            Fd fd = ctx.fds.get(a.i32(0));
            if (!(fd instanceof DirFd dir)) {
                return Errno.NOTDIR.code();
            }
            dir.require(Rights.FD_READDIR);
            int used = DirEntries.write(mem, dir, a.i32(1), a.i32(2), a.i64(3));
            mem.writeI32(GuestMemory.u32(a.i32(4)), used);
            return 0;
        });
    }

    private static String preopenName(Fd fd) throws WasiError {
        if (fd instanceof DirFd dir && dir.preopenName != null) {
            return dir.preopenName;
        }
        throw new WasiError(Errno.BADF);
    }

    private static int sync(Fd fd, long right, boolean metadata) throws WasiError, java.io.IOException {
        fd.require(right);
        if (fd instanceof FileFd f) {
            f.channel.force(metadata);
        }
        return 0;
    }

    /** Grows the file to at least {@code size} bytes, the new bytes zero. */
    private static void extend(FileFd f, long size) throws java.io.IOException {
        if (size > f.channel.size()) {
            f.channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }
}
