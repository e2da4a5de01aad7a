package dev.verge.core.compile;

import static dev.verge.core.compile.ModuleContext.kind;

import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Moving values between the JVM operand stack, scratch locals and the {@code MultiResults} of
 * multi-value returns. Scratch locals are pooled per JVM type: a spill uses them only between two
 * adjacent instructions, so one pool serves the whole method.
 */
final class ValueCode {
    private final CodeBuilder cb;
    private final int contextSlot;
    private final Map<TypeKind, List<Integer>> pool = new EnumMap<>(TypeKind.class);
    private int multiSlot = -1;

    ValueCode(CodeBuilder cb, int contextSlot) {
        this.cb = cb;
        this.contextSlot = contextSlot;
    }

    /** Scratch locals for values of these types, one each, distinct. */
    int[] scratch(List<ValType> types) {
        int[] slots = new int[types.size()];
        Map<TypeKind, Integer> used = new EnumMap<>(TypeKind.class);
        for (int i = 0; i < slots.length; i++) {
            TypeKind k = kind(types.get(i));
            List<Integer> p = pool.computeIfAbsent(k, x -> new ArrayList<>());
            int n = used.merge(k, 1, Integer::sum) - 1;
            while (p.size() <= n) {
                p.add(cb.allocateLocal(k));
            }
            slots[i] = p.get(n);
        }
        return slots;
    }

    /** Stores the top {@code types.size()} values (last type on top) into {@code slots}. */
    void storeAll(List<ValType> types, int[] slots) {
        for (int i = types.size() - 1; i >= 0; i--) {
            cb.storeLocal(kind(types.get(i)), slots[i]);
        }
    }

    void loadAll(List<ValType> types, int[] slots) {
        for (int i = 0; i < types.size(); i++) {
            cb.loadLocal(kind(types.get(i)), slots[i]);
        }
    }

    void pop(ValType t) {
        if (kind(t).slotSize() == 2) {
            cb.pop2();
        } else {
            cb.pop();
        }
    }

    /** Returns the function's results, which are on top of the stack (anything below is left). */
    void emitReturn(List<ValType> results) {
        switch (results.size()) {
            case 0 -> cb.return_();
            case 1 -> cb.return_(kind(results.getFirst()));
            default -> {
                int[] slots = scratch(results);
                storeAll(results, slots);
                cb.aload(contextSlot).getfield(RuntimeNames.INSTANCE, "results", RuntimeNames.MULTI_RESULTS);
                for (int i = 0; i < results.size(); i++) {
                    ValType t = results.get(i);
                    cb.dup();
                    if (t instanceof NumType) {
                        cb.getfield(RuntimeNames.MULTI_RESULTS, "nums", ConstantDescs.CD_long.arrayType());
                        cb.loadConstant(i);
                        cb.loadLocal(kind(t), slots[i]);
                        toBits(t);
                        cb.lastore();
                    } else {
                        cb.getfield(RuntimeNames.MULTI_RESULTS, "refs", RuntimeNames.OBJECT.arrayType());
                        cb.loadConstant(i);
                        cb.aload(slots[i]);
                        cb.aastore();
                    }
                }
                cb.areturn();
            }
        }
    }

    /** Replaces the {@code MultiResults} on top of the stack by the values it holds. */
    void unpack(List<ValType> results) {
        if (multiSlot < 0) {
            multiSlot = cb.allocateLocal(TypeKind.REFERENCE);
        }
        cb.astore(multiSlot);
        for (int i = 0; i < results.size(); i++) {
            ValType t = results.get(i);
            cb.aload(multiSlot);
            if (t instanceof NumType) {
                cb.getfield(RuntimeNames.MULTI_RESULTS, "nums", ConstantDescs.CD_long.arrayType());
                cb.loadConstant(i);
                cb.laload();
                fromBits(t);
            } else {
                cb.getfield(RuntimeNames.MULTI_RESULTS, "refs", RuntimeNames.OBJECT.arrayType());
                cb.loadConstant(i);
                cb.aaload();
                SimdEmitter.castFromObject(cb, t);
            }
        }
    }

