package dev.verge.wasi;

import dev.verge.core.runtime.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code filestat} record (64 bytes) and {@code filestat_set_times}, read and written without following links. */
final class FileStats {
    static final int FSTFLAGS_ATIM = 1;
    static final int FSTFLAGS_ATIM_NOW = 2;
    static final int FSTFLAGS_MTIM = 4;
    static final int FSTFLAGS_MTIM_NOW = 8;

    private FileStats() {}

    /** Writes the filestat of {@code path} (the link itself when it is one) at {@code ptr}. */
    static void write(Memory mem, int ptr, Path path) throws IOException {
        BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long dev = 0;
        long ino = 0;
        long nlink = 1;
        long ctime = nanos(b.lastModifiedTime());
        try {
            Map<String, Object> u = Files.readAttributes(path, "unix:dev,ino,nlink,ctime", LinkOption.NOFOLLOW_LINKS);
            dev = (Long) u.get("dev");
            ino = (Long) u.get("ino");
            nlink = ((Number) u.get("nlink")).longValue();
            ctime = nanos((FileTime) u.get("ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Not a Unix file system: the basic attributes are all there is.
        }
        byte type = b.isDirectory() ? Fd.FILETYPE_DIRECTORY
                : b.isSymbolicLink() ? Fd.FILETYPE_SYMBOLIC_LINK
                : b.isRegularFile() ? Fd.FILETYPE_REGULAR_FILE
                : Fd.FILETYPE_UNKNOWN;
        write(mem, ptr, dev, ino, type, nlink, b.size(), nanos(b.lastAccessTime()), nanos(b.lastModifiedTime()), ctime);
    }

    static void write(Memory mem, int ptr, long dev, long ino, byte type, long nlink, long size, long atim, long mtim, long ctim) {
        long at = GuestMemory.u32(ptr);
        byte[] rec = new byte[64];
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(rec).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.putLong(0, dev).putLong(8, ino).put(16, type).putLong(24, nlink).putLong(32, size)
                .putLong(40, atim).putLong(48, mtim).putLong(56, ctim);
        mem.writeBytes(at, rec);
    }

    static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }

    /**
     * Sets the access and modification times as {@code fstflags} says; {@code EINVAL} when a time
     * is both given and "now", or unknown flags are set.
     */
    static void setTimes(WasiContext ctx, Path path, long atim, long mtim, int fstflags) throws WasiError, IOException {
        if ((fstflags & ~0xF) != 0
                || (fstflags & (FSTFLAGS_ATIM | FSTFLAGS_ATIM_NOW)) == (FSTFLAGS_ATIM | FSTFLAGS_ATIM_NOW)
                || (fstflags & (FSTFLAGS_MTIM | FSTFLAGS_MTIM_NOW)) == (FSTFLAGS_MTIM | FSTFLAGS_MTIM_NOW)) {
            throw new WasiError(Errno.INVAL);
        }
        long now = ctx.config.clock().realtimeNanos();
        FileTime a = (fstflags & FSTFLAGS_ATIM) != 0 ? FileTime.from(atim, TimeUnit.NANOSECONDS)
                : (fstflags & FSTFLAGS_ATIM_NOW) != 0 ? FileTime.from(now, TimeUnit.NANOSECONDS) : null;
        FileTime m = (fstflags & FSTFLAGS_MTIM) != 0 ? FileTime.from(mtim, TimeUnit.NANOSECONDS)
                : (fstflags & FSTFLAGS_MTIM_NOW) != 0 ? FileTime.from(now, TimeUnit.NANOSECONDS) : null;
        if (a == null && m == null) {
            return;
        }
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(m, a, null);
    }
}
