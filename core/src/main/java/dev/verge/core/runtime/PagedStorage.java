package dev.verge.core.runtime;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of a paged memory: 64 KiB {@code byte[]} pages, each allocated when it is first
 * written, so that a memory of 4 GiB costs only the pages its guest has touched (lazy commit) and
 * a page never written reads as zeros. This is how a 32-bit memory goes past the 2 GiB a single
 * {@code byte[]} can hold.
 *
 * <p>Addresses are longs. Callers ({@link Memory}) check them against the memory's size first:
 * this class only maps addresses to pages, and an access that spans two pages is split into bytes.
 * The directory of pages may be larger than the memory (it grows by doubling); it never shrinks.
 */
final class PagedStorage {
    static final int PAGE_BITS = 16;
    static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;

    private byte[][] pages;

    /** An all-zero storage of {@code pageCount} pages, none committed. */
    PagedStorage(long pageCount) {
        pages = new byte[(int) pageCount][];
    }

    /** A storage of {@code pageCount} pages starting with a copy of {@code prefix}. */
    static PagedStorage copyOf(byte[] prefix, long pageCount) {
        PagedStorage s = new PagedStorage(pageCount);
        for (int from = 0, i = 0; from < prefix.length; from += PAGE, i++) {
            s.pages[i] = Arrays.copyOfRange(prefix, from, from + PAGE);
        }
        return s;
    }

    /** Makes room for {@code pageCount} pages: the new ones read as zeros. */
    void resize(long pageCount, long maxPages) {
        if (pageCount > pages.length) {
            long capacity = Math.min(maxPages, Math.max(pageCount, 2L * pages.length));
            pages = Arrays.copyOf(pages, (int) capacity);
        }
    }

    /** The number of pages allocated so far, in bytes: what the memory really costs. */
    long committedBytes() {
        long n = 0;
        for (byte[] p : pages) {
            n += p == null ? 0 : p.length;
        }
        return n;
    }

    /** The page holding {@code address}, allocated if it was never written. */
    private byte[] page(long address) {
        int index = (int) (address >>> PAGE_BITS);
        byte[] p = pages[index];
        if (p == null) {
            try {
                p = new byte[PAGE];
            } catch (OutOfMemoryError e) {
                throw Traps.trap(TrapKind.MEMORY_EXHAUSTED);
            }
            pages[index] = p;
        }
        return p;
    }

    private static int offset(long address) {
        return (int) address & MASK;
    }

    byte getByte(long address) {
        byte[] p = pages[(int) (address >>> PAGE_BITS)];
        return p == null ? 0 : p[offset(address)];
    }

    short getShort(long address) {
        int o = offset(address);
        if (o > PAGE - 2) {
            return (short) getSpanning(address, 2);
        }
        byte[] p = pages[(int) (address >>> PAGE_BITS)];
        return p == null ? 0 : (short) Memory.I16.get(p, o);
    }

    int getInt(long address) {
        int o = offset(address);
        if (o > PAGE - 4) {
            return (int) getSpanning(address, 4);
        }
        byte[] p = pages[(int) (address >>> PAGE_BITS)];
        return p == null ? 0 : (int) Memory.I32.get(p, o);
    }

    long getLong(long address) {
        int o = offset(address);
        if (o > PAGE - 8) {
            return getSpanning(address, 8);
        }
        byte[] p = pages[(int) (address >>> PAGE_BITS)];
        return p == null ? 0 : (long) Memory.I64.get(p, o);
    }

    void setByte(long address, byte value) {
        page(address)[offset(address)] = value;
    }

    void setShort(long address, short value) {
        int o = offset(address);
        if (o > PAGE - 2) {
            setSpanning(address, value, 2);
        } else {
            Memory.I16.set(page(address), o, value);
        }
    }

    void setInt(long address, int value) {
        int o = offset(address);
        if (o > PAGE - 4) {
            setSpanning(address, value, 4);
        } else {
            Memory.I32.set(page(address), o, value);
        }
    }

