package dev.verge.core.compile;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.ops.OpHelpers;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * Emits the SIMD instructions that carry immediates: {@code v128.const}, lane accesses, {@code
 * i8x16.shuffle} and the {@code v128} loads and stores. (SIMD instructions without immediates go
 * through {@link NumericEmitter} like the scalar ones: an {@code invokestatic} of their helper.)
 *
 * <p>A {@code v128} value is a {@code dev.verge.core.runtime.V128} reference on the JVM stack, in
 * JVM locals and in method descriptors; where the compiler keeps values as {@code Object} (frame
 * arrays, globals, multi-value results) it casts back on reading.
 */
final class SimdEmitter {
    /** The JVM type of a {@code v128} value. */
    static final ClassDesc V128_DESC = ClassDesc.of(RuntimeNames.PACKAGE + "V128");
    private static final ClassDesc SIMD_MEMORY = ClassDesc.of(RuntimeNames.PACKAGE + "SimdMemoryAccess");
    private static final ClassDesc I = CD_int;
    private static final ClassDesc ARRAYS = ClassDesc.of("java.util.Arrays");
    private static final MethodTypeDesc FILL = MethodTypeDesc.of(CD_void, ConstantDescs.CD_Object.arrayType(), CD_int, CD_int, ConstantDescs.CD_Object);
    private static final ClassDesc MEM = RuntimeNames.MEMORY;

    private final CodeBuilder cb;
    private final MemoryEmitter memory;

    SimdEmitter(CodeBuilder cb, MemoryEmitter memory) {
        this.cb = cb;
        this.memory = memory;
    }

    /** Pushes the zero value of {@code t} if it is {@code v128}; false (and nothing pushed) otherwise. */
    static boolean pushZero(CodeBuilder cb, ValType t) {
        if (t != ValType.V128) {
            return false;
        }
        cb.getstatic(V128_DESC, "ZERO", V128_DESC);
        return true;
    }

    /**
     * In frame mode: sets the declared {@code v128} locals (from index {@code first}) to zero, not
     * null, one {@code Arrays.fill} per run of them so that many locals cost little code.
     */
    static void zeroVectorLocals(CodeBuilder cb, ValType[] types, int first, int refsSlot) {
        int i = first;
        while (i < types.length) {
            if (types[i] != ValType.V128) {
                i++;
                continue;
            }
            int start = i;
            while (i < types.length && types[i] == ValType.V128) {
                i++;
            }
            cb.aload(refsSlot).loadConstant(start).loadConstant(i).getstatic(V128_DESC, "ZERO", V128_DESC);
            cb.invokestatic(ARRAYS, "fill", FILL);
        }
    }

    /** After reading an {@code Object} slot that holds a value of type {@code t}: the cast a v128 needs. */
    static void castFromObject(CodeBuilder cb, ValType t) {
        if (t == ValType.V128) {
            cb.checkcast(V128_DESC);
        }
    }

    /** Whether {@code op} is a memory instruction with a plain memarg that reads or writes a {@code v128}. */
    static boolean isVectorAccess(Op op) {
        return op.prefix() == 0xFD;
    }

    void constant(long lo, long hi) {
        if (lo == 0 && hi == 0) {
            cb.getstatic(V128_DESC, "ZERO", V128_DESC);
        } else {
            PoolSafeConstants.loadLong(cb, lo);
            PoolSafeConstants.loadLong(cb, hi);
            cb.invokestatic(V128_DESC, "of", MethodTypeDesc.of(V128_DESC, CD_long, CD_long));
        }
    }

    /** {@code extract_lane} and {@code replace_lane}: the helper with the lane index as trailing int. */
    void lane(Op op, int lane) {
        cb.loadConstant(lane);
        invokeHelper(op);
    }

    /** {@code i8x16.shuffle}: the helper with the 16 lane indices packed into two longs. */
    void shuffle(byte[] lanes) {
        long lo = 0;
        long hi = 0;
        for (int i = 7; i >= 0; i--) {
            lo = lo << 8 | (lanes[i] & 0xFF);
            hi = hi << 8 | (lanes[i + 8] & 0xFF);
        }
        PoolSafeConstants.loadLong(cb, lo);
        PoolSafeConstants.loadLong(cb, hi);
        invokeHelper(Op.I8X16_SHUFFLE);
    }

    private void invokeHelper(Op op) {
        DirectMethodHandleDesc h = OpHelpers.of(op);
        if (h == null) {
            throw new IllegalStateException("no helper for " + op.mnemonic());
        }
        cb.invokestatic(h.owner(), h.methodName(), h.invocationType());
    }

    /**
     * A {@code v128} load or store: {@code SimdMemoryAccess.<name>(base, [value,] offset, memory)},
     * named like the scalar ones ({@code v128.load8x8_s} is {@code v128Load8x8S}).
     */
    void access(Op op, long offset, int memoryIndex) {
        PoolSafeConstants.loadLong(cb, offset);
        memory.memoryRef(memoryIndex);
        MethodTypeDesc desc = op == Op.V128_STORE
                ? MethodTypeDesc.of(CD_void, I, V128_DESC, CD_long, MEM)
                : MethodTypeDesc.of(V128_DESC, I, CD_long, MEM);
        cb.invokestatic(SIMD_MEMORY, helperName(op), desc);
        if (op == Op.V128_STORE) {
            memory.invalidate();
        }
    }

    /** {@code v128.loadN_lane} and {@code v128.storeN_lane}: {@code (base, vector, offset, memory, lane)}. */
    void accessLane(Op op, long offset, int memoryIndex, int lane) {
        cb.loadConstant(offset);
        memory.memoryRef(memoryIndex);
        cb.loadConstant(lane);
        MethodTypeDesc desc = op.results().isEmpty()
                ? MethodTypeDesc.of(CD_void, I, V128_DESC, CD_long, MEM, I)
                : MethodTypeDesc.of(V128_DESC, I, V128_DESC, CD_long, MEM, I);
        cb.invokestatic(SIMD_MEMORY, helperName(op), desc);
        if (op.results().isEmpty()) {
            // A vector store goes through the memory, which may replace its array.
            memory.invalidate();
        }
    }

    /** {@code v128.load8x8_s} is {@code v128Load8x8S}. */
    static String helperName(Op op) {
        String m = op.mnemonic();
        StringBuilder sb = new StringBuilder("v128");
        boolean upper = true;
        for (int i = m.indexOf('.') + 1; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
