package dev.verge.core.compile;

import static dev.verge.core.compile.ModuleContext.kind;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.List;

/**
 * Where a function's Wasm locals live. Normally each is a JVM local. In frame mode they live in two
 * heap arrays instead, numbers as bits in a {@code long[]} and references in an {@code Object[]},
 * indexed by local index: the fallback for functions whose locals or parameters do not fit the
 * JVM's limits, and for functions split into several methods, which share the arrays. The arrays
 * end with a transfer area where split methods leave the values a branch carries.
 */
final class LocalAccess {
    private static final java.lang.constant.ClassDesc SYSTEM = java.lang.constant.ClassDesc.of("java.lang.System");
    private static final MethodTypeDesc ARRAYCOPY = MethodTypeDesc.of(ConstantDescs.CD_void,
            ConstantDescs.CD_Object, ConstantDescs.CD_int, ConstantDescs.CD_Object, ConstantDescs.CD_int, ConstantDescs.CD_int);

    private final CodeBuilder cb;
    private final ValType[] types;
    private final int[] slots;
    private final boolean frameMode;
    private final int nums;
    private final int refs;
    private final ValueCode values;
    /** The {@code v128} locals held as two longs each (JVM mode only), or null. */
    private final VectorLocals vectors;
    /** In frame mode: where the stack area starts, after the locals and the transfer area. */
    private int stackBase;

    /**
     * @param nums the JVM slot of the {@code long[]} in frame mode
     * @param refs the JVM slot of the {@code Object[]} in frame mode
     */
    private LocalAccess(CodeBuilder cb, ValType[] types, int[] slots, boolean frameMode, int nums, int refs, ValueCode values,
            VectorLocals vectors) {
        this.cb = cb;
        this.types = types;
        this.slots = slots;
        this.frameMode = frameMode;
        this.nums = nums;
        this.refs = refs;
        this.values = values;
        this.vectors = vectors;
    }

    /** Locals as JVM locals: parameters in their argument slots, the others allocated. */
    static LocalAccess jvm(CodeBuilder cb, ValType[] types, int paramCount, ValueCode values) {
        int[] slots = new int[types.length];
        int slot = 0;
        for (int i = 0; i < paramCount; i++) {
            slots[i] = slot;
            slot += kind(types[i]).slotSize();
        }
        VectorLocals vectors = VectorLocals.allocate(cb, types);
        for (int i = paramCount; i < types.length; i++) {
            slots[i] = vectors != null && vectors.has(i) ? -1 : cb.allocateLocal(kind(types[i]));
        }
        return new LocalAccess(cb, types, slots, false, -1, -1, values, vectors);
    }

    /**
     * Locals in arrays held in JVM slots {@code nums} and {@code refs}, followed by a transfer
     * area of {@code transfer} elements and the stack area.
     */
    static LocalAccess frame(CodeBuilder cb, ValType[] types, int nums, int refs, ValueCode values, int transfer) {
        LocalAccess a = new LocalAccess(cb, types, null, true, nums, refs, values, null);
        a.stackBase = types.length + transfer;
        return a;
    }

    boolean frameMode() {
        return frameMode;
    }

    int numsSlot() {
        return nums;
    }

    int refsSlot() {
        return refs;
    }

    /** The size of each frame array: the locals, the transfer area, the stack area. */
    static int frameSize(int localCount, int transfer, int stack) {
        return localCount + transfer + stack;
    }

