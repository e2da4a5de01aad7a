package dev.verge.core.runtime;

import dev.verge.core.model.GlobalType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;

/**
 * A global variable. Numbers are kept as raw bits, so f32 and f64 NaN payloads survive
 * ({@link #getF32Bits()}, {@link #setBits(long)}); references as objects. Shared by reference
 * between the instances that export and import it.
 */
public final class Global implements Extern {
    /** Number values as bits (i32 and f32 in the low 32 bits). Read and written by compiled code. */
    long bits;
    /** Reference values. Read and written by compiled code. */
    Object ref;

    private final GlobalType type;

    /**
     * A new global of {@code type} holding {@code value} (boxed as in {@link HostFunction}).
     *
     * @throws IllegalArgumentException when the value is not of the global's type
     */
    public Global(GlobalType type, Object value) {
        this.type = type;
        store(value);
    }

    public GlobalType type() {
        return type;
    }

    /** The value, boxed: Integer, Long, Float, Double, {@link V128}, or a reference (possibly null). */
    public Object get() {
        ValType t = type.type();
        if (t == NumType.I32) {
            return (int) bits;
        } else if (t == NumType.I64) {
            return bits;
        } else if (t == NumType.F32) {
            return Float.intBitsToFloat((int) bits);
        } else if (t == NumType.F64) {
            return Double.longBitsToDouble(bits);
        }
        return ref;
    }

    /** Sets the value; throws {@link IllegalStateException} when the global is immutable. */
    public void set(Object value) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        store(value);
    }

    private void store(Object value) {
        ValType t = type.type();
        if (!JvmTypes.fits(t, value)) {
            throw new IllegalArgumentException("not a value of type " + t + ": " + value);
        }
        if (t == NumType.I32) {
            bits = ((Integer) value) & 0xFFFFFFFFL;
        } else if (t == NumType.I64) {
            bits = (Long) value;
        } else if (t == NumType.F32) {
            bits = Float.floatToRawIntBits((Float) value) & 0xFFFFFFFFL;
        } else if (t == NumType.F64) {
            bits = Double.doubleToRawLongBits((Double) value);
        } else {
            ref = value;
        }
    }

    /** The raw bits of a number global (an f32's bits in the low 32 bits). */
    public long getBits() {
        return bits;
    }

    /** Sets a mutable number global from raw bits, keeping NaN payloads exactly. */
    public void setBits(long value) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        bits = value;
    }

    public int getI32() {
        return (int) bits;
    }

    public long getI64() {
        return bits;
    }

    public float getF32() {
        return Float.intBitsToFloat((int) bits);
    }

    public int getF32Bits() {
        return (int) bits;
    }

    public double getF64() {
        return Double.longBitsToDouble(bits);
    }

    public long getF64Bits() {
        return bits;
    }
}
