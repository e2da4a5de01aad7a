package dev.verge.core.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.V128;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
            List<ClassDesc> expected = new ArrayList<>();
            op.params().forEach(t -> expected.add(jvm(t)));
            if (op.imm() == Imm.LANE) {
                expected.add(ConstantDescs.CD_int);
            } else if (op.imm() == Imm.SHUFFLE) {
                expected.add(ConstantDescs.CD_long);
                expected.add(ConstantDescs.CD_long);
            }
            assertEquals(expected, type.parameterList(), op.mnemonic());
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
        assertHelper(Op.byMnemonic("i16x8.extmul_low_i8x16_s"), "I16x8Ops", "extmulLowI8x16S");
        assertHelper(Op.byMnemonic("i32x4.trunc_sat_f64x2_u_zero"), "I32x4Ops", "truncSatF64x2UZero");
        assertHelper(Op.byMnemonic("v128.bitselect"), "V128Ops", "bitselect");
        assertHelper(Op.byMnemonic("i8x16.shuffle"), "I8x16Ops", "shuffle");
        assertHelper(Op.byMnemonic("f64x2.extract_lane"), "F64x2Ops", "extractLane");
    }

    private static void assertHelper(Op op, String owner, String name) {
        DirectMethodHandleDesc desc = OpHelpers.of(op);
        assertEquals(ClassDesc.of("dev.verge.core.runtime.ops", owner), desc.owner());
        assertEquals(name, desc.methodName());
    }

    /**
     * Numeric: a fixed-signature instruction on number or vector types that is not a constant,
     * load or store (those belong to the memory code).
     */
    private static boolean isNumeric(Op op) {
        String m = op.mnemonic();
        String prefix = m.contains(".") ? m.substring(0, m.indexOf('.')) : "";
        boolean typed = Set.of("i32", "i64", "f32", "f64", "v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2")
                .contains(prefix);
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
        if (t == ValType.V128) {
            return V128.class.describeConstable().orElseThrow();
        }
        assertTrue(t == ValType.F64, t.text());
        return ConstantDescs.CD_double;
    }
}