    void setLong(long address, long value) {
        int o = offset(address);
        if (o > PAGE - 8) {
            setSpanning(address, value, 8);
        } else {
            Memory.I64.set(page(address), o, value);
        }
    }

    /** A little-endian value of {@code size} bytes that crosses a page boundary. */
    private long getSpanning(long address, int size) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (getByte(address + i) & 0xFFL) << (8 * i);
        }
        return v;
    }

    private void setSpanning(long address, long value, int size) {
        // Both pages first: running out of heap must not leave half a value written.
        page(address);
        page(address + size - 1);
        for (int i = 0; i < size; i++) {
            setByte(address + i, (byte) (value >>> (8 * i)));
        }
    }

    /** The length of the run from {@code address} to the end of its page, at most {@code left}. */
    private static int run(long address, long left) {
        return (int) Math.min(left, PAGE - offset(address));
    }

    void read(long address, byte[] dest, int offset, int length) {
        while (length > 0) {
            int n = run(address, length);
            byte[] p = pages[(int) (address >>> PAGE_BITS)];
            if (p == null) {
                Arrays.fill(dest, offset, offset + n, (byte) 0);
            } else {
                System.arraycopy(p, offset(address), dest, offset, n);
            }
            address += n;
            offset += n;
            length -= n;
        }
    }

    void write(long address, byte[] src, int offset, int length) {
        while (length > 0) {
            int n = run(address, length);
            System.arraycopy(src, offset, page(address), offset(address), n);
            address += n;
            offset += n;
            length -= n;
        }
    }

    void read(long address, ByteBuffer dest, int length) {
        while (length > 0) {
            int n = run(address, length);
            byte[] p = pages[(int) (address >>> PAGE_BITS)];
            if (p == null) {
                for (int i = 0; i < n; i++) {
                    dest.put((byte) 0);
                }
            } else {
                dest.put(p, offset(address), n);
            }
            address += n;
            length -= n;
        }
    }

    void write(long address, ByteBuffer src, int length) {
        while (length > 0) {
            int n = run(address, length);
            src.get(page(address), offset(address), n);
            address += n;
            length -= n;
        }
    }

    /**
     * Sets {@code length} bytes to {@code value}. Zeros written over a whole page release it, and
     * zeros over a page never written cost nothing, so clearing a large range stays cheap.
     */
    void fill(long address, long length, byte value) {
        while (length > 0) {
            int n = run(address, length);
            int index = (int) (address >>> PAGE_BITS);
            if (value == 0 && n == PAGE) {
                pages[index] = null;
            } else if (value != 0 || pages[index] != null) {
                int o = offset(address);
                Arrays.fill(page(address), o, o + n, value);
            }
            address += n;
            length -= n;
        }
    }

    /**
     * Copies {@code length} bytes from {@code src} to {@code dest} as if through a temporary
     * buffer (overlapping ranges allowed): forwards when the destination is below the source,
     * backwards otherwise, one run within a page of both at a time.
     */
    void copy(long dest, long src, long length) {
        if (dest <= src) {
            while (length > 0) {
                int n = Math.min(run(src, length), run(dest, length));
                copyRun(dest, src, n);
                dest += n;
                src += n;
                length -= n;
            }
        } else {
            long d = dest + length;
            long s = src + length;
            while (length > 0) {
                // The run ending at d and s: back to the start of the page of d - 1 or s - 1.
                int n = (int) Math.min(length, Math.min(offset(d - 1), offset(s - 1)) + 1L);
                d -= n;
                s -= n;
                copyRun(d, s, n);
                length -= n;
            }
        }
    }

    /** Copies a run that lies within one page at both ends. */
    private void copyRun(long dest, long src, int n) {
        byte[] from = pages[(int) (src >>> PAGE_BITS)];
        if (from == null) {
            fill(dest, n, (byte) 0);
        } else {
            System.arraycopy(from, offset(src), page(dest), offset(dest), n);
        }
    }
}
