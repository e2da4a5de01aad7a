package dev.verge.core.runtime.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The f32 helpers: signed zeros, rounding edges and NaN results, compared bit for bit. */
class F32OpsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "f32.min -0x0p+0 0x0p+0 -> -0x0p+0",
        "f32.min 0x0p+0 -0x0p+0 -> -0x0p+0",
        "f32.min 0x0p+0 0x0p+0 -> 0x0p+0",
        "f32.min -0x0p+0 0x1p-149 -> -0x0p+0",
        "f32.min 0x0p+0 -0x1p-149 -> -0x1p-149",
        "f32.min -inf 0x1p+0 -> -inf",
        "f32.min inf 0x1.fffffep+127 -> 0x1.fffffep+127",
        "f32.min 0x1p+0 nan -> nan:canonical",
        "f32.min -nan 0x1p+0 -> nan:canonical",
        "f32.min nan:0x200000 0x1p+0 -> nan:arithmetic",
        "f32.min 0x1p+0 -nan:0x200000 -> nan:arithmetic",
        "f32.min nan nan:0x200000 -> nan:arithmetic",
        "f32.min nan:0x200000 nan -> nan:arithmetic",
        "f32.min -inf nan:0x1 -> nan:arithmetic",
        "f32.max -0x0p+0 0x0p+0 -> 0x0p+0",
        "f32.max 0x0p+0 -0x0p+0 -> 0x0p+0",
        "f32.max -0x0p+0 -0x0p+0 -> -0x0p+0",
        "f32.max -0x0p+0 -0x1p-149 -> -0x0p+0",
        "f32.max inf -0x1p+0 -> inf",
        "f32.max -inf -0x1.fffffep+127 -> -0x1.fffffep+127",
        "f32.max 0x1p+0 nan -> nan:canonical",
        "f32.max -nan -inf -> nan:canonical",
        "f32.max nan:0x200000 inf -> nan:arithmetic",
        "f32.max inf -nan:0x200000 -> nan:arithmetic",
        "f32.max -nan:0x1 nan -> nan:arithmetic",
    })
    void minAndMaxOrderZerosAndPropagateNaN(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f32.abs -nan:0x0f1e2 -> nan:0x0f1e2",
        "f32.abs nan:0x200000 -> nan:0x200000",
        "f32.abs -nan:0x1 -> nan:0x1",
        "f32.abs -0x0p+0 -> 0x0p+0",
        "f32.abs -inf -> inf",
        "f32.abs -0x1p-149 -> 0x1p-149",
        "f32.neg nan:0x0f1e2 -> -nan:0x0f1e2",
        "f32.neg -nan:0x200000 -> nan:0x200000",
        "f32.neg nan -> -nan",
        "f32.neg 0x0p+0 -> -0x0p+0",
        "f32.neg -0x0p+0 -> 0x0p+0",
        "f32.neg inf -> -inf",
        "f32.copysign nan:0x0f1e2 -nan -> -nan:0x0f1e2",
        "f32.copysign -nan:0x0f1e2 nan -> nan:0x0f1e2",
        "f32.copysign -nan:0x200000 nan:0x1 -> nan:0x200000",
        "f32.copysign 0x1p+0 -0x0p+0 -> -0x1p+0",
        "f32.copysign -0x1p+0 0x0p+0 -> 0x1p+0",
        "f32.copysign inf -nan -> -inf",
        "f32.copysign -0x0p+0 inf -> 0x0p+0",
    })
    void signOperationsKeepNaNPayloads(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f32.ceil -0x1p-1 -> -0x0p+0",
        "f32.ceil -0x1p-149 -> -0x0p+0",
        "f32.ceil 0x1p-149 -> 0x1p+0",
        "f32.ceil -0x0p+0 -> -0x0p+0",
        "f32.ceil 0x1.fffffep-1 -> 0x1p+0",
        "f32.ceil 0x1.000002p+0 -> 0x1p+1",
        "f32.ceil 0x1.fffffep+22 -> 0x1p+23",
        "f32.ceil -0x1.fffffep+22 -> -0x1.fffffcp+22",
        "f32.ceil 0x1.fffffep+23 -> 0x1.fffffep+23",
        "f32.ceil -inf -> -inf",
        "f32.ceil nan -> nan:canonical",
        "f32.ceil -nan:0x200000 -> nan:arithmetic",
        "f32.floor 0x1p-1 -> 0x0p+0",
        "f32.floor 0x1p-149 -> 0x0p+0",
        "f32.floor -0x1p-149 -> -0x1p+0",
        "f32.floor -0x0p+0 -> -0x0p+0",
        "f32.floor -0x1.fffffep-1 -> -0x1p+0",
        "f32.floor -0x1.fffffep+22 -> -0x1p+23",
        "f32.floor 0x1.fffffep+22 -> 0x1.fffffcp+22",
        "f32.floor 88607.0 -> 88607.0",
        "f32.floor -nan -> nan:canonical",
        "f32.floor nan:0x200000 -> nan:arithmetic",
        "f32.trunc -0x1p-1 -> -0x0p+0",
        "f32.trunc 0x1p-1 -> 0x0p+0",
        "f32.trunc -0x1p-149 -> -0x0p+0",
        "f32.trunc -0x1.921fb6p+2 -> -0x1.8p+2",
        "f32.trunc 0x1.921fb6p+2 -> 0x1.8p+2",
        "f32.trunc -0x1.fffffep+22 -> -0x1.fffffcp+22",
        "f32.trunc 0x1.fffffep+127 -> 0x1.fffffep+127",
        "f32.trunc -inf -> -inf",
        "f32.trunc nan -> nan:canonical",
        "f32.trunc -nan:0x1 -> nan:arithmetic",
    })
    void directedRoundingKeepsTheSignOfZero(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f32.nearest 0x1p-1 -> 0x0p+0",
        "f32.nearest -0x1p-1 -> -0x0p+0",
        "f32.nearest -0x1p-149 -> -0x0p+0",
        "f32.nearest 0x1.fffffep-2 -> 0x0p+0",
        "f32.nearest 0x1.8p+0 -> 0x1p+1",
        "f32.nearest 2.5 -> 2.0",
        "f32.nearest -2.5 -> -2.0",
        "f32.nearest 4.5 -> 4.0",
        "f32.nearest -3.5 -> -4.0",
        "f32.nearest -0x1.921fb6p+2 -> -0x1.8p+2",
        "f32.nearest 0x1.000002p+23 -> 0x1.000002p+23",
        "f32.nearest 0x1.fffffep+22 -> 0x1p+23",
        "f32.nearest -0x1.fffffep+22 -> -0x1p+23",
        "f32.nearest 0x1.fffffep+127 -> 0x1.fffffep+127",
        "f32.nearest -inf -> -inf",
        "f32.nearest -nan -> nan:canonical",
        "f32.nearest nan:0x200000 -> nan:arithmetic",
    })
    void nearestRoundsTiesToEven(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f32.sqrt -0x0p+0 -> -0x0p+0",
        "f32.sqrt 0x0p+0 -> 0x0p+0",
        "f32.sqrt 0x1p-149 -> 0x1.6a09e6p-75",
        "f32.sqrt 0x1.fffffep+127 -> 0x1.fffffep+63",
        "f32.sqrt inf -> inf",
        "f32.sqrt 0x1.000002p+0 -> 0x1p+0",
        "f32.sqrt 0x1.000004p+0 -> 0x1.000002p+0",
        "f32.sqrt 0x1.fffffcp-1 -> 0x1.fffffep-1",
        "f32.sqrt 0x1.56p+7 -> 0x1.a2744cp+3",
        "f32.sqrt 0x1.594dfcp-23 -> 0x1.a4789cp-12",
        "f32.sqrt 0x1.26580cp+30 -> 0x1.1280d6p+15",
        "f32.sqrt -0x1p-149 -> nan:canonical",
        "f32.sqrt -0x1p+0 -> nan:canonical",
        "f32.sqrt -inf -> nan:canonical",
        "f32.sqrt -nan -> nan:canonical",
        "f32.sqrt nan:0x200000 -> nan:arithmetic",
        "f32.sqrt -nan:0x200000 -> nan:arithmetic",
    })
    void sqrtIsCorrectlyRounded(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f32.eq -0x0p+0 0x0p+0 -> 1",
        "f32.eq nan nan -> 0",
        "f32.ne nan nan -> 1",
        "f32.ne nan:0x200000 0x1p+0 -> 1",
        "f32.lt nan 0x1p+0 -> 0",
        "f32.lt -inf inf -> 1",
        "f32.gt 0x1p+0 -nan -> 0",
        "f32.gt 0x0p+0 -0x0p+0 -> 0",
        "f32.le -0x0p+0 0x0p+0 -> 1",
        "f32.le nan:0x1 inf -> 0",
        "f32.ge inf nan -> 0",
        "f32.ge 0x0p+0 -0x0p+0 -> 1",
    })
    void comparisonsAreFalseForNaNExceptNe(String line) {
        Cases.check(line);
    }
}
