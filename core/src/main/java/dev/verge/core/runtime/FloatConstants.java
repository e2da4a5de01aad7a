package dev.verge.core.runtime;

/**
 * The float constants compiled code loads from fields instead of the constant pool. HotSpot's C2
 * folds {@code x - 0.0}, {@code x * 1.0}, {@code x / 1.0} (and their negated forms) to {@code x}
 * or {@code -x}, which Java allows but Wasm does not: the result of arithmetic on a signalling NaN
 * must be a quiet NaN. A value read from a non-final field is not a compile-time constant, so the
 * arithmetic stays. Never written; not final on purpose.
 */
final class FloatConstants {
    private FloatConstants() {}

    static float f32PlusZero = 0.0f;
    static float f32MinusZero = -0.0f;
    static float f32PlusOne = 1.0f;
    static float f32MinusOne = -1.0f;
    static double f64PlusZero = 0.0;
    static double f64MinusZero = -0.0;
    static double f64PlusOne = 1.0;
    static double f64MinusOne = -1.0;
}
