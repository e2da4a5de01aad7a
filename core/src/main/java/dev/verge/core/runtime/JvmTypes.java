package dev.verge.core.runtime;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * How Wasm values are represented on the JVM: i32 as int, i64 as long, f32 as float, f64 as
 * double, references as Object; several results as {@link MultiResults}. Compiled functions take
 * their parameters then the instance context.
 */
public final class JvmTypes {
    private JvmTypes() {}

    public static Class<?> of(ValType t) {
        if (t == NumType.I32) return int.class;
        if (t == NumType.I64) return long.class;
        if (t == NumType.F32) return float.class;
        if (t == NumType.F64) return double.class;
        return Object.class;
    }

    /** The return class of a function with these results. */
    public static Class<?> returnOf(List<ValType> results) {
        return switch (results.size()) {
            case 0 -> void.class;
            case 1 -> of(results.getFirst());
            default -> MultiResults.class;
        };
    }

    /** The type of a compiled function: {@code (params..., Instance) -> return}. */
    public static MethodType compiled(FuncType type) {
        Class<?>[] p = new Class<?>[type.params().size() + 1];
        for (int i = 0; i < type.params().size(); i++) {
            p[i] = of(type.params().get(i));
        }
        p[p.length - 1] = Instance.class;
        return MethodType.methodType(returnOf(type.results()), p);
    }

    /** The value as bits for a number slot of {@link MultiResults}. */
    static long toBits(ValType t, Object v) {
        if (t == NumType.I32) return ((Integer) v) & 0xFFFFFFFFL;
        if (t == NumType.I64) return (Long) v;
        if (t == NumType.F32) return Float.floatToRawIntBits((Float) v) & 0xFFFFFFFFL;
        return Double.doubleToRawLongBits((Double) v);
    }

    /** The boxed value of number bits. */
    static Object fromBits(ValType t, long bits) {
        if (t == NumType.I32) return (int) bits;
        if (t == NumType.I64) return bits;
        if (t == NumType.F32) return Float.intBitsToFloat((int) bits);
        return Double.longBitsToDouble(bits);
    }

    /** Whether {@code v} is a valid boxed value of {@code t}. */
    static boolean fits(ValType t, Object v) {
        if (t == NumType.I32) return v instanceof Integer;
        if (t == NumType.I64) return v instanceof Long;
        if (t == NumType.F32) return v instanceof Float;
        if (t == NumType.F64) return v instanceof Double;
        if (ValType.FUNCREF.equals(t)) return v == null || v instanceof WasmFunction;
        return !(t instanceof NumType);
    }
}
