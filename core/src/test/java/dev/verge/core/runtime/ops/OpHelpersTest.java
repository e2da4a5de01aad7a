package dev.verge.core.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.invoke.MethodHandles;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The instruction-to-helper table the compiler reads. */
class OpHelpersTest {
    /** Numeric instructions that are one JVM bytecode with exactly Wasm's semantics. */
    private static final Set<Op> PLAIN_BYTECODE = EnumSet.of(
            Op.I32_ADD, Op.I32_SUB, Op.I32_MUL, Op.I32_AND, Op.I32_OR, Op.I32_XOR,
            Op.I32_SHL, Op.I32_SHR_S, Op.I32_SHR_U,
            Op.I64_ADD, Op.I64_SUB, Op.I64_MUL, Op.I64_AND, Op.I64_OR, Op.I64_XOR,
            Op.F32_ADD, Op.F32_SUB, Op.F32_MUL, Op.F32_DIV,
            Op.F64_ADD, Op.F64_SUB, Op.F64_MUL, Op.F64_DIV);

    @Test
    void everyOtherNumericInstructionHasAHelper() {
        for (Op op : Op.values()) {
            if (!isNumeric(op)) {
                continue;
            }
            if (PLAIN_BYTECODE.contains(op)) {
                assertNull(OpHelpers.of(op), op.mnemonic() + " is plain bytecode");
            } else {
                assertNotNull(OpHelpers.of(op), "no helper for " + op.mnemonic());
            }
        }
    }

    @Test
    void nonNumericInstructionsHaveNone() {
        for (Op op : Op.values()) {
            if (!isNumeric(op)) {
                assertNull(OpHelpers.of(op), op.mnemonic());
            }
        }
    }

    @Test
    void helperTypesAreTheInstructionTypes() throws ReflectiveOperationException {
        for (var entry : OpHelpers.all().entrySet()) {
            Op op = entry.getKey();
            DirectMethodHandleDesc desc = entry.getValue();
            assertEquals(DirectMethodHandleDesc.Kind.STATIC, desc.kind());
            var type = desc.invocationType();
            assertEquals(op.params().size(), type.parameterCount(), op.mnemonic());
            for (int i = 0; i < type.parameterCount(); i++) {
                assertEquals(jvm(op.params().get(i)), type.parameterType(i), op.mnemonic());
            }
            assertEquals(jvm(op.results().getFirst()), type.returnType(), op.mnemonic());
            // Public and resolvable from another class in the same loader, as generated code is.
            assertNotNull(desc.resolveConstantDesc(MethodHandles.lookup()));
        }
    }

    @Test
    void namesFollowTheMnemonic() {
        assertHelper(Op.I32_DIV_S, "I32Ops", "divS");
        assertHelper(Op.I64_EXTEND32_S, "I64Ops", "extend32S");
        assertHelper(Op.F32_COPYSIGN, "F32Ops", "copysign");
        assertHelper(Op.F64_NEAREST, "F64Ops", "nearest");
        assertHelper(Op.I64_EXTEND_I32_U, "ConvertOps", "i64ExtendI32U");
        assertHelper(Op.I64_TRUNC_SAT_F32_U, "ConvertOps", "i64TruncSatF32U");
        assertHelper(Op.F64_PROMOTE_F32, "ConvertOps", "f64PromoteF32");
        assertHelper(Op.I32_REINTERPRET_F32, "ConvertOps", "i32ReinterpretF32");
    }

    private static void assertHelper(Op op, String owner, String name) {
        DirectMethodHandleDesc desc = OpHelpers.of(op);
        assertEquals(ClassDesc.of("dev.verge.core.runtime.ops", owner), desc.owner());
        assertEquals(name, desc.methodName());
    }

    /** Numeric: a fixed-signature instruction on number types that is not a constant, load or store. */
    private static boolean isNumeric(Op op) {
        String m = op.mnemonic();
        boolean typed = m.startsWith("i32.") || m.startsWith("i64.") || m.startsWith("f32.") || m.startsWith("f64.");
        return typed && op.hasFixedSignature() && op.accessBytes() == 0 && !m.endsWith(".const");
    }

    private static ClassDesc jvm(ValType t) {
        if (t == ValType.I32) {
            return ConstantDescs.CD_int;
        } else if (t == ValType.I64) {
            return ConstantDescs.CD_long;
        } else if (t == ValType.F32) {
            return ConstantDescs.CD_float;
        }
        assertTrue(t == ValType.F64, t.text());
        return ConstantDescs.CD_double;
    }
}
