package dev.verge.core.runtime;

import dev.verge.core.model.Bytes;

/**
 * Loads, stores and bulk operations of compiled code on a {@link Memory}. Each access computes the
 * effective address as the unsigned 32-bit base plus the unsigned offset in a long, so it cannot
 * overflow, and compares it with the flat array's length before touching it. Past the array, the
 * slow path is {@link Memory}'s public accessor of the same width, which reads zeros past a lazily
 * backed array or extends it on a write, reads or writes a paged memory (whose flat array is
 * empty), or traps: out-of-bounds accesses never go through a caught JVM exception. The methods
 * are tiny so that HotSpot inlines them into the guest code; the slow path is a call HotSpot
 * inlines only where it is hot, that is only for paged memories.
 *
 * <p>Arguments come in the order compiled code has them: the operands from the Wasm stack, then
 * the static offset, then the memory's flat array and the memory. Compiled code keeps memory 0's
 * flat array in a JVM local ({@code MemoryEmitter}), so that HotSpot need not re-read it from the
 * memory after every interrupt poll and can treat it as loop-invariant. The array is replaced
 * only by growth and by writes past a lazy prefix, never by a read: so a store returns the array
 * the memory has after it (the same one unless its slow path replaced it) for the local, and the
 * compiled code reloads the local after everything else that can write or grow the memory (calls,
 * {@code memory.grow}, the bulk operations, vector stores).
 */
final class MemoryAccess {
    private MemoryAccess() {}

    private static long ea(int base, long offset) {
        return (base & 0xFFFFFFFFL) + offset;
    }

    static int i32Load(int base, long offset, byte[] b, Memory m) {
        long ea = ea(base, offset);
        if (ea > b.length - 4) {
            return m.readI32(ea);
        }
        return (int) Memory.I32.get(b, (int) ea);
    }

    static long i64Load(int base, long offset, byte[] b, Memory m) {
        long ea = ea(base, offset);
        if (ea > b.length - 8) {
            return m.readI64(ea);
        }
        return (long) Memory.I64.get(b, (int) ea);
    }

    static float f32Load(int base, long offset, byte[] b, Memory m) {
        return Float.intBitsToFloat(i32Load(base, offset, b, m));
    }

    static double f64Load(int base, long offset, byte[] b, Memory m) {
        return Double.longBitsToDouble(i64Load(base, offset, b, m));
    }

    static int i32Load8S(int base, long offset, byte[] b, Memory m) {
        long ea = ea(base, offset);
        if (ea > b.length - 1) {
            return m.readI8(ea);
        }
        return b[(int) ea];
    }

    static int i32Load8U(int base, long offset, byte[] b, Memory m) {
        return i32Load8S(base, offset, b, m) & 0xFF;
    }

    static int i32Load16S(int base, long offset, byte[] b, Memory m) {
        long ea = ea(base, offset);
        if (ea > b.length - 2) {
            return m.readI16(ea);
        }
        return (short) Memory.I16.get(b, (int) ea);
    }

    static int i32Load16U(int base, long offset, byte[] b, Memory m) {
        return i32Load16S(base, offset, b, m) & 0xFFFF;
    }

    static long i64Load8S(int base, long offset, byte[] b, Memory m) {
        return i32Load8S(base, offset, b, m);
    }

    static long i64Load8U(int base, long offset, byte[] b, Memory m) {
        return i32Load8U(base, offset, b, m);
    }

    static long i64Load16S(int base, long offset, byte[] b, Memory m) {
        return i32Load16S(base, offset, b, m);
    }

    static long i64Load16U(int base, long offset, byte[] b, Memory m) {
        return i32Load16U(base, offset, b, m);
    }

    static long i64Load32S(int base, long offset, byte[] b, Memory m) {
        return i32Load(base, offset, b, m);
    }

    static long i64Load32U(int base, long offset, byte[] b, Memory m) {
        return i32Load(base, offset, b, m) & 0xFFFFFFFFL;
    }

    static byte[] i32Store(int base, int value, long offset, byte[] b, Memory m) {
        long ea = ea(base, offset);
        if (ea > b.length - 4) {
            m.writeI32(ea, value);
            return m.bytes;
        }
        Memory.I32.set(b, (int) ea, value);
        return b;
    }

    static byte[] i64Store(int base, long value, long offset, byte[] b, Memory m) {
        long ea = ea(base, offset);
        if (ea > b.length - 8) {
            m.writeI64(ea, value);
            return m.bytes;
        }
        Memory.I64.set(b, (int) ea, value);
        return b;
    }

    static byte[] f32Store(int base, float value, long offset, byte[] b, Memory m) {
        return i32Store(base, Float.floatToRawIntBits(value), offset, b, m);
    }

    static byte[] f64Store(int base, double value, long offset, byte[] b, Memory m) {
        return i64Store(base, Double.doubleToRawLongBits(value), offset, b, m);
    }

    static byte[] i32Store8(int base, int value, long offset, byte[] b, Memory m) {
        long ea = ea(base, offset);
        if (ea > b.length - 1) {
            m.writeI8(ea, (byte) value);
            return m.bytes;
        }
        b[(int) ea] = (byte) value;
        return b;
    }

    static byte[] i32Store16(int base, int value, long offset, byte[] b, Memory m) {
        long ea = ea(base, offset);
        if (ea > b.length - 2) {
            m.writeI16(ea, (short) value);
            return m.bytes;
        }
        Memory.I16.set(b, (int) ea, (short) value);
        return b;
    }

    static byte[] i64Store8(int base, long value, long offset, byte[] b, Memory m) {
        return i32Store8(base, (int) value, offset, b, m);
    }

    static byte[] i64Store16(int base, long value, long offset, byte[] b, Memory m) {
        return i32Store16(base, (int) value, offset, b, m);
    }

    static byte[] i64Store32(int base, long value, long offset, byte[] b, Memory m) {
        return i32Store(base, (int) value, offset, b, m);
    }

    static int size(Memory m) {
        return m.pages();
    }

    static int grow(int delta, Memory m) {
        return m.grow(delta);
    }

    static void fill(int dst, int value, int n, Memory m) {
        m.fill(dst & 0xFFFFFFFFL, n & 0xFFFFFFFFL, (byte) value);
    }

    static void copy(int dst, int src, int n, Memory m) {
        m.copyWithin(dst & 0xFFFFFFFFL, src & 0xFFFFFFFFL, n & 0xFFFFFFFFL);
    }

    static void init(int dst, int src, int n, int segment, Instance instance) {
        Bytes data = instance.data[segment];
        long d = dst & 0xFFFFFFFFL;
        long s = src & 0xFFFFFFFFL;
        long len = n & 0xFFFFFFFFL;
        Memory m = instance.memory0;
        m.checkRange(d, len);
        if (s + len > data.length()) {
            throw Traps.memoryOutOfBounds();
        }
        m.writeBytes(d, data.unsafeArray(), data.arrayOffset() + (int) s, (int) len);
    }

    static void dataDrop(int segment, Instance instance) {
        instance.data[segment] = Bytes.EMPTY;
    }
}
