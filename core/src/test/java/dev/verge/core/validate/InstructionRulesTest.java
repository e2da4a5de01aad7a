package dev.verge.core.validate;

import static dev.verge.core.validate.ValidationAssertions.I32;
import static dev.verge.core.validate.ValidationAssertions.I64;
import static dev.verge.core.validate.ValidationAssertions.NO;
import static dev.verge.core.validate.ValidationAssertions.assertInvalid;
import static dev.verge.core.validate.ValidationAssertions.assertValid;
import static dev.verge.core.validate.ValidationAssertions.invalidBody;
import static dev.verge.core.validate.ValidationAssertions.validBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numeric, parametric and control instructions: one valid and one invalid body per rule. */
class InstructionRulesTest {
    @Test
    void fixedSignatureChecksOperandTypes() {
        validBody(I32, 0x41, 1, 0x41, 2, 0x6A); // i32.const 1 i32.const 2 i32.add
        invalidBody("type mismatch", I32, 0x41, 1, 0x42, 2, 0x6A); // i32.add on i32 i64
    }

    @Test
    void operandsCannotComeFromOutsideTheFrame() {
        invalidBody("type mismatch", I32, 0x41, 1, 0x6A); // i32.add with one operand
        // block ... end cannot reach the i32 pushed before it
        invalidBody("type mismatch", I32, 0x41, 1, 0x02, 0x7F, 0x45, 0x0B); // i32.const 1 block (result i32) i32.eqz end
    }

    @Test
    void functionEndRequiresExactlyTheResults() {
        validBody(I64, 0x42, 0);
        invalidBody("type mismatch", I64, 0x41, 0); // i32 for an i64 result
        invalidBody("type mismatch", NO, 0x41, 0); // a leftover value
        invalidBody("type mismatch", I32); // nothing
    }

    @Test
    void errorsSayWhereTheyAre() {
        InvalidModuleException e = invalidBody("type mismatch", I32, 0x41, 1, 0x42, 2, 0x6A);
        assertEquals(0, e.functionIndex());
        assertEquals(4, e.offset()); // the i32.add
    }

    @Test
    void unreachableMakesTheStackPolymorphic() {
        validBody(I32, 0x00, 0x6A); // unreachable i32.add
        validBody(I64, 0x00); // unreachable alone satisfies any result
        invalidBody("type mismatch", I32, 0x00, 0x42, 0, 0x6A); // unreachable i64.const 0 i32.add
        invalidBody("type mismatch", NO, 0x00, 0x41, 0); // a known leftover after unreachable
    }

    @Test
    void returnAndBranchesAlsoEndReachability() {
        validBody(I32, 0x41, 1, 0x0F, 0x6A); // i32.const 1 return i32.add
        validBody(I32, 0x41, 1, 0x0C, 0, 0x42, 0, 0x7A, 0x1A); // br 0 then dead i64 code
        invalidBody("type mismatch", I32, 0x0F); // return without the result
    }

    @Test
    void blockResultsAreChecked() {
        validBody(I32, 0x02, 0x7F, 0x41, 1, 0x0B); // block (result i32) i32.const 1 end
        invalidBody("type mismatch", I32, 0x02, 0x7F, 0x0B); // block (result i32) end
        invalidBody("type mismatch", I32, 0x02, 0x7F, 0x42, 1, 0x0B); // block (result i32) i64.const 1 end
    }

    @Test
    void typeIndexBlocksTakeParameters() {
        // type 1 = [i32] -> [i32]: i32.const 1 block (type 1) i32.const 1 i32.add end
        assertValid(TestModule.module().func(I32, 0x41, 1, 0x02, 1, 0x41, 1, 0x6A, 0x0B).type(I32, I32));
        assertInvalid("type mismatch", TestModule.module().func(I32, 0x02, 1, 0x0B).type(I32, I32));
        assertInvalid("unknown type", TestModule.module().func(I32, 0x02, 5, 0x0B));
    }

    @Test
    void aBranchToALoopCarriesItsParameters() {
        // type 1 = [i32] -> []: i32.const 0 loop (type 1) br 0 end
        assertValid(TestModule.module().func(NO, 0x41, 0, 0x03, 1, 0x0C, 0, 0x0B).type(I32, NO));
        // i32.const 0 loop (type 1) i64.const 0 br 0 end: the branch must carry an i32
        assertInvalid("type mismatch", TestModule.module().func(NO, 0x41, 0, 0x03, 1, 0x42, 0, 0x0C, 0, 0x0B).type(I32, NO));
        // a branch to a loop with a result carries nothing; to a block it carries the result
        validBody(I32, 0x03, 0x7F, 0x0C, 0, 0x0B);
        invalidBody("type mismatch", I32, 0x02, 0x7F, 0x0C, 0, 0x0B);
    }

