package dev.verge.wasi;

import dev.verge.core.runtime.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fd_readdir}'s output: {@code dirent} records (24 bytes, then the name) of {@code .},
 * {@code ..} and the directory's entries in name order. The cookie of an entry is its index plus
 * one, so a guest can resume where its buffer ran out; a listing that does not fit ends with a
 * partial record, which tells the guest to call again with a bigger buffer.
 */
final class DirEntries {
    private DirEntries() {}

    static int write(Memory mem, DirFd dir, int buf, int bufLen, long cookie) throws WasiError, IOException {
        if (cookie < 0) {
            return 0;
        }
        Path host = dir.hostPath();
        List<String> names = new ArrayList<>(List.of(".", ".."));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(host)) {
            List<String> sorted = new ArrayList<>();
            for (Path p : entries) {
                sorted.add(p.getFileName().toString());
            }
            sorted.sort(null);
            names.addAll(sorted);
        }
        long room = GuestMemory.u32(bufLen);
        ByteArrayBuilder out = new ByteArrayBuilder((int) Math.min(room, 4096));
        for (long i = cookie; i < names.size() && out.size() < room; i++) {
            String name = names.get((int) i);
            Path p = name.equals(".") ? host
                    : name.equals("..") ? (dir.components.isEmpty() ? host : host.getParent())
                    : host.resolve(name);
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] rec = new byte[24 + nameBytes.length];
            ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(0, i + 1)
                    .putLong(8, inode(p))
                    .putInt(16, nameBytes.length)
                    .put(20, type(p));
            System.arraycopy(nameBytes, 0, rec, 24, nameBytes.length);
            out.append(rec, (int) Math.min(rec.length, room - out.size()));
        }
        mem.writeBytes(GuestMemory.u32(buf), out.array(), 0, out.size());
        return out.size();
    }

    private static long inode(Path p) {
        try {
            return (Long) Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static byte type(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory() ? Fd.FILETYPE_DIRECTORY
                    : a.isSymbolicLink() ? Fd.FILETYPE_SYMBOLIC_LINK
                    : a.isRegularFile() ? Fd.FILETYPE_REGULAR_FILE
                    : Fd.FILETYPE_UNKNOWN;
        } catch (IOException e) {
            return Fd.FILETYPE_UNKNOWN;
        }
    }

    /** A growable byte array. */
    private static final class ByteArrayBuilder {
        private byte[] bytes;
        private int size;

        ByteArrayBuilder(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        void append(byte[] data, int len) {
            if (size + len > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(data, 0, bytes, size, len);
            size += len;
        }

        int size() {
            return size;
        }

        byte[] array() {
            return bytes;
        }
    }
}
