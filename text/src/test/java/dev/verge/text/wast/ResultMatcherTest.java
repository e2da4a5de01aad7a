package dev.verge.text.wast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMatcherTest {
    private static final ResultPattern CANONICAL32 = new ResultPattern.Nan(32, true);
    private static final ResultPattern ARITHMETIC32 = new ResultPattern.Nan(32, false);
    private static final ResultPattern CANONICAL64 = new ResultPattern.Nan(64, true);
    private static final ResultPattern ARITHMETIC64 = new ResultPattern.Nan(64, false);

    private static ResultPattern exact(WastValue v) {
        return new ResultPattern.Exact(v);
    }

    @Test
    void canonicalNanIsOnlyTheCanonicalPayloadOfEitherSign() {
        assertTrue(ResultMatcher.matches(CANONICAL32, new WastValue.F32(0x7FC0_0000)));
        assertTrue(ResultMatcher.matches(CANONICAL32, new WastValue.F32(0xFFC0_0000)));
        assertFalse(ResultMatcher.matches(CANONICAL32, new WastValue.F32(0x7FC0_0001)));
        assertFalse(ResultMatcher.matches(CANONICAL32, new WastValue.F32(0x7F80_0001)));
        assertFalse(ResultMatcher.matches(CANONICAL32, new WastValue.F32(0x7F80_0000)));
        assertTrue(ResultMatcher.matches(CANONICAL64, new WastValue.F64(0xFFF8_0000_0000_0000L)));
        assertFalse(ResultMatcher.matches(CANONICAL64, new WastValue.F64(0x7FF8_0000_0000_0001L)));
    }

    @Test
    void arithmeticNanNeedsTheTopPayloadBit() {
        assertTrue(ResultMatcher.matches(ARITHMETIC32, new WastValue.F32(0x7FC0_0000)));
        assertTrue(ResultMatcher.matches(ARITHMETIC32, new WastValue.F32(0xFFC0_1234)));
        assertFalse(ResultMatcher.matches(ARITHMETIC32, new WastValue.F32(0x7FA0_0000)));
        assertTrue(ResultMatcher.matches(ARITHMETIC64, new WastValue.F64(0x7FFC_0000_0000_0000L)));
        assertFalse(ResultMatcher.matches(ARITHMETIC64, new WastValue.F64(0x7FF4_0000_0000_0000L)));
        assertFalse(ResultMatcher.matches(ARITHMETIC64, new WastValue.F32(0x7FC0_0000)));
    }

    @Test
    void zerosAreComparedBySign() {
        assertTrue(ResultMatcher.matches(exact(new WastValue.F32(0)), new WastValue.F32(0)));
        assertFalse(ResultMatcher.matches(exact(new WastValue.F32(0)), new WastValue.F32(0x8000_0000)));
        assertFalse(ResultMatcher.matches(exact(new WastValue.F64(0x8000_0000_0000_0000L)), new WastValue.F64(0)));
    }

    @Test
    void exactNanMatchesOnlyTheSameBits() {
        assertTrue(ResultMatcher.matches(exact(new WastValue.F32(0x7FA0_0000)), new WastValue.F32(0x7FA0_0000)));
        assertFalse(ResultMatcher.matches(exact(new WastValue.F32(0x7FA0_0000)), new WastValue.F32(0x7FC0_0000)));
    }

    @Test
    void typesMustAgree() {
        assertFalse(ResultMatcher.matches(exact(new WastValue.I32(1)), new WastValue.I64(1)));
        assertFalse(ResultMatcher.matches(exact(new WastValue.I32(0)), new WastValue.F32(0)));
    }

    @Test
    void vectorsAreComparedLaneByLane() {
        // f32x4 lanes: canonical NaN, 1.0, -0.0, arithmetic NaN
        var pattern = new ResultPattern.Lanes("f32x4", List.of(CANONICAL32, exact(new WastValue.F32(0x3F80_0000)),
                exact(new WastValue.F32(0x8000_0000)), ARITHMETIC32));
        long low = 0x3F80_0000_7FC0_0000L;
        assertTrue(ResultMatcher.matches(pattern, new WastValue.V128(low, 0x7FE0_0000_8000_0000L)));
        assertFalse(ResultMatcher.matches(pattern, new WastValue.V128(low, 0x7FE0_0000_0000_0000L)), "+0 in lane 2");
        assertFalse(ResultMatcher.matches(pattern, new WastValue.V128(low, 0x7F80_0001_8000_0000L)), "signalling NaN");
    }

    @Test
    void integerLanesAreComparedModuloTheirWidth() {
        var lanes = new java.util.ArrayList<ResultPattern>();
        for (int i = 0; i < 16; i++) {
            lanes.add(exact(new WastValue.I32(i == 0 ? 0xFF : 0)));
        }
        var pattern = new ResultPattern.Lanes("i8x16", lanes);
        assertTrue(ResultMatcher.matches(pattern, new WastValue.V128(0xFF, 0)));
        assertFalse(ResultMatcher.matches(pattern, new WastValue.V128(0x1FF, 0)));
        var i64 = new ResultPattern.Lanes("i64x2", List.of(exact(new WastValue.I64(-1)), exact(new WastValue.I64(2))));
        assertTrue(ResultMatcher.matches(i64, new WastValue.V128(-1, 2)));
    }

    @Test
    void referencePatterns() {
        var nul = new WastValue.RefNull("func");
        var func = new WastValue.RefOpaque("func", new Object());
        var ext = new WastValue.RefExtern(3);
        assertTrue(ResultMatcher.matches(new ResultPattern.RefKind("null"), nul));
        assertFalse(ResultMatcher.matches(new ResultPattern.RefKind("null"), func));
        assertTrue(ResultMatcher.matches(new ResultPattern.RefKind("func"), func));
        assertFalse(ResultMatcher.matches(new ResultPattern.RefKind("func"), nul));
        assertTrue(ResultMatcher.matches(new ResultPattern.RefKind("extern"), ext));
        assertTrue(ResultMatcher.matches(exact(new WastValue.RefExtern(3)), ext));
        assertFalse(ResultMatcher.matches(exact(new WastValue.RefExtern(4)), ext));
        assertTrue(ResultMatcher.matches(exact(new WastValue.RefNull("extern")), nul), "null matches null");
        assertTrue(ResultMatcher.matches(new ResultPattern.RefKind(""), func));
        assertFalse(ResultMatcher.matches(new ResultPattern.RefKind(""), nul));
    }

    @Test
    void eitherMatchesAnyAlternative() {
        var either = new ResultPattern.Either(List.of(exact(new WastValue.I32(1)), exact(new WastValue.I32(2))));
        assertTrue(ResultMatcher.matches(either, new WastValue.I32(2)));
        assertFalse(ResultMatcher.matches(either, new WastValue.I32(3)));
    }

    @Test
    void failureMessagesMatchByPrefixOrContainment() {
        assertTrue(WastRunner.messageMatches("unknown", "unknown import"));
        assertTrue(WastRunner.messageMatches("type mismatch", "type mismatch (in function 0)"));
        assertTrue(WastRunner.messageMatches("integer overflow", "trap: integer overflow"));
        assertFalse(WastRunner.messageMatches("unknown import", "unknown"));
        assertFalse(WastRunner.messageMatches("x", null));
    }
}