    @Test
    void branchesCheckTheLabelsTypes() {
        validBody(I32, 0x02, 0x7F, 0x41, 1, 0x0C, 0, 0x0B); // block (result i32) i32.const 1 br 0 end
        invalidBody("type mismatch", I32, 0x02, 0x7F, 0x42, 1, 0x0C, 0, 0x0B);
        invalidBody("unknown label", NO, 0x0C, 1);
        // br_if keeps the values: block (result i32) i32.const 1 i32.const 0 br_if 0 end
        validBody(I32, 0x02, 0x7F, 0x41, 1, 0x41, 0, 0x0D, 0, 0x0B);
        invalidBody("type mismatch", I32, 0x02, 0x7F, 0x41, 1, 0x42, 0, 0x0D, 0, 0x0B); // i64 condition
    }

    @Test
    void brTableTargetsMustAgree() {
        // block (result i32) block i32.const 0 i32.const 0 br_table 0 1 end end : arities 0 and 1
        invalidBody("type mismatch", I32, 0x02, 0x7F, 0x02, 0x40, 0x41, 0, 0x41, 0, 0x0E, 1, 0, 1, 0x0B, 0x0B);
        // block (result i32) i32.const 7 i32.const 0 br_table 0 0 end
        validBody(I32, 0x02, 0x7F, 0x41, 7, 0x41, 0, 0x0E, 1, 0, 0, 0x0B);
        invalidBody("unknown label", NO, 0x41, 0, 0x0E, 1, 3, 0);
        // in dead code an unknown operand satisfies targets of different types:
        // block (result i64) block (result i32) unreachable br_table 0 1 end drop unreachable end
        // but in live code the i32 operand does not suit the i64 target
        invalidBody("type mismatch", I64, 0x02, 0x7E, 0x02, 0x7F, 0x41, 0, 0x41, 0, 0x0E, 1, 0, 1, 0x0B, 0x1A, 0x00, 0x0B);
        validBody(I64, 0x02, 0x7E, 0x02, 0x7F, 0x00, 0x0E, 1, 0, 1, 0x0B, 0x1A, 0x00, 0x0B);
    }

    @Test
    void ifWithoutElseMustNotChangeTheTypes() {
        validBody(NO, 0x41, 1, 0x04, 0x40, 0x0B); // if end
        invalidBody("type mismatch", I32, 0x41, 1, 0x04, 0x7F, 0x41, 1, 0x0B); // if (result i32) without else
        validBody(I32, 0x41, 1, 0x04, 0x7F, 0x41, 1, 0x05, 0x41, 2, 0x0B);
        invalidBody("type mismatch", I32, 0x41, 1, 0x04, 0x7F, 0x41, 1, 0x05, 0x0B); // empty else
        invalidBody("type mismatch", I32, 0x42, 1, 0x04, 0x7F, 0x41, 1, 0x05, 0x41, 2, 0x0B); // i64 condition
        // type 1 = [i32] -> [i32]: an if with params and no else passes them through
        assertValid(TestModule.module().func(I32, 0x41, 5, 0x41, 1, 0x04, 1, 0x0B).type(I32, I32));
    }

    @Test
    void dropAndSelect() {
        validBody(NO, 0x41, 1, 0x1A);
        invalidBody("type mismatch", NO, 0x1A);
        validBody(I64, 0x42, 1, 0x42, 2, 0x41, 0, 0x1B); // select on i64
        invalidBody("type mismatch", I64, 0x42, 1, 0x41, 2, 0x41, 0, 0x1B); // operands differ
        // select on funcref needs the typed form: ref.null func ref.null func i32.const 0 select
        invalidBody("type mismatch", List.of(ValType.FUNCREF), 0xD0, 0x70, 0xD0, 0x70, 0x41, 0, 0x1B);
        validBody(List.of(ValType.FUNCREF), 0xD0, 0x70, 0xD0, 0x70, 0x41, 0, 0x1C, 1, 0x70);
        invalidBody("invalid result arity", NO, 0x41, 0, 0x1C, 0);
        invalidBody("invalid result arity", NO, 0x41, 0, 0x1C, 2, 0x7F, 0x7F);
        validBody(I32, 0x00, 0x1B); // unreachable select: unknown operands
        invalidBody("type mismatch", I32, 0x00, 0xD0, 0x70, 0x41, 0, 0x1B); // an unknown with a funcref
    }

    @Test
    void locals() {
        assertValid(TestModule.module().func(I32, I64, List.of(ValType.F32), 0x20, 0, 0x1A, 0x20, 1, 0x1A, 0x42, 0));
        assertInvalid("unknown local 2", TestModule.module().func(I32, NO, List.of(ValType.F32), 0x20, 2, 0x1A));
        assertInvalid("type mismatch", TestModule.module().func(I32, NO, NO, 0x42, 0, 0x21, 0)); // local.set i64 to i32
        assertValid(TestModule.module().func(I32, I32, NO, 0x41, 0, 0x22, 0)); // local.tee
    }

    @Test
    void refIsNullNeedsAReference() {
        validBody(I32, 0xD0, 0x6F, 0xD1);
        invalidBody("type mismatch", I32, 0x41, 0, 0xD1);
        validBody(I32, 0x00, 0xD1);
    }

    @Test
    void numericSignaturesFromTheTableCoverPrefixedInstructions() {
        validBody(I32, 0x43, 0, 0, 0, 0, 0xFC, 0x00); // i32.trunc_sat_f32_s
        invalidBody("type mismatch", I32, 0x41, 0, 0xFC, 0x00);
    }
}
