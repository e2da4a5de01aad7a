package dev.verge.core.compile;

import dev.verge.core.instr.Op;
import dev.verge.core.runtime.ops.OpHelpers;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.DirectMethodHandleDesc;

/**
 * Emits the numeric instructions (fixed signature, no immediates). Those whose JVM bytecode has
 * exactly the Wasm semantics become that bytecode; every other one is an {@code invokestatic} of
 * its helper from {@link OpHelpers}, where the semantics are written once.
 */
final class NumericEmitter {
    private NumericEmitter() {}

    /** Whether {@code op} is emitted here. */
    static boolean handles(Op op) {
        return op.hasFixedSignature() && op.imm() == dev.verge.core.instr.Imm.NONE && op != Op.NOP
                && (inline(op) || OpHelpers.of(op) != null);
    }

    static void emit(CodeBuilder cb, Op op) {
        if (emitInline(cb, op)) {
            return;
        }
        DirectMethodHandleDesc h = OpHelpers.of(op);
        if (h == null) {
            throw new IllegalStateException("no emitter for " + op.mnemonic());
        }
        cb.invokestatic(h.owner(), h.methodName(), h.invocationType());
    }

    private static boolean inline(Op op) {
        return switch (op) {
            case I32_ADD, I32_SUB, I32_MUL, I32_AND, I32_OR, I32_XOR, I32_SHL, I32_SHR_S, I32_SHR_U,
                    I64_ADD, I64_SUB, I64_MUL, I64_AND, I64_OR, I64_XOR, I64_SHL, I64_SHR_S, I64_SHR_U,
                    F32_ADD, F32_SUB, F32_MUL, F32_DIV, F64_ADD, F64_SUB, F64_MUL, F64_DIV,
                    I32_WRAP_I64, I64_EXTEND_I32_S, I64_EXTEND_I32_U,
                    F32_CONVERT_I32_S, F32_CONVERT_I64_S, F64_CONVERT_I32_S, F64_CONVERT_I64_S,
                    I32_TRUNC_SAT_F32_S, I32_TRUNC_SAT_F64_S, I64_TRUNC_SAT_F32_S, I64_TRUNC_SAT_F64_S -> true;
            default -> false;
        };
    }

    private static boolean emitInline(CodeBuilder cb, Op op) {
        switch (op) {
            case I32_ADD -> cb.iadd();
            case I32_SUB -> cb.isub();
            case I32_MUL -> cb.imul();
            case I32_AND -> cb.iand();
            case I32_OR -> cb.ior();
            case I32_XOR -> cb.ixor();
            // The JVM masks shift counts to 5 (int) or 6 (long) bits, as Wasm does.
            case I32_SHL -> cb.ishl();
            case I32_SHR_S -> cb.ishr();
            case I32_SHR_U -> cb.iushr();
            case I64_ADD -> cb.ladd();
            case I64_SUB -> cb.lsub();
            case I64_MUL -> cb.lmul();
            case I64_AND -> cb.land();
            case I64_OR -> cb.lor();
            case I64_XOR -> cb.lxor();
            case I64_SHL -> cb.l2i().lshl();
            case I64_SHR_S -> cb.l2i().lshr();
            case I64_SHR_U -> cb.l2i().lushr();
            // IEEE 754 arithmetic, round to nearest; NaN results are quiet NaNs, which Wasm allows.
            case F32_ADD -> cb.fadd();
            case F32_SUB -> cb.fsub();
            case F32_MUL -> cb.fmul();
            case F32_DIV -> cb.fdiv();
            case F64_ADD -> cb.dadd();
            case F64_SUB -> cb.dsub();
            case F64_MUL -> cb.dmul();
            case F64_DIV -> cb.ddiv();
            case I32_WRAP_I64 -> cb.l2i();
            case I64_EXTEND_I32_S -> cb.i2l();
            case I64_EXTEND_I32_U -> cb.i2l().loadConstant(0xFFFFFFFFL).land();
            case F32_CONVERT_I32_S -> cb.i2f();
            case F32_CONVERT_I64_S -> cb.l2f();
            case F64_CONVERT_I32_S -> cb.i2d();
            case F64_CONVERT_I64_S -> cb.l2d();
            // The JVM's float-to-int conversions saturate and map NaN to 0: Wasm's trunc_sat_s.
            case I32_TRUNC_SAT_F32_S -> cb.f2i();
            case I32_TRUNC_SAT_F64_S -> cb.d2i();
            case I64_TRUNC_SAT_F32_S -> cb.f2l();
            case I64_TRUNC_SAT_F64_S -> cb.d2l();
            default -> {
                return false;
            }
        }
        return true;
    }
}
