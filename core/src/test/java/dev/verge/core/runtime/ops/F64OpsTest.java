package dev.verge.core.runtime.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The f64 helpers: signed zeros, rounding edges and NaN results, compared bit for bit. */
class F64OpsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "f64.min -0x0p+0 0x0p+0 -> -0x0p+0",
        "f64.min 0x0p+0 -0x0p+0 -> -0x0p+0",
        "f64.min 0x0p+0 0x0p+0 -> 0x0p+0",
        "f64.min -0x0p+0 0x0.0000000000001p-1022 -> -0x0p+0",
        "f64.min 0x0p+0 -0x0.0000000000001p-1022 -> -0x0.0000000000001p-1022",
        "f64.min -inf 0x1p+0 -> -inf",
        "f64.min inf 0x1.fffffffffffffp+1023 -> 0x1.fffffffffffffp+1023",
        "f64.min 0x1p+0 nan -> nan:canonical",
        "f64.min -nan 0x1p+0 -> nan:canonical",
        "f64.min nan:0x4000000000000 0x1p+0 -> nan:arithmetic",
        "f64.min 0x1p+0 -nan:0x4000000000000 -> nan:arithmetic",
        "f64.min nan nan:0x4000000000000 -> nan:arithmetic",
        "f64.min -inf nan:0x1 -> nan:arithmetic",
        "f64.max -0x0p+0 0x0p+0 -> 0x0p+0",
        "f64.max 0x0p+0 -0x0p+0 -> 0x0p+0",
        "f64.max -0x0p+0 -0x0p+0 -> -0x0p+0",
        "f64.max inf -0x1p+0 -> inf",
        "f64.max -inf -0x1.fffffffffffffp+1023 -> -0x1.fffffffffffffp+1023",
        "f64.max 0x1p+0 nan -> nan:canonical",
        "f64.max -nan -inf -> nan:canonical",
        "f64.max nan:0x4000000000000 inf -> nan:arithmetic",
        "f64.max -nan:0x1 nan -> nan:arithmetic",
    })
    void minAndMaxOrderZerosAndPropagateNaN(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f64.abs -nan:0x0f1e27a6b -> nan:0x0f1e27a6b",
        "f64.abs nan:0x4000000000000 -> nan:0x4000000000000",
        "f64.abs -nan:0x1 -> nan:0x1",
        "f64.abs -0x0p+0 -> 0x0p+0",
        "f64.abs -inf -> inf",
        "f64.neg nan:0x0f1e27a6b -> -nan:0x0f1e27a6b",
        "f64.neg -nan:0x4000000000000 -> nan:0x4000000000000",
        "f64.neg nan -> -nan",
        "f64.neg 0x0p+0 -> -0x0p+0",
        "f64.copysign nan:0x0f1e27a6b -nan -> -nan:0x0f1e27a6b",
        "f64.copysign -nan:0x0f1e27a6b nan -> nan:0x0f1e27a6b",
        "f64.copysign -nan:0x1 nan:0x1 -> nan:0x1",
        "f64.copysign 0x1p+0 -0x0p+0 -> -0x1p+0",
        "f64.copysign -0x1p+0 0x0p+0 -> 0x1p+0",
        "f64.copysign inf -nan -> -inf",
    })
    void signOperationsKeepNaNPayloads(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f64.ceil -0x1p-1 -> -0x0p+0",
        "f64.ceil -0x0.0000000000001p-1022 -> -0x0p+0",
        "f64.ceil 0x0.0000000000001p-1022 -> 0x1p+0",
        "f64.ceil 0x1.fffffffffffffp-1 -> 0x1p+0",
        "f64.ceil 0x1.0000000000001p+0 -> 0x1p+1",
        "f64.ceil 0x1.fffffffffffffp+51 -> 0x1p+52",
        "f64.ceil -0x1.fffffffffffffp+51 -> -0x1.ffffffffffffep+51",
        "f64.ceil 0x1.fffffffffffffp+52 -> 0x1.fffffffffffffp+52",
        "f64.ceil nan -> nan:canonical",
        "f64.ceil -nan:0x4000000000000 -> nan:arithmetic",
        "f64.floor 0x1p-1 -> 0x0p+0",
        "f64.floor -0x0.0000000000001p-1022 -> -0x1p+0",
        "f64.floor -0x0p+0 -> -0x0p+0",
        "f64.floor -0x1.0000000000001p+0 -> -0x1p+1",
        "f64.floor -0x1.fffffffffffffp+51 -> -0x1p+52",
        "f64.floor 0x1.fffffffffffffp+51 -> 0x1.ffffffffffffep+51",
        "f64.floor -nan -> nan:canonical",
        "f64.floor nan:0x4000000000000 -> nan:arithmetic",
        "f64.trunc -0x1p-1 -> -0x0p+0",
        "f64.trunc 0x1p-1 -> 0x0p+0",
        "f64.trunc -0x1.921fb54442d18p+2 -> -0x1.8p+2",
        "f64.trunc -0x1.fffffffffffffp+51 -> -0x1.ffffffffffffep+51",
        "f64.trunc 0x1.fffffffffffffp+51 -> 0x1.ffffffffffffep+51",
        "f64.trunc -inf -> -inf",
        "f64.trunc nan -> nan:canonical",
        "f64.trunc -nan:0x1 -> nan:arithmetic",
    })
    void directedRoundingKeepsTheSignOfZero(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f64.nearest 0x1p-1 -> 0x0p+0",
        "f64.nearest -0x1p-1 -> -0x0p+0",
        "f64.nearest -0x0.0000000000001p-1022 -> -0x0p+0",
        "f64.nearest 0x1.fffffffffffffp-2 -> 0x0p+0",
        "f64.nearest 2.5 -> 2.0",
        "f64.nearest -2.5 -> -2.0",
        "f64.nearest -3.5 -> -4.0",
        "f64.nearest 0x1.0000000000001p+52 -> 0x1.0000000000001p+52",
        "f64.nearest 0x1.fffffffffffffp+51 -> 0x1p+52",
        "f64.nearest -0x1.fffffffffffffp+51 -> -0x1p+52",
        "f64.nearest 0x1.fffffffffffffp+105 -> 0x1.fffffffffffffp+105",
        "f64.nearest -inf -> -inf",
        "f64.nearest -nan -> nan:canonical",
        "f64.nearest nan:0x4000000000000 -> nan:arithmetic",
    })
    void nearestRoundsTiesToEven(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f64.sqrt -0x0p+0 -> -0x0p+0",
        "f64.sqrt 0x1.921fb54442d18p+2 -> 0x1.40d931ff62705p+1",
        "f64.sqrt 0x1.fffffffffffffp+1023 -> 0x1.fffffffffffffp+511",
        "f64.sqrt 0x1.0000000000001p+0 -> 0x1p+0",
        "f64.sqrt 0x1.0000000000002p+0 -> 0x1.0000000000001p+0",
        "f64.sqrt 0x1.ffffffffffffep-1 -> 0x1.fffffffffffffp-1",
        "f64.sqrt 0x1.56p+7 -> 0x1.a2744ce9674f5p+3",
        "f64.sqrt inf -> inf",
        "f64.sqrt -0x0.0000000000001p-1022 -> nan:canonical",
        "f64.sqrt -0x1.360e8d0032adp-963 -> nan:canonical",
        "f64.sqrt -inf -> nan:canonical",
        "f64.sqrt nan -> nan:canonical",
        "f64.sqrt nan:0x4000000000000 -> nan:arithmetic",
        "f64.sqrt -nan:0x1 -> nan:arithmetic",
    })
    void sqrtIsCorrectlyRounded(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f64.eq -0x0p+0 0x0p+0 -> 1",
        "f64.eq nan nan -> 0",
        "f64.ne nan nan -> 1",
        "f64.lt nan 0x1p+0 -> 0",
        "f64.lt -inf inf -> 1",
        "f64.gt 0x1p+0 -nan -> 0",
        "f64.le -0x0p+0 0x0p+0 -> 1",
        "f64.ge inf nan:0x1 -> 0",
    })
    void comparisonsAreFalseForNaNExceptNe(String line) {
        Cases.check(line);
    }
}
