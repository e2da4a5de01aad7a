package dev.verge.core.validate;

import static dev.verge.core.validate.ValidationAssertions.I32;
import static dev.verge.core.validate.ValidationAssertions.NO;
import static dev.verge.core.validate.ValidationAssertions.assertInvalid;
import static dev.verge.core.validate.ValidationAssertions.assertValid;
import static dev.verge.core.validate.ValidationAssertions.invalidBody;
import static dev.verge.core.validate.ValidationAssertions.validBody;

import dev.verge.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vector instructions: lane indices, alignment, and the generic rule over v128. */
class SimdRulesTest {
    private static final List<ValType> V128 = List.of(ValType.V128);

    /** v128.const 0 as bytes. */
    private static int[] zero(int... then) {
        int[] out = new int[18 + then.length];
        out[0] = 0xFD;
        out[1] = 0x0C;
        System.arraycopy(then, 0, out, 18, then.length);
        return out;
    }

    @Test
    void extractLaneIndexIsBelowTheLaneCount() {
        validBody(I32, zero(0xFD, 0x15, 15)); // i8x16.extract_lane_s 15
        invalidBody("invalid lane index", I32, zero(0xFD, 0x15, 16));
        validBody(List.of(ValType.I64), zero(0xFD, 0x1D, 1)); // i64x2.extract_lane 1
        invalidBody("invalid lane index", List.of(ValType.I64), zero(0xFD, 0x1D, 2));
    }

    @Test
    void shuffleLanesAreBelow32() {
        int[] body = new int[18 + 18 + 18];
        System.arraycopy(zero(), 0, body, 0, 18);
        System.arraycopy(zero(), 0, body, 18, 18);
        body[36] = 0xFD;
        body[37] = 0x0D;
        body[38 + 15] = 31;
        validBody(V128, body);
        body[38 + 15] = 32;
        invalidBody("invalid lane index", V128, body);
    }

    @Test
    void laneLoadsCheckAlignmentAndLane() {
        // i32.const 0 v128.const 0 v128.load32_lane align=2 offset=0 lane=3
        int[] ok = new int[] {0x41, 0};
        assertValid(TestModule.module().func(V128, concat(ok, zero(0xFD, 0x56, 2, 0, 3))).memory(IndexRulesTest.MEMORY));
        assertInvalid("invalid lane index", TestModule.module().func(V128, concat(ok, zero(0xFD, 0x56, 2, 0, 4)))
                .memory(IndexRulesTest.MEMORY));
        assertInvalid("alignment must not be larger than natural",
                TestModule.module().func(V128, concat(ok, zero(0xFD, 0x56, 3, 0, 0))).memory(IndexRulesTest.MEMORY));
    }

    @Test
    void vectorLoads() {
        assertValid(TestModule.module().func(V128, 0x41, 0, 0xFD, 0x00, 4, 0).memory(IndexRulesTest.MEMORY));
        assertInvalid("alignment must not be larger than natural",
                TestModule.module().func(V128, 0x41, 0, 0xFD, 0x00, 5, 0).memory(IndexRulesTest.MEMORY));
        // v128.load8x8_s reads 8 bytes: align 3 is natural
        assertValid(TestModule.module().func(V128, 0x41, 0, 0xFD, 0x01, 3, 0).memory(IndexRulesTest.MEMORY));
        assertInvalid("alignment must not be larger than natural",
                TestModule.module().func(V128, 0x41, 0, 0xFD, 0x01, 4, 0).memory(IndexRulesTest.MEMORY));
        invalidBody("unknown memory 0", V128, 0x41, 0, 0xFD, 0x00, 4, 0);
    }

    @Test
    void vectorArithmeticUsesTheTable() {
        validBody(V128, zero(0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFD, 0x6E)); // i8x16.add
        invalidBody("type mismatch", V128, zero(0x41, 0, 0xFD, 0x6E));
        invalidBody("type mismatch", NO, zero());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