    /**
     * Replaces the arguments on top of the stack by the two arrays of the wide calling convention
     * ({@code long[]} of number bits and {@code Object[]} of references, indexed by parameter).
     */
    void packArguments(List<ValType> params) {
        int[] slots = scratch(params);
        storeAll(params, slots);
        int n = params.size();
        cb.loadConstant(n).newarray(TypeKind.LONG);
        for (int i = 0; i < n; i++) {
            ValType t = params.get(i);
            if (t instanceof NumType) {
                cb.dup().loadConstant(i).loadLocal(kind(t), slots[i]);
                toBits(t);
                cb.lastore();
            }
        }
        cb.loadConstant(n).anewarray(RuntimeNames.OBJECT);
        for (int i = 0; i < n; i++) {
            ValType t = params.get(i);
            if (!(t instanceof NumType)) {
                cb.dup().loadConstant(i).aload(slots[i]).aastore();
            }
        }
    }

    /** Converts the number on top of the stack to its bits as a long. */
    void toBits(ValType t) {
        if (t == NumType.I32) {
            cb.i2l();
        } else if (t == NumType.F32) {
            cb.invokestatic(ConstantDescs.CD_Float, "floatToRawIntBits", MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_float));
            cb.i2l();
        } else if (t == NumType.F64) {
            cb.invokestatic(ConstantDescs.CD_Double, "doubleToRawLongBits", MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_double));
        }
    }

    /** Converts bits (a long on top of the stack) to a number of type {@code t}. */
    void fromBits(ValType t) {
        if (t == NumType.I32) {
            cb.l2i();
        } else if (t == NumType.F32) {
            cb.l2i();
            cb.invokestatic(ConstantDescs.CD_Float, "intBitsToFloat", MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int));
        } else if (t == NumType.F64) {
            cb.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble", MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long));
        }
    }

    /** {@code select}: keeps the first of two values when the i32 on top is not zero. */
    void select(ValType t) {
        Label takeFirst = cb.newLabel();
        Label done = cb.newLabel();
        boolean wide = kind(t).slotSize() == 2;
        cb.ifne(takeFirst);
        if (wide) {
            cb.dup2_x2().pop2().pop2();
        } else {
            cb.swap().pop();
        }
        cb.goto_(done);
        cb.labelBinding(takeFirst);
        if (wide) {
            cb.pop2();
        } else {
            cb.pop();
        }
        cb.labelBinding(done);
    }

    /** Pushes an f32 constant with exactly these bits. */
    void f32Const(int bits) {
        float f = Float.intBitsToFloat(bits);
        String field = switch (bits) {
            case 0x00000000 -> "f32PlusZero";
            case 0x80000000 -> "f32MinusZero";
            case 0x3F800000 -> "f32PlusOne";
            case 0xBF800000 -> "f32MinusOne";
            default -> null;
        };
        if (field != null) {
            cb.getstatic(RuntimeNames.FLOAT_CONSTANTS, field, ConstantDescs.CD_float);
        } else if (Float.isNaN(f)) {
            // The constant pool may canonicalise NaNs; build the exact bits at run time.
            PoolSafeConstants.loadInt(cb, bits);
            cb.invokestatic(ConstantDescs.CD_Float, "intBitsToFloat", MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int));
        } else if (!PoolSafeConstants.loadFloatBits(cb, bits)) {
            cb.loadConstant(f);
        }
    }

    /** Pushes an f64 constant with exactly these bits. */
    void f64Const(long bits) {
        double d = Double.longBitsToDouble(bits);
        String field = bits == 0L ? "f64PlusZero"
                : bits == 0x8000000000000000L ? "f64MinusZero"
                : bits == 0x3FF0000000000000L ? "f64PlusOne"
                : bits == 0xBFF0000000000000L ? "f64MinusOne"
                : null;
        if (field != null) {
            cb.getstatic(RuntimeNames.FLOAT_CONSTANTS, field, ConstantDescs.CD_double);
        } else if (Double.isNaN(d)) {
            PoolSafeConstants.loadLong(cb, bits);
            cb.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble", MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long));
        } else if (!PoolSafeConstants.loadDoubleBits(cb, bits)) {
            cb.loadConstant(d);
        }
    }
}