    /** Zeroes declared locals (JVM mode), or creates the arrays and copies the parameters in (frame mode). */
    void prologue(FuncType type, int frameSize, boolean wide) {
        int params = type.params().size();
        if (!frameMode) {
            if (vectors != null) {
                vectors.prologue(params, slots);
            }
            for (int i = params; i < types.length; i++) {
                if (slots[i] < 0) {
                    continue;
                }
                TypeKind k = kind(types[i]);
                switch (k) {
                    case INT -> cb.iconst_0();
                    case LONG -> cb.lconst_0();
                    case FLOAT -> cb.fconst_0();
                    case DOUBLE -> cb.dconst_0();
                    default -> {
                        if (!SimdEmitter.pushZero(cb, types[i])) {
                            cb.aconst_null();
                        }
                    }
                }
                cb.storeLocal(k, slots[i]);
            }
            return;
        }
        cb.loadConstant(frameSize).newarray(TypeKind.LONG).astore(nums);
        cb.loadConstant(frameSize).anewarray(RuntimeNames.OBJECT).astore(refs);
        SimdEmitter.zeroVectorLocals(cb, types, params, refs);
        if (wide) {
            // Arguments arrive as (long[] nums, Object[] refs, Instance), indexed by parameter.
            cb.aload(0).iconst_0().aload(nums).iconst_0().loadConstant(params)
                    .invokestatic(SYSTEM, "arraycopy", ARRAYCOPY);
            cb.aload(1).iconst_0().aload(refs).iconst_0().loadConstant(params)
                    .invokestatic(SYSTEM, "arraycopy", ARRAYCOPY);
            return;
        }
        int slot = 0;
        for (int i = 0; i < params; i++) {
            TypeKind k = kind(types[i]);
            cb.loadLocal(k, slot);
            set(i);
            slot += k.slotSize();
        }
    }

    void get(int i) {
        if (vectors != null && vectors.has(i)) {
            vectors.get(i);
        } else if (!frameMode) {
            cb.loadLocal(kind(types[i]), slots[i]);
        } else {
            loadAt(types[i], i);
        }
    }

    void set(int i) {
        if (vectors != null && vectors.has(i)) {
            vectors.set(i);
        } else if (!frameMode) {
            cb.storeLocal(kind(types[i]), slots[i]);
        } else {
            storeAt(types[i], i);
        }
    }

    void tee(int i) {
        if (kind(types[i]).slotSize() == 2) {
            cb.dup2();
        } else {
            cb.dup();
        }
        set(i);
    }

    /**
     * Pushes an array index. Past {@code sipush}'s range it is the sum of a multiple of 32,768 and
     * a short, so that a huge frame costs a few constant pool entries, not one per element (the
     * pool of the module's one class holds at most 65,535).
     */
    private void pushIndex(int index) {
        if (index <= Short.MAX_VALUE) {
            cb.loadConstant(index);
        } else {
            cb.loadConstant(index & ~Short.MAX_VALUE).loadConstant(index & Short.MAX_VALUE).iadd();
        }
    }

    /** Pushes frame element {@code index} as a value of type {@code t}. */
    private void loadAt(ValType t, int index) {
        if (t instanceof NumType) {
            cb.aload(nums);
            pushIndex(index);
            cb.laload();
            values.fromBits(t);
        } else {
            cb.aload(refs);
            pushIndex(index);
            cb.aaload();
            SimdEmitter.castFromObject(cb, t);
        }
    }

    /** Pops a value of type {@code t} into frame element {@code index}. */
    private void storeAt(ValType t, int index) {
        if (t instanceof NumType) {
            values.toBits(t);
            cb.aload(nums);
            pushIndex(index);
            cb.dup2_x2().pop2().lastore();
        } else {
            cb.aload(refs);
            pushIndex(index);
            cb.dup2_x1().pop2().aastore();
        }
    }

    /** Pops the top values (last type on top) into the transfer area. */
    void storeTransfer(List<ValType> carried) {
        for (int i = carried.size() - 1; i >= 0; i--) {
            storeAt(carried.get(i), types.length + i);
        }
    }

    /** Pushes the values a split method left in the transfer area. */
    void loadTransfer(List<ValType> carried) {
        for (int i = 0; i < carried.size(); i++) {
            loadAt(carried.get(i), types.length + i);
        }
    }

    /** Pops a value of type {@code t} into the stack area, at the slot of operand height {@code height}. */
    void storeStack(ValType t, int height) {
        storeAt(t, stackBase + height);
    }

    /** Pushes the operand of type {@code t} kept in the stack area at height {@code height}. */
    void loadStack(ValType t, int height) {
        loadAt(t, stackBase + height);
    }
}
