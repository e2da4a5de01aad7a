package dev.verge.core.runtime;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * How Wasm values are represented on the JVM: i32 as int, i64 as long, f32 as float, f64 as
 * double, v128 as {@link V128}, references as Object; several results as {@link MultiResults}. Compiled functions take
 * their parameters then the instance context.
 */
public final class JvmTypes {
    private JvmTypes() {}

    public static Class<?> of(ValType t) {
        if (t == NumType.I32) return int.class;
        if (t == NumType.I64) return long.class;
        if (t == NumType.F32) return float.class;
        if (t == NumType.F64) return double.class;
        if (t == ValType.V128) return V128.class;
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

    /**
     * Whether a function's parameters need more JVM slots than a method handle can take: 254 with
     * the instance, since invoking a handle costs a slot of the 255 a method may have. Such
     * functions use the wide convention: {@code (long[] nums, Object[] refs,
     * Instance)}, numbers as bits and references indexed by parameter.
     */
    public static boolean isWide(FuncType type) {
        int slots = 0;
        for (ValType t : type.params()) {
            slots += (t == NumType.I64 || t == NumType.F64) ? 2 : 1;
        }
        return slots > 253;
    }

    /** The type of a compiled function: {@code (params..., Instance) -> return}, or the wide form. */
    public static MethodType compiled(FuncType type) {
        if (isWide(type)) {
            return MethodType.methodType(returnOf(type.results()), long[].class, Object[].class, Instance.class);
        }
        Class<?>[] p = new Class<?>[type.params().size() + 1];
        for (int i = 0; i < type.params().size(); i++) {
            p[i] = of(type.params().get(i));
        }
        p[p.length - 1] = Instance.class;
        return MethodType.methodType(returnOf(type.results()), p);
    }

    /** Boxed arguments in the wide convention's two arrays, followed by the context. */
    static Object[] wideArguments(FuncType type, Object[] args, Instance context) {
        long[] nums = new long[args.length];
        Object[] refs = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            ValType t = type.params().get(i);
            if (t instanceof NumType) {
                nums[i] = toBits(t, args[i]);
            } else {
                refs[i] = args[i];
            }
        }
        return new Object[] {nums, refs, context};
    }

    /** The boxed arguments of a wide call. */
    static Object[] wideToBoxed(FuncType type, long[] nums, Object[] refs) {
        Object[] out = new Object[type.params().size()];
        for (int i = 0; i < out.length; i++) {
            ValType t = type.params().get(i);
            out[i] = t instanceof NumType ? fromBits(t, nums[i]) : refs[i];
        }
        return out;
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
        if (t == ValType.V128) return v instanceof V128;
        if (ValType.FUNCREF.equals(t)) return v == null || v instanceof WasmFunction;
        return !(t instanceof NumType);
    }
}
