package dev.verge.core.runtime;

import dev.verge.core.runtime.ops.I16x8Ops;
import dev.verge.core.runtime.ops.I32x4Ops;
import dev.verge.core.runtime.ops.I64x2Ops;
import dev.verge.core.runtime.ops.I8x16Ops;
import dev.verge.core.runtime.ops.V128Ops;

/**
 * The {@code v128} loads and stores of compiled code, with the bounds check of the scalar ones
 * ({@link MemoryAccess}): the effective address is the unsigned 32-bit base plus the unsigned
 * offset in a long, and the whole access must fit in memory, else the instruction traps before it
 * reads or writes anything.
 *
 * <p>Arguments come in the order compiled code has them: the operands from the Wasm stack, the
 * static offset, the memory, then the lane index of the lane forms.
 */
final class SimdMemoryAccess {
    private SimdMemoryAccess() {}

    private static long ea(int base, long offset) {
        return (base & 0xFFFFFFFFL) + offset;
    }

    /**
     * Whether {@code [ea, ea + size)} is not within the flat array: then the slow path (the
     * memory's bounded accessors) reads zeros past a lazy prefix or extends it on a write, reads or
     * writes a paged memory, or traps.
     */
    private static boolean slow(long ea, int size, byte[] b) {
        return ea > b.length - size;
    }

    private static long load64(int base, long offset, Memory m) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        return slow(ea, 8, b) ? m.readI64(ea) : (long) Memory.I64.get(b, (int) ea);
    }

    private static int load32(int base, long offset, Memory m) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        return slow(ea, 4, b) ? m.readI32(ea) : (int) Memory.I32.get(b, (int) ea);
    }

    private static int load16(int base, long offset, Memory m) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        return slow(ea, 2, b) ? m.readI16(ea) : (short) Memory.I16.get(b, (int) ea);
    }

    private static int load8(int base, long offset, Memory m) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        return slow(ea, 1, b) ? m.readI8(ea) : b[(int) ea];
    }

    static V128 v128Load(int base, long offset, Memory m) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        if (slow(ea, 16, b)) {
            m.checkRange(ea, 16);
            return V128.of(m.readI64(ea), m.readI64(ea + 8));
        }
        int a = (int) ea;
        return V128.of((long) Memory.I64.get(b, a), (long) Memory.I64.get(b, a + 8));
    }

    static void v128Store(int base, V128 value, long offset, Memory m) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        if (slow(ea, 16, b)) {
            // The whole store is checked first: a trap must leave memory unchanged.
            m.checkRange(ea, 16);
            m.writeI64(ea, value.lo());
            m.writeI64(ea + 8, value.hi());
            return;
        }
        int a = (int) ea;
        Memory.I64.set(b, a, value.lo());
        Memory.I64.set(b, a + 8, value.hi());
    }

    // ---- extending loads: 8 bytes widened to the lanes of twice the width ----

    static V128 v128Load8x8S(int base, long offset, Memory m) {
        return V128Ops.extend8x8S(load64(base, offset, m));
    }

    static V128 v128Load8x8U(int base, long offset, Memory m) {
        return V128Ops.extend8x8U(load64(base, offset, m));
    }

    static V128 v128Load16x4S(int base, long offset, Memory m) {
        return V128Ops.extend16x4S(load64(base, offset, m));
    }

    static V128 v128Load16x4U(int base, long offset, Memory m) {
        return V128Ops.extend16x4U(load64(base, offset, m));
    }

    static V128 v128Load32x2S(int base, long offset, Memory m) {
        return V128Ops.extend32x2S(load64(base, offset, m));
    }

    static V128 v128Load32x2U(int base, long offset, Memory m) {
        return V128Ops.extend32x2U(load64(base, offset, m));
    }

    // ---- splats and zero-extending loads ----

    static V128 v128Load8Splat(int base, long offset, Memory m) {
        return I8x16Ops.splat(load8(base, offset, m));
    }

    static V128 v128Load16Splat(int base, long offset, Memory m) {
        return I16x8Ops.splat(load16(base, offset, m));
    }

    static V128 v128Load32Splat(int base, long offset, Memory m) {
        return I32x4Ops.splat(load32(base, offset, m));
    }

    static V128 v128Load64Splat(int base, long offset, Memory m) {
        long x = load64(base, offset, m);
        return V128.of(x, x);
    }

    static V128 v128Load32Zero(int base, long offset, Memory m) {
        return V128.of(load32(base, offset, m) & 0xFFFFFFFFL, 0);
    }

    static V128 v128Load64Zero(int base, long offset, Memory m) {
        return V128.of(load64(base, offset, m), 0);
    }

    // ---- one lane from or to memory ----

    static V128 v128Load8Lane(int base, V128 v, long offset, Memory m, int lane) {
        return I8x16Ops.replaceLane(v, load8(base, offset, m), lane);
    }

    static V128 v128Load16Lane(int base, V128 v, long offset, Memory m, int lane) {
        return I16x8Ops.replaceLane(v, load16(base, offset, m), lane);
    }

    static V128 v128Load32Lane(int base, V128 v, long offset, Memory m, int lane) {
        return I32x4Ops.replaceLane(v, load32(base, offset, m), lane);
    }

    static V128 v128Load64Lane(int base, V128 v, long offset, Memory m, int lane) {
        return I64x2Ops.replaceLane(v, load64(base, offset, m), lane);
    }

    static void v128Store8Lane(int base, V128 v, long offset, Memory m, int lane) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        byte x = (byte) I8x16Ops.extractLaneU(v, lane);
        if (slow(ea, 1, b)) {
            m.writeI8(ea, x);
        } else {
            b[(int) ea] = x;
        }
    }

    static void v128Store16Lane(int base, V128 v, long offset, Memory m, int lane) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        short x = (short) I16x8Ops.extractLaneU(v, lane);
        if (slow(ea, 2, b)) {
            m.writeI16(ea, x);
        } else {
            Memory.I16.set(b, (int) ea, x);
        }
    }

    static void v128Store32Lane(int base, V128 v, long offset, Memory m, int lane) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        int x = I32x4Ops.extractLane(v, lane);
        if (slow(ea, 4, b)) {
            m.writeI32(ea, x);
        } else {
            Memory.I32.set(b, (int) ea, x);
        }
    }

    static void v128Store64Lane(int base, V128 v, long offset, Memory m, int lane) {
        long ea = ea(base, offset);
        byte[] b = m.bytes;
        long x = I64x2Ops.extractLane(v, lane);
        if (slow(ea, 8, b)) {
            m.writeI64(ea, x);
        } else {
            Memory.I64.set(b, (int) ea, x);
        }
    }
}
