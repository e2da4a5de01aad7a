package dev.verge.core.runtime.ops;

import dev.verge.core.runtime.V128;

/**
 * Test helpers that read numbers the way the spec's test scripts write them ({@code 0x1p-149},
 * {@code -nan:0x200000}, {@code inf}, {@code 0xffffffff}) and compare floats bit for bit.
 */
final class WasmValues {
    private WasmValues() {}

    static int i32(String s) {
        String t = s.replace("_", "");
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        long v = digits.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
        return (int) (negative ? -v : v);
    }

    static long i64(String s) {
        String t = s.replace("_", "");
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        long v = digits.startsWith("0x")
                ? Long.parseUnsignedLong(digits.substring(2), 16)
                : Long.parseUnsignedLong(digits);
        return negative ? -v : v;
    }

    static float f32(String s) {
        String t = s.replace("_", "");
        boolean negative = t.startsWith("-");
        String body = negative || t.startsWith("+") ? t.substring(1) : t;
        int sign = negative ? 0x8000_0000 : 0;
        if (body.equals("inf")) {
            return Float.intBitsToFloat(sign | 0x7F80_0000);
        }
        if (body.equals("nan")) {
            return Float.intBitsToFloat(sign | 0x7FC0_0000);
        }
        if (body.startsWith("nan:0x")) {
            int payload = Integer.parseUnsignedInt(body.substring(6), 16);
            return Float.intBitsToFloat(sign | 0x7F80_0000 | payload);
        }
        return Float.parseFloat(hexWithExponent(t));
    }

    static double f64(String s) {
        String t = s.replace("_", "");
        boolean negative = t.startsWith("-");
        String body = negative || t.startsWith("+") ? t.substring(1) : t;
        long sign = negative ? 0x8000_0000_0000_0000L : 0;
        if (body.equals("inf")) {
            return Double.longBitsToDouble(sign | 0x7FF0_0000_0000_0000L);
        }
        if (body.equals("nan")) {
            return Double.longBitsToDouble(sign | 0x7FF8_0000_0000_0000L);
        }
        if (body.startsWith("nan:0x")) {
            long payload = Long.parseUnsignedLong(body.substring(6), 16);
            return Double.longBitsToDouble(sign | 0x7FF0_0000_0000_0000L | payload);
        }
        return Double.parseDouble(hexWithExponent(t));
    }

    /** Java's hex float syntax needs a binary exponent; the spec's allows leaving it out. */
    private static String hexWithExponent(String t) {
        return t.contains("0x") && !t.contains("p") ? t + "p0" : t;
    }

    /**
     * A v128 written as {@code [shape lane lane ...]}, e.g. {@code [i16x8 1 2 3 4 5 6 7 -1]} or
     * {@code [f32x4 nan 1.5 -0x1p-149 inf]}; lane 0 first.
     */
    static V128 v128(String s) {
        String[] t = s.substring(1, s.length() - 1).trim().split("\\s+");
        String shape = t[0];
        int lanes = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        int width = 128 / lanes;
        if (t.length != lanes + 1) {
            throw new IllegalArgumentException("expected " + lanes + " lanes in " + s);
        }
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < lanes; i++) {
            long bits = switch (shape) {
                case "f32x4" -> Float.floatToRawIntBits(f32(t[i + 1]));
                case "f64x2" -> Double.doubleToRawLongBits(f64(t[i + 1]));
                default -> i64(t[i + 1]);
            };
            long masked = width == 64 ? bits : bits & ((1L << width) - 1);
            int shift = (i * width) % 64;
            if (i * width < 64) {
                lo |= masked << shift;
            } else {
                hi |= masked << shift;
            }
        }
        return new V128(lo, hi);
    }

    /**
     * Whether {@code actual} matches an expected v128: in a float shape lane by lane (lanes may be
     * {@code nan:canonical} or {@code nan:arithmetic}), otherwise bit for bit.
     */
    static boolean matchesV128(String expected, V128 actual) {
        String[] t = expected.substring(1, expected.length() - 1).trim().split("\\s+");
        if (t[0].equals("f32x4")) {
            for (int i = 0; i < 4; i++) {
                int bits = (int) ((i < 2 ? actual.lo() : actual.hi()) >>> (32 * (i & 1)));
                if (!matchesF32(t[i + 1], Float.intBitsToFloat(bits))) {
                    return false;
                }
            }
            return true;
        }
        if (t[0].equals("f64x2")) {
            return matchesF64(t[1], Double.longBitsToDouble(actual.lo()))
                    && matchesF64(t[2], Double.longBitsToDouble(actual.hi()));
        }
        return v128(expected).equals(actual);
    }

    /** Whether {@code bits} is an f32 canonical NaN (either sign). */
    static boolean isCanonicalNaN(float f) {
        return (Float.floatToRawIntBits(f) & 0x7FFF_FFFF) == 0x7FC0_0000;
    }

    /** Whether {@code f} is an f32 arithmetic NaN: a NaN with the quiet bit set. */
    static boolean isArithmeticNaN(float f) {
        return (Float.floatToRawIntBits(f) & 0x7FC0_0000) == 0x7FC0_0000;
    }

    static boolean isCanonicalNaN(double d) {
        return (Double.doubleToRawLongBits(d) & 0x7FFF_FFFF_FFFF_FFFFL) == 0x7FF8_0000_0000_0000L;
    }

    static boolean isArithmeticNaN(double d) {
        return (Double.doubleToRawLongBits(d) & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
    }

    /**
     * Whether {@code actual} matches an expectation written as in the spec's scripts: an exact
     * value (compared by bits, so -0 differs from +0 and NaN payloads count), {@code
     * nan:canonical} or {@code nan:arithmetic}.
     */
    static boolean matchesF32(String expected, float actual) {
        return switch (expected) {
            case "nan:canonical" -> isCanonicalNaN(actual);
            case "nan:arithmetic" -> isArithmeticNaN(actual);
            default -> Float.floatToRawIntBits(f32(expected)) == Float.floatToRawIntBits(actual);
        };
    }

    static boolean matchesF64(String expected, double actual) {
        return switch (expected) {
            case "nan:canonical" -> isCanonicalNaN(actual);
            case "nan:arithmetic" -> isArithmeticNaN(actual);
            default -> Double.doubleToRawLongBits(f64(expected)) == Double.doubleToRawLongBits(actual);
        };
    }

    /** A value shown with its bits, for failure messages. */
    static String show(Object v) {
        return switch (v) {
            case Float f -> Float.toHexString(f) + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
            case Double d -> Double.toHexString(d) + " (0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
            case Integer i -> i + " (0x" + Integer.toHexString(i) + ")";
            case Long l -> l + " (0x" + Long.toHexString(l) + ")";
            case V128 vec -> vec.toString();
            default -> String.valueOf(v);
        };
    }
}
