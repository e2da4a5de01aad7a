package dev.verge.core.runtime;

import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A linear memory: one contiguous little-endian byte array that grows in 64 KiB pages. Shared by
 * reference between the instances that export and import it.
 *
 * <p>The accessors are bounded: an access outside the memory throws a {@link Trap} of kind
 * {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS}. Addresses are unsigned 32-bit values held in longs.
 * The backing array is never exposed.
 *
 * <p>Why a {@code byte[]} and not a {@code MemorySegment}? Loads and stores through a
 * little-endian array {@code VarHandle} are what HotSpot optimises best today (bounds checks fold
 * into the explicit guest check), and a memory must be one array so that no access straddles two
 * chunks. The cost is a ceiling just under 2 GiB ({@link EngineConfig#BYTE_ARRAY_PAGE_LIMIT});
 * the accessors of compiled code live in one class ({@code MemoryAccess}), so a segment-backed
 * variant for 4 GiB and memory64 can be added behind them.
 */
public final class Memory implements Extern {
    static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Memories up to this size are backed lazily: the array covers the bytes touched so far and
     * grows on the first access beyond it, so instantiating (and growing) a memory costs nothing
     * until it is used. Larger memories are allocated in full when they are created or grown, so
     * that running out of heap shows as a failed {@code memory.grow}, never later.
     */
    static final long LAZY_LIMIT = 16L << 20;

    /**
     * The backing array: a prefix of the memory, zero beyond it. Replaced by a larger array when
     * an access goes past it. Read by compiled code.
     */
    byte[] bytes;
    /** The size in bytes (pages * 64 KiB). */
    private long size;

    private final long maxPages;
    private final long declaredMax;

    /**
     * A new memory of {@code type}'s minimum size, growing up to its maximum and never past
     * {@code limitPages}.
     */
    public Memory(MemoryType type, long limitPages) {
        Limits l = type.limits();
        long cap = Math.min(limitPages, EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        this.declaredMax = l.max();
        this.maxPages = l.hasMax() ? Math.min(l.max(), cap) : cap;
        if (l.min() > maxPages) {
            throw new ResourceLimitException("memory of " + l.min() + " pages exceeds the limit of " + maxPages);
        }
        this.size = l.min() * MemoryType.PAGE_SIZE;
        this.bytes = EMPTY;
        if (size > LAZY_LIMIT) {
            try {
                bytes = new byte[(int) size];
            } catch (OutOfMemoryError e) {
                throw new ResourceLimitException("cannot allocate a memory of " + l.min() + " pages");
            }
        }
    }

    private static final byte[] EMPTY = new byte[0];

    /** A new memory of {@code type} limited by the default engine configuration. */
    public Memory(MemoryType type) {
        this(type, EngineConfig.DEFAULT.maxMemoryPages());
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
        long newSize = (old + delta) * MemoryType.PAGE_SIZE;
        if (newSize > LAZY_LIMIT && newSize > bytes.length) {
            try {
                bytes = java.util.Arrays.copyOf(bytes, (int) newSize);
            } catch (OutOfMemoryError e) {
                return -1;
            }
        }
        size = newSize;
        return (int) old;
    }

    /**
     * The backing array covering {@code [address, address + length)}, extended if needed; traps
     * when the range is outside the memory. The slow path of every bounds check.
     */
    byte[] commit(long address, long length) {
        if (address < 0 || length < 0 || address > size - length) {
            throw Traps.memoryOutOfBounds();
        }
        byte[] b = bytes;
        long end = address + length;
        if (end > b.length) {
            long target = Math.max(end, Math.min(size, Math.max(2L * b.length, 4096)));
            target = Math.min(size, (target + 4095) & ~4095L);
            b = java.util.Arrays.copyOf(b, (int) target);
            bytes = b;
        }
        return b;
    }

    private int check(long address, long length) {
        commit(address, length);
        return (int) address;
    }

    public byte readI8(long address) {
        int i = check(address, 1);
        return bytes[i];
    }

    public int readU8(long address) {
        return readI8(address) & 0xFF;
    }

    public short readI16(long address) {
        int i = check(address, 2);
        return (short) I16.get(bytes, i);
    }

    public int readI32(long address) {
        int i = check(address, 4);
        return (int) I32.get(bytes, i);
    }

    public long readI64(long address) {
        int i = check(address, 8);
        return (long) I64.get(bytes, i);
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
        int i = check(address, length);
        byte[] out = new byte[length];
        System.arraycopy(bytes, i, out, 0, length);
        return out;
    }

    /**
     * Copies {@code length} bytes at {@code address} into {@code dest} from {@code offset}: the
     * bulk read of host functions, which reuse their buffer instead of allocating one per call.
     */
    public void readBytes(long address, byte[] dest, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, dest.length);
        System.arraycopy(bytes, check(address, length), dest, offset, length);
    }

    public void writeI8(long address, byte value) {
        int i = check(address, 1);
        bytes[i] = value;
    }

    public void writeI16(long address, short value) {
        int i = check(address, 2);
        I16.set(bytes, i, value);
    }

    public void writeI32(long address, int value) {
        int i = check(address, 4);
        I32.set(bytes, i, value);
    }

    public void writeI64(long address, long value) {
        int i = check(address, 8);
        I64.set(bytes, i, value);
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
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        int i = check(address, length);
        System.arraycopy(data, offset, bytes, i, length);
    }
}
