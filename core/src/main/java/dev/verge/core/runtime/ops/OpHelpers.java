package dev.verge.core.runtime.ops;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.V128;
import java.lang.constant.ClassDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which static method implements which numeric instruction, for the compiler: it emits {@code
 * invokestatic} to {@link #of(Op)} instead of keeping its own list.
 *
 * <p>The mapping is derived from the instruction table by a naming rule, so it cannot drift from
 * the helper classes: an instruction that converts between two scalar types ({@code
 * i64.trunc_f32_u}) maps to {@link ConvertOps} and the whole mnemonic in camel case ({@code
 * i64TruncF32U}); any other instruction maps to the class of its prefix ({@code i32}, {@code
 * i64}, {@code f32}, {@code f64}, {@code v128}, {@code i8x16}, {@code i16x8}, {@code i32x4},
 * {@code i64x2}, {@code f32x4}, {@code f64x2}) and the rest of the mnemonic ({@code i32.div_s} is
 * {@link I32Ops#divS}, {@code i16x8.extmul_low_i8x16_s} is {@link I16x8Ops#extmulLowI8x16S}).
 *
 * <p>The method takes the instruction's operands (bottom of the stack first; {@code v128} as
 * {@link V128}) followed by its immediates, and returns its result: a lane index ({@code
 * extract_lane}, {@code replace_lane}) is a trailing {@code int}, and the 16 lane indices of {@code
 * i8x16.shuffle} are two trailing {@code long}s in {@code v128.const} order. Instructions with no
 * such method ({@code i32.add}, {@code f64.mul}, constants, loads and stores) are meant to be
 * emitted as plain bytecode or by the memory code.
 */
public final class OpHelpers {
    private OpHelpers() {}

    private static final Pattern CONVERSION = Pattern.compile("[if](32|64)\\.[a-z_]+_[if](32|64)(_[su])?");

    private static final Map<Op, DirectMethodHandleDesc> HELPERS = derive();

    /**
     * The static method that implements {@code op}, with the instruction's operand types as
     * parameters (bottom of the stack first) and its result type as return type; null when the
     * instruction has no helper.
     */
    public static DirectMethodHandleDesc of(Op op) {
        return HELPERS.get(op);
    }

    /** Every instruction that has a helper, with its method. */
    public static Map<Op, DirectMethodHandleDesc> all() {
        return HELPERS;
    }

    private static Map<Op, DirectMethodHandleDesc> derive() {
        Map<Op, DirectMethodHandleDesc> out = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            if (!op.hasFixedSignature() || op.results().size() != 1 || !hasImmediateParams(op.imm())) {
                continue;
            }
            Class<?> owner = ownerOf(op.mnemonic());
            if (owner == null) {
                continue;
            }
            Method m = findMethod(owner, methodName(op.mnemonic()), op, op.results().getFirst());
            if (m != null) {
                out.put(op, describe(m));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The helper class for a mnemonic, or null when the mnemonic is not numeric. */
    static Class<?> ownerOf(String mnemonic) {
        if (CONVERSION.matcher(mnemonic).matches()) {
            return ConvertOps.class;
        }
        int dot = mnemonic.indexOf('.');
        return switch (dot < 0 ? "" : mnemonic.substring(0, dot)) {
            case "i32" -> I32Ops.class;
            case "i64" -> I64Ops.class;
            case "f32" -> F32Ops.class;
            case "f64" -> F64Ops.class;
            case "v128" -> V128Ops.class;
            case "i8x16" -> I8x16Ops.class;
            case "i16x8" -> I16x8Ops.class;
            case "i32x4" -> I32x4Ops.class;
            case "i64x2" -> I64x2Ops.class;
            case "f32x4" -> F32x4Ops.class;
            case "f64x2" -> F64x2Ops.class;
            default -> null;
        };
    }

    /**
     * The helper method's name for a mnemonic: the camel-cased mnemonic for conversions, else the
     * camel-cased part after the type prefix.
     */
    static String methodName(String mnemonic) {
        String words = CONVERSION.matcher(mnemonic).matches()
                ? mnemonic
                : mnemonic.substring(mnemonic.indexOf('.') + 1);
        StringBuilder sb = new StringBuilder(words.length());
        boolean upper = false;
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (c == '.' || c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** Whether helpers can take this immediate shape as trailing parameters. */
    private static boolean hasImmediateParams(Imm imm) {
        return imm == Imm.NONE || imm == Imm.LANE || imm == Imm.SHUFFLE;
    }

    private static Method findMethod(Class<?> owner, String name, Op op, ValType result) {
        List<ValType> params = op.params();
        List<Class<?>> types = new ArrayList<>();
        for (ValType p : params) {
            Class<?> t = javaType(p);
            if (t == null) {
                return null;
            }
            types.add(t);
        }
        if (op.imm() == Imm.LANE) {
            types.add(int.class);
        } else if (op.imm() == Imm.SHUFFLE) {
            types.add(long.class);
            types.add(long.class);
        }
        Method m;
        try {
            m = owner.getMethod(name, types.toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            return null;
        }
        boolean fits = Modifier.isStatic(m.getModifiers()) && m.getReturnType() == javaType(result);
        return fits ? m : null;
    }

    private static Class<?> javaType(ValType t) {
        if (t == ValType.I32) {
            return int.class;
        } else if (t == ValType.I64) {
            return long.class;
        } else if (t == ValType.F32) {
            return float.class;
        } else if (t == ValType.F64) {
            return double.class;
        } else if (t == ValType.V128) {
            return V128.class;
        }
        return null;
    }

    private static DirectMethodHandleDesc describe(Method m) {
        MethodTypeDesc type = MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                .describeConstable()
                .orElseThrow();
        ClassDesc owner = m.getDeclaringClass().describeConstable().orElseThrow();
        return MethodHandleDesc.ofMethod(DirectMethodHandleDesc.Kind.STATIC, owner, m.getName(), type);
    }
}
