package dev.verge.core.compile;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Pushes int and long constants without filling the constant pool. A module is one class, whose
 * pool holds at most 65,535 entries, and {@code ldc} takes one entry per distinct value: a huge
 * function with many distinct constants would not compile. Once the pool is nearly full,
 * constants are built from {@code sipush} halves instead (a few bytes more, no entry).
 */
final class PoolSafeConstants {
    /** Past this many pool entries, new constants are built from short pieces. */
    static final int POOL_SOFT_LIMIT = 50_000;

    private PoolSafeConstants() {}

    private static boolean poolNearlyFull(CodeBuilder cb) {
        return cb.constantPool().size() > POOL_SOFT_LIMIT;
    }

    static void loadInt(CodeBuilder cb, int v) {
        if ((v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) || !poolNearlyFull(cb)) {
            cb.loadConstant(v);
            return;
        }
        // v = (hi << 16) + lo, with hi a short and lo in [0, 65535] the sum of two shorts.
        int lo = v & 0xFFFF;
        cb.loadConstant(v >> 16).loadConstant(16).ishl();
        if (lo != 0) {
            cb.loadConstant(lo >> 1).iadd().loadConstant(lo - (lo >> 1)).iadd();
        }
    }

    static void loadLong(CodeBuilder cb, long v) {
        if (v == 0L || v == 1L || !poolNearlyFull(cb)) {
            cb.loadConstant(v);
            return;
        }
        // (high << 32) | (low zero-extended).
        loadInt(cb, (int) (v >>> 32));
        cb.i2l().loadConstant(32).lshl();
        loadInt(cb, (int) v);
        cb.i2l().loadConstant(32).lshl().loadConstant(32).lushr().lor();
    }

    /** Pushes the float with these bits through {@code Float.intBitsToFloat}, when the pool is nearly full. */
    static boolean loadFloatBits(CodeBuilder cb, int bits) {
        if (!poolNearlyFull(cb)) {
            return false;
        }
        loadInt(cb, bits);
        cb.invokestatic(ConstantDescs.CD_Float, "intBitsToFloat",
                MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int));
        return true;
    }

    /** Pushes the double with these bits through {@code Double.longBitsToDouble}, when the pool is nearly full. */
    static boolean loadDoubleBits(CodeBuilder cb, long bits) {
        if (!poolNearlyFull(cb)) {
            return false;
        }
        loadLong(cb, bits);
        cb.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble",
                MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long));
        return true;
    }
}
