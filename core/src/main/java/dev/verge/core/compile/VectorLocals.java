package dev.verge.core.compile;

import static java.lang.constant.ConstantDescs.CD_long;

import dev.verge.core.model.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.MethodTypeDesc;

/**
 * {@code v128} locals kept as two JVM {@code long} locals (low and high half) instead of one
 * {@code V128} reference. On the operand stack a {@code v128} is still a {@code V128}, but one that
 * lives only from a {@code local.get} to the next {@code local.set}: HotSpot's escape analysis
 * removes such objects once the helpers are inlined. A reference local, by contrast, is a value
 * that flows around a loop's back edge, and C2 does not scalar-replace objects that merge at a loop
 * head: every iteration of a loop that updates a vector accumulator would allocate one.
 *
 * <p>Used for functions whose locals are JVM locals (not frame arrays), with at most {@link
 * #MAX_VECTOR_LOCALS} vector locals so the extra slots stay within the JVM's limit.
 */
final class VectorLocals {
    /** Beyond this many {@code v128} locals a function keeps them as references (4 slots each here). */
    static final int MAX_VECTOR_LOCALS = 1000;

    private static final MethodTypeDesc HALF = MethodTypeDesc.of(CD_long);
    private static final MethodTypeDesc OF = MethodTypeDesc.of(SimdEmitter.V128_DESC, CD_long, CD_long);

    private final CodeBuilder cb;
    /** The JVM slot of each local's low half, -1 for locals that are not {@code v128}. */
    private final int[] lo;
    private final int[] hi;

    private VectorLocals(CodeBuilder cb, int[] lo, int[] hi) {
        this.cb = cb;
        this.lo = lo;
        this.hi = hi;
    }

    /** The split slots for the {@code v128} locals among {@code types}; null when there are none or too many. */
    static VectorLocals allocate(CodeBuilder cb, ValType[] types) {
        int count = 0;
        for (ValType t : types) {
            if (t == ValType.V128) {
                count++;
            }
        }
        if (count == 0 || count > MAX_VECTOR_LOCALS) {
            return null;
        }
        int[] lo = new int[types.length];
        int[] hi = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == ValType.V128) {
                lo[i] = cb.allocateLocal(TypeKind.LONG);
                hi[i] = cb.allocateLocal(TypeKind.LONG);
            } else {
                lo[i] = -1;
                hi[i] = -1;
            }
        }
        return new VectorLocals(cb, lo, hi);
    }

    /** Whether local {@code i} is held here. */
    boolean has(int i) {
        return lo[i] >= 0;
    }

    /**
     * Splits the {@code v128} parameters (references in their argument slots {@code paramSlots})
     * into halves and zeroes the declared {@code v128} locals.
     */
    void prologue(int paramCount, int[] paramSlots) {
        for (int i = 0; i < lo.length; i++) {
            if (!has(i)) {
                continue;
            }
            if (i < paramCount) {
                cb.aload(paramSlots[i]);
                set(i);
            } else {
                cb.lconst_0().lstore(lo[i]).lconst_0().lstore(hi[i]);
            }
        }
    }

    /** Pushes local {@code i} as a {@code V128}. */
    void get(int i) {
        cb.lload(lo[i]).lload(hi[i]).invokestatic(SimdEmitter.V128_DESC, "of", OF);
    }

    /** Pops a {@code V128} into local {@code i}. */
    void set(int i) {
        cb.dup().invokevirtual(SimdEmitter.V128_DESC, "lo", HALF).lstore(lo[i]);
        cb.invokevirtual(SimdEmitter.V128_DESC, "hi", HALF).lstore(hi[i]);
    }
}
