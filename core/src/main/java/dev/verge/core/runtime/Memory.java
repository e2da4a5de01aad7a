package dev.verge.core.runtime;

import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A linear memory: little-endian bytes that grow in 64 KiB pages, up to 65,536 pages (4 GiB).
 * Shared by reference between the instances that export and import it.
 *
 * <p>The accessors are bounded: an access outside the memory throws a {@link Trap} of kind
 * {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS}. Addresses are unsigned values held in longs, so
 * every address of a 4 GiB memory can be named. The backing storage is never exposed.
 *
 * <p>Two representations, chosen by benchmark (docs/benchmarks.md, "Linear memory"):
 * <ul>
 *   <li><b>flat</b>: one {@code byte[]}, read by compiled code through little-endian array
 *       {@code VarHandle}s after one explicit bounds check, the fastest access HotSpot offers. A
 *       {@code byte[]} stops just under 2 GiB ({@link EngineConfig#BYTE_ARRAY_PAGE_LIMIT} pages).
 *   <li><b>paged</b> ({@link PagedStorage}): 64 KiB pages allocated on first write, for memories
 *       past that size. A memory becomes paged when it grows past the limit (its bytes are copied
 *       once) and stays paged; {@link EngineConfig#pagedMemory()} makes every memory paged, to test
 *       this path on small memories.
 * </ul>
 * Compiled code always tries the flat array first: a paged memory's array is empty, so every
 * access takes the slow path, which is the public accessor of the same width.
 */
public final class Memory implements Extern {
    static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Flat memories up to this size (but over {@link #SMALL_IN_FULL}) are backed lazily: the
     * array covers the bytes touched so far and grows on the first access beyond it, so
     * instantiating (and growing) a memory costs nothing until it is used. Larger flat memories
     * are allocated in full when they are created or grown, so that running out of heap shows as
     * a failed {@code memory.grow}, never later.
     */
    static final long LAZY_LIMIT = 16L << 20;

    /**
     * Flat memories up to this size (4 pages) are allocated in full when they are created, not
     * lazily: a small program touches most of a small memory at once (a C program built with LLVM
     * writes its data near the start, its stack just below the initial stack pointer and its heap
     * just above it, near the end of its 2-page memory), so lazily that is three allocations and
     * two copies per instance (about 220 KB allocated per hello request in the edge host instead
     * of 140 KB).
     */
    static final long SMALL_IN_FULL = 4 * MemoryType.PAGE_SIZE;

    private static final byte[] EMPTY = new byte[0];

    /**
     * The flat array: a prefix of the memory, zero beyond it, replaced by a larger array when an
     * access goes past it. Empty when the memory is paged. Read by compiled code.
     */
    byte[] bytes;
    /** The pages of a paged memory, or null while it is flat. */
    private PagedStorage paged;
    /** The size in bytes (pages * 64 KiB). */
    private long size;

    private final long maxPages;
    private final long declaredMax;

    /**
     * A new memory of {@code type}'s minimum size, growing up to its maximum and never past
     * {@code limitPages} (nor 65,536 pages).
     */
    public Memory(MemoryType type, long limitPages) {
        this(type, limitPages, false);
    }

    /** A new memory limited by the default engine configuration. */
    public Memory(MemoryType type) {
        this(type, EngineConfig.DEFAULT.maxMemoryPages());
    }

    /** A new memory, paged from the start when {@code paged} is set. */
    Memory(MemoryType type, long limitPages, boolean paged) {
        Limits l = type.limits();
        long cap = Math.min(limitPages, EngineConfig.MAX_MEMORY_PAGES);
        this.declaredMax = l.max();
        this.maxPages = l.hasMax() ? Math.min(l.max(), cap) : cap;
        if (l.min() > maxPages) {
            throw new ResourceLimitException("memory of " + l.min() + " pages exceeds the limit of " + maxPages);
        }
        this.size = l.min() * MemoryType.PAGE_SIZE;
        this.bytes = EMPTY;
        if (paged || l.min() > EngineConfig.BYTE_ARRAY_PAGE_LIMIT) {
            this.paged = new PagedStorage(l.min());
        } else if (size > LAZY_LIMIT || (size > 0 && size <= SMALL_IN_FULL)) {
            try {
                bytes = new byte[(int) size];
            } catch (OutOfMemoryError e) {
                throw new ResourceLimitException("cannot allocate a memory of " + l.min() + " pages");
            }
        }
    }

    /**
     * The type this memory has now: its current size as the minimum and its declared maximum (the
     * type used to check that it matches an import).
     */
    public MemoryType type() {
        return new MemoryType(new Limits(pages(), declaredMax));
    }

    /** The size in pages. */
    public int pages() {
        return (int) (size / MemoryType.PAGE_SIZE);
    }

    /** The size in bytes. */
    public long byteSize() {
        return size;
    }

    /** Whether the memory is paged (see the class comment). */
    boolean isPaged() {
        return paged != null;
    }

    /** The bytes the memory really holds on the heap now (lazily backed: often less than its size). */
    long committedBytes() {
        return paged != null ? paged.committedBytes() : bytes.length;
    }

    /**
     * Grows by {@code deltaPages} (read as unsigned) filled with zeros, as {@code memory.grow}
     * does: returns the old size in pages, or -1 when the memory cannot grow that much.
     */
    public int grow(int deltaPages) {
        long old = pages();
        long delta = Integer.toUnsignedLong(deltaPages);
        if (old + delta > maxPages) {
            return -1;
        }
        long newPages = old + delta;
        long newSize = newPages * MemoryType.PAGE_SIZE;
        try {
            if (paged != null) {
                paged.resize(newPages, maxPages);
            } else if (newPages > EngineConfig.BYTE_ARRAY_PAGE_LIMIT) {
                paged = PagedStorage.copyOf(bytes, newPages);
                bytes = EMPTY;
            } else if (newSize > LAZY_LIMIT && newSize > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) newSize);
            }
        } catch (OutOfMemoryError e) {
            return -1;
        }
        size = newSize;
        return (int) old;
    }

    /** Traps unless {@code [address, address + length)} lies within the memory. */
    void checkRange(long address, long length) {
        if (address < 0 || length < 0 || address > size - length) {
            throw Traps.memoryOutOfBounds();
        }
    }

    /**
     * The flat array covering {@code [address, address + length)}, a range already checked,
     * extended if the lazy prefix does not reach it yet.
     */
    private byte[] flat(long address, long length) {
        byte[] b = bytes;
        long end = address + length;
        if (end > b.length) {
            long target = Math.max(end, Math.min(size, Math.max(2L * b.length, 4096)));
            target = Math.min(size, (target + 4095) & ~4095L);
            try {
                b = Arrays.copyOf(b, (int) target);
            } catch (OutOfMemoryError e) {
                throw Traps.trap(TrapKind.MEMORY_EXHAUSTED);
            }
            bytes = b;
        }
        return b;
    }

    /*
     * The scalar reads never extend the lazy prefix: the bytes past it are zeros, so a read there
     * needs no array. Compiled code relies on this: it keeps the flat array in a local across its
     * loads (see MemoryAccess), which a read replacing the array would leave stale.
     */

    public byte readI8(long address) {
        checkRange(address, 1);
        if (paged != null) {
            return paged.getByte(address);
        }
        byte[] b = bytes;
        return address < b.length ? b[(int) address] : 0;
    }

    public int readU8(long address) {
        return readI8(address) & 0xFF;
    }

    public short readI16(long address) {
        checkRange(address, 2);
        if (paged != null) {
            return paged.getShort(address);
        }
        byte[] b = bytes;
        return address <= b.length - 2 ? (short) I16.get(b, (int) address) : (short) beyondPrefix(b, address, 2);
    }

    public int readI32(long address) {
        checkRange(address, 4);
        if (paged != null) {
            return paged.getInt(address);
        }
        byte[] b = bytes;
        return address <= b.length - 4 ? (int) I32.get(b, (int) address) : (int) beyondPrefix(b, address, 4);
    }

    public long readI64(long address) {
        checkRange(address, 8);
        if (paged != null) {
            return paged.getLong(address);
        }
        byte[] b = bytes;
        return address <= b.length - 8 ? (long) I64.get(b, (int) address) : beyondPrefix(b, address, 8);
    }

    /**
     * The little-endian value of the {@code length} bytes at {@code address}, a checked range that
     * reaches past the lazy prefix {@code b}: the bytes beyond it read as zeros.
     */
    private static long beyondPrefix(byte[] b, long address, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            long a = address + i;
            if (a < b.length) {
                v |= (b[(int) a] & 0xFFL) << (8 * i);
            }
        }
        return v;
    }

    /** The f32 at {@code address}, NaN payload preserved. */
    public float readF32(long address) {
        return Float.intBitsToFloat(readI32(address));
    }

    /** The f64 at {@code address}, NaN payload preserved. */
    public double readF64(long address) {
        return Double.longBitsToDouble(readI64(address));
    }

    public byte[] readBytes(long address, int length) {
        byte[] out = new byte[length];
        readBytes(address, out, 0, length);
        return out;
    }

    /**
     * Copies {@code length} bytes at {@code address} into {@code dest} from {@code offset}: the
     * bulk read of host functions, which reuse their buffer instead of allocating one per call.
     */
    public void readBytes(long address, byte[] dest, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dest.length);
        checkRange(address, length);
        if (paged != null) {
            paged.read(address, dest, offset, length);
        } else {
            System.arraycopy(flat(address, length), (int) address, dest, offset, length);
        }
    }

    /**
     * Fills {@code dest}'s remaining space with the bytes at {@code address}, in one bulk copy
     * (a direct buffer then goes to a channel without another copy).
     */
    public void readBytes(long address, ByteBuffer dest) {
        int length = dest.remaining();
        checkRange(address, length);
        if (paged != null) {
            paged.read(address, dest, length);
        } else {
            dest.put(flat(address, length), (int) address, length);
        }
    }

    /** Copies {@code src}'s remaining bytes to {@code address}, in one bulk copy. */
    public void writeBytes(long address, ByteBuffer src) {
        int length = src.remaining();
        checkRange(address, length);
        if (paged != null) {
            paged.write(address, src, length);
        } else {
            src.get(flat(address, length), (int) address, length);
        }
    }

    public void writeI8(long address, byte value) {
        checkRange(address, 1);
        if (paged != null) {
            paged.setByte(address, value);
        } else {
            flat(address, 1)[(int) address] = value;
        }
    }

    public void writeI16(long address, short value) {
        checkRange(address, 2);
        if (paged != null) {
            paged.setShort(address, value);
        } else {
            I16.set(flat(address, 2), (int) address, value);
        }
    }

    public void writeI32(long address, int value) {
        checkRange(address, 4);
        if (paged != null) {
            paged.setInt(address, value);
        } else {
            I32.set(flat(address, 4), (int) address, value);
        }
    }

    public void writeI64(long address, long value) {
        checkRange(address, 8);
        if (paged != null) {
            paged.setLong(address, value);
        } else {
            I64.set(flat(address, 8), (int) address, value);
        }
    }

    public void writeF32(long address, float value) {
        writeI32(address, Float.floatToRawIntBits(value));
    }

    public void writeF64(long address, double value) {
        writeI64(address, Double.doubleToRawLongBits(value));
    }

    public void writeBytes(long address, byte[] data) {
        writeBytes(address, data, 0, data.length);
    }

    public void writeBytes(long address, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        checkRange(address, length);
        if (paged != null) {
            paged.write(address, data, offset, length);
        } else {
            System.arraycopy(data, offset, flat(address, length), (int) address, length);
        }
    }

    /**
     * Sets {@code length} bytes from {@code address} to {@code value}, as {@code memory.fill}
     * does: traps, writing nothing, when the range is not within the memory. The length is a long,
     * so a range past 2 GiB can be filled at once.
     */
    public void fill(long address, long length, byte value) {
        checkRange(address, length);
        if (paged != null) {
            paged.fill(address, length, value);
        } else if (length > 0) {
            Arrays.fill(flat(address, length), (int) address, (int) (address + length), value);
        }
    }

    /**
     * Copies {@code length} bytes from {@code src} to {@code dest} within this memory, overlapping
     * ranges allowed, as {@code memory.copy} does: traps, copying nothing, when either range is
     * not within the memory.
     */
    public void copyWithin(long dest, long src, long length) {
        checkRange(src, length);
        checkRange(dest, length);
        if (paged != null) {
            paged.copy(dest, src, length);
        } else if (length > 0) {
            flat(src, length);
            byte[] b = flat(dest, length);
            System.arraycopy(b, (int) src, b, (int) dest, (int) length);
        }
    }
}
