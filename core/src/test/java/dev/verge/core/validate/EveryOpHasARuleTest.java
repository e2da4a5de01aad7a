package dev.verge.core.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Op;
import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table-driven: every instruction in {@link Op} reaches a validation rule (the generic one for a
 * fixed signature, or a special one). A new Op without a rule fails here, not in a user's module.
 */
class EveryOpHasARuleTest {
    /** A module where every index immediate 0 is valid. */
    private static ValidModule richModule() {
        return TestModule.module()
                .func(List.of(ValType.I32), List.of(), List.of(ValType.I32))
                .table(IndexRulesTest.FUNCS)
                .memory(IndexRulesTest.MEMORY)
                .global(new Global(new GlobalType(ValType.I32, true), TestModule.expr(0x41, 0)))
                .element(new ElementSegment(ValType.FUNCREF, SegmentMode.PASSIVE, List.of(), List.of(), true))
                .data(new DataSegment(SegmentMode.PASSIVE, Bytes.EMPTY))
                .export(new Export("f", ExternKind.FUNC, 0))
                .validate();
    }

    @Test
    void everyOpIsCheckedByARule() {
        ValidModule m = richModule();
        for (Op op : Op.values()) {
            FunctionValidator v = new FunctionValidator(m);
            v.beginFunction(0, m.module().codes().get(0).locals());
            // Dead code: every operand is unknown, so only the immediates and the rule matter.
            if (op == Op.ELSE) {
                v.i32Const(0);
                v.block(Op.IF, BlockType.EMPTY);
            }
            v.op(Op.UNREACHABLE);
            try {
                visit(v, op);
            } catch (IllegalStateException e) {
                fail(op + ": " + e.getMessage());
            } catch (InvalidModuleException e) {
                fail(op + " rejected in dead code: " + e.getMessage());
            }
        }
    }

    @Test
    void fixedSignaturesAreTheNormAndSpecialRulesTheException() {
        long special = java.util.Arrays.stream(Op.values()).filter(op -> !op.hasFixedSignature()).count();
        assertTrue(special < 40, "special rules: " + special);
    }

    private static void visit(FunctionValidator v, Op op) {
        switch (op.imm()) {
            case NONE -> v.op(op);
            case BLOCK -> v.block(op, BlockType.EMPTY);
            case LABEL -> v.branch(op, 0);
            case BR_TABLE -> v.brTable(new int[] {0}, 0);
            case FUNC, LOCAL, GLOBAL, TABLE, MEMORY, ELEM, DATA -> v.index(op, 0);
            case TYPE_TABLE, DATA_MEMORY, MEMORY_MEMORY, ELEM_TABLE, TABLE_TABLE -> v.index2(op, 0, 0);
            case MEMARG -> v.memory(op, 0, 0, 0);
            case MEMARG_LANE -> v.memoryLane(op, 0, 0, 0, 0);
            case LANE -> v.lane(op, 0);
            case SHUFFLE -> v.shuffle(new byte[16]);
            case I32 -> v.i32Const(0);
            case I64 -> v.i64Const(0);
            case F32 -> v.f32Const(0);
            case F64 -> v.f64Const(0);
            case V128 -> v.v128Const(0, 0);
            case SELECT_TYPES -> v.selectTyped(List.of(ValType.I32));
            case HEAP_TYPE -> v.refNull(AbsHeapType.FUNC);
        }
    }
}
