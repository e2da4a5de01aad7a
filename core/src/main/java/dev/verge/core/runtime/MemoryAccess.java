package dev.verge.core.runtime;

import dev.verge.core.model.Bytes;

/**
 * Loads, stores and bulk operations of compiled code on a {@link Memory}. Each access computes the
 * effective address as the unsigned 32-bit base plus the unsigned offset in a long, so it cannot
 * overflow, and compares it with the array's length before touching it: out-of-bounds accesses
 * trap through an explicit test, never through a caught JVM exception. The methods are tiny so
 * that HotSpot inlines them into the guest code.
 *
 * <p>Arguments come in the order compiled code has them: the operands from the Wasm stack, then
 * the static offset, then the memory.
 */
final class MemoryAccess {
    private MemoryAccess() {}

    private static int at(int base, long offset, byte[] b, int size) {
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > b.length - size) {
            throw Traps.memoryOutOfBounds();
        }
        return (int) ea;
    }

    static int i32Load(int base, long offset, Memory m) {
        byte[] b = m.bytes;
        return (int) Memory.I32.get(b, at(base, offset, b, 4));
    }

    static long i64Load(int base, long offset, Memory m) {
        byte[] b = m.bytes;
        return (long) Memory.I64.get(b, at(base, offset, b, 8));
    }

    static float f32Load(int base, long offset, Memory m) {
        return Float.intBitsToFloat(i32Load(base, offset, m));
    }

    static double f64Load(int base, long offset, Memory m) {
        return Double.longBitsToDouble(i64Load(base, offset, m));
    }

    static int i32Load8S(int base, long offset, Memory m) {
        byte[] b = m.bytes;
        return b[at(base, offset, b, 1)];
    }

    static int i32Load8U(int base, long offset, Memory m) {
        byte[] b = m.bytes;
        return b[at(base, offset, b, 1)] & 0xFF;
    }

    static int i32Load16S(int base, long offset, Memory m) {
        byte[] b = m.bytes;
        return (short) Memory.I16.get(b, at(base, offset, b, 2));
    }

    static int i32Load16U(int base, long offset, Memory m) {
        byte[] b = m.bytes;
        return (short) Memory.I16.get(b, at(base, offset, b, 2)) & 0xFFFF;
    }

    static long i64Load8S(int base, long offset, Memory m) {
        return i32Load8S(base, offset, m);
    }

    static long i64Load8U(int base, long offset, Memory m) {
        return i32Load8U(base, offset, m);
    }

    static long i64Load16S(int base, long offset, Memory m) {
        return i32Load16S(base, offset, m);
    }

    static long i64Load16U(int base, long offset, Memory m) {
        return i32Load16U(base, offset, m);
    }

    static long i64Load32S(int base, long offset, Memory m) {
        return i32Load(base, offset, m);
    }

    static long i64Load32U(int base, long offset, Memory m) {
        return i32Load(base, offset, m) & 0xFFFFFFFFL;
    }

    static void i32Store(int base, int value, long offset, Memory m) {
        byte[] b = m.bytes;
        Memory.I32.set(b, at(base, offset, b, 4), value);
    }

    static void i64Store(int base, long value, long offset, Memory m) {
        byte[] b = m.bytes;
        Memory.I64.set(b, at(base, offset, b, 8), value);
    }

    static void f32Store(int base, float value, long offset, Memory m) {
        i32Store(base, Float.floatToRawIntBits(value), offset, m);
    }

    static void f64Store(int base, double value, long offset, Memory m) {
        i64Store(base, Double.doubleToRawLongBits(value), offset, m);
    }

    static void i32Store8(int base, int value, long offset, Memory m) {
        byte[] b = m.bytes;
        b[at(base, offset, b, 1)] = (byte) value;
    }

    static void i32Store16(int base, int value, long offset, Memory m) {
        byte[] b = m.bytes;
        Memory.I16.set(b, at(base, offset, b, 2), (short) value);
    }

    static void i64Store8(int base, long value, long offset, Memory m) {
        i32Store8(base, (int) value, offset, m);
    }

    static void i64Store16(int base, long value, long offset, Memory m) {
        i32Store16(base, (int) value, offset, m);
    }

    static void i64Store32(int base, long value, long offset, Memory m) {
        i32Store(base, (int) value, offset, m);
    }

    static int size(Memory m) {
        return m.pages();
    }

    static int grow(int delta, Memory m) {
        return m.grow(delta);
    }

    private static void checkRange(long start, long length, long size) {
        if (start + length > size) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static void fill(int dst, int value, int n, Memory m) {
        byte[] b = m.bytes;
        long d = dst & 0xFFFFFFFFL;
        long len = n & 0xFFFFFFFFL;
        checkRange(d, len, b.length);
        java.util.Arrays.fill(b, (int) d, (int) (d + len), (byte) value);
    }

    static void copy(int dst, int src, int n, Memory m) {
        byte[] b = m.bytes;
        long d = dst & 0xFFFFFFFFL;
        long s = src & 0xFFFFFFFFL;
        long len = n & 0xFFFFFFFFL;
        checkRange(d, len, b.length);
        checkRange(s, len, b.length);
        System.arraycopy(b, (int) s, b, (int) d, (int) len);
    }

    static void init(int dst, int src, int n, int segment, Instance instance) {
        Bytes data = instance.data[segment];
        byte[] b = instance.memory0.bytes;
        long d = dst & 0xFFFFFFFFL;
        long s = src & 0xFFFFFFFFL;
        long len = n & 0xFFFFFFFFL;
        checkRange(d, len, b.length);
        checkRange(s, len, data.length());
        System.arraycopy(data.unsafeArray(), data.arrayOffset() + (int) s, b, (int) d, (int) len);
    }

    static void dataDrop(int segment, Instance instance) {
        instance.data[segment] = Bytes.EMPTY;
    }
}
