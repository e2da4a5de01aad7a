package dev.verge.text;

/**
 * Number literals of the text format: integers in decimal or hexadecimal with optional sign and
 * underscores, floats in decimal or hexadecimal, {@code inf}, {@code nan} and {@code nan:0x...}.
 * Floats are rounded once, directly to the target precision (round to nearest, ties to even):
 * {@code f32} literals are never double-rounded through {@code f64} (see {@link FloatRounding}).
 *
 * <p>Every method throws {@link NumberFormatException} whose message is the reference
 * interpreter's wording ("constant out of range", ...) when the literal is malformed or does not
 * fit.
 */
public final class NumberParser {
    private NumberParser() {}

    public static final String OUT_OF_RANGE = "constant out of range";

    /** An {@code i32} constant: unsigned up to 2^32-1 or signed down to -2^31, as two's complement. */
    public static int parseI32(String text) {
        return (int) parseInt(text, 32, OUT_OF_RANGE);
    }

    /** An {@code i64} constant: unsigned up to 2^64-1 or signed down to -2^63. */
    public static long parseI64(String text) {
        return parseInt(text, 64, OUT_OF_RANGE);
    }

    /**
     * An integer of {@code bits} bits (8, 16, 32 or 64) in two's complement, as a sign or an
     * unsigned magnitude allows: e.g. {@code 255} and {@code -1} are the same {@code i8}.
     */
    public static long parseInt(String text, int bits, String error) {
        boolean negative = false;
        int p = 0;
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            p = 1;
        }
        long magnitude = parseMagnitude(text, p, error);
        if (bits < 64) {
            long limit = negative ? 1L << (bits - 1) : (1L << bits) - 1;
            if (Long.compareUnsigned(magnitude, limit) > 0) {
                throw new NumberFormatException(error);
            }
        } else if (negative && Long.compareUnsigned(magnitude, Long.MIN_VALUE) > 0) {
            throw new NumberFormatException(error);
        }
        return negative ? -magnitude : magnitude;
    }

    /** An unsigned 32-bit literal without sign (an index, a limit, an offset), as an int's bits. */
    public static int parseU32(String text) {
        if (text.isEmpty() || text.charAt(0) == '+' || text.charAt(0) == '-') {
            throw new NumberFormatException("unexpected token");
        }
        long v = parseMagnitude(text, 0, "i32 constant out of range");
        if (Long.compareUnsigned(v, 0xFFFFFFFFL) > 0) {
            throw new NumberFormatException("i32 constant out of range");
        }
        return (int) v;
    }

    /** An unsigned 64-bit literal without sign (memory64 offsets and limits). */
    public static long parseU64(String text) {
        if (text.isEmpty() || text.charAt(0) == '+' || text.charAt(0) == '-') {
            throw new NumberFormatException("unexpected token");
        }
        return parseMagnitude(text, 0, "i64 constant out of range");
    }

    /** The unsigned value of the digits at {@code p}; throws {@code error} past 2^64-1. */
    private static long parseMagnitude(String text, int p, String error) {
        int end = text.length();
        if (p >= end) {
            throw new NumberFormatException(error);
        }
        long v = 0;
        if (text.startsWith("0x", p)) {
            p += 2;
            if (p >= end) {
                throw new NumberFormatException(error);
            }
            for (; p < end; p++) {
                char c = text.charAt(p);
                if (c == '_') {
                    continue;
                }
                int d = Character.digit(c, 16);
                if (d < 0) {
                    throw new NumberFormatException(error);
                }
                if ((v >>> 60) != 0) {
                    throw new NumberFormatException(error);
                }
                v = (v << 4) | d;
            }
            return v;
        }
        for (; p < end; p++) {
            char c = text.charAt(p);
            if (c == '_') {
                continue;
            }
            if (c < '0' || c > '9') {
                throw new NumberFormatException(error);
            }
            int d = c - '0';
            // v * 10 + d must stay below 2^64.
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                throw new NumberFormatException(error);
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** The bits of an {@code f32} literal. */
    public static int parseF32Bits(String text) {
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        int sign = negative ? 0x80000000 : 0;
        if (body.equals("inf")) {
            return sign | 0x7F800000;
        }
        if (body.equals("nan")) {
            return sign | 0x7FC00000;
        }
        if (body.startsWith("nan:0x")) {
            long payload = parseMagnitude(body, 4, OUT_OF_RANGE);
            if (payload == 0 || payload > 0x7FFFFF) {
                throw new NumberFormatException(OUT_OF_RANGE);
            }
            return sign | 0x7F800000 | (int) payload;
        }
        try {
            return sign | FloatRounding.f32(javaFloatText(body));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new NumberFormatException(OUT_OF_RANGE);
        }
    }

    /** The bits of an {@code f64} literal. */
    public static long parseF64Bits(String text) {
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        long sign = negative ? Long.MIN_VALUE : 0;
        if (body.equals("inf")) {
            return sign | 0x7FF0000000000000L;
        }
        if (body.equals("nan")) {
            return sign | 0x7FF8000000000000L;
        }
        if (body.startsWith("nan:0x")) {
            long payload = parseMagnitude(body, 4, OUT_OF_RANGE);
            if (payload == 0 || Long.compareUnsigned(payload, 0xFFFFFFFFFFFFFL) > 0) {
                throw new NumberFormatException(OUT_OF_RANGE);
            }
            return sign | 0x7FF0000000000000L | payload;
        }
        double d;
        try {
            d = Double.parseDouble(javaFloatText(body));
        } catch (NumberFormatException e) {
            throw new NumberFormatException(OUT_OF_RANGE);
        }
        if (Double.isInfinite(d)) {
            throw new NumberFormatException(OUT_OF_RANGE);
        }
        return sign | Double.doubleToRawLongBits(d);
    }

    /**
     * Rewrites an unsigned float literal in the syntax {@link Double#parseDouble} and
     * {@link Float#parseFloat} accept (both round correctly to their own precision): underscores
     * dropped, a binary exponent added to hexadecimal literals that lack one, and huge exponents
     * clamped to values that still overflow or underflow the same way.
     */
    private static String javaFloatText(String body) {
        if (LexicalRules.classifyNumber(body, 0, body.length()) == null || body.startsWith("+") || body.startsWith("-")) {
            throw new NumberFormatException(OUT_OF_RANGE);
        }
        String s = body.indexOf('_') >= 0 ? body.replace("_", "") : body;
        boolean hex = s.startsWith("0x");
        int exp = hex ? Math.max(s.indexOf('p'), s.indexOf('P')) : Math.max(s.indexOf('e'), s.indexOf('E'));
        if (exp < 0) {
            return hex ? s + "p0" : s;
        }
        int digits = exp + 1;
        if (digits < s.length() && (s.charAt(digits) == '+' || s.charAt(digits) == '-')) {
            digits++;
        }
        int significant = digits;
        while (significant < s.length() - 1 && s.charAt(significant) == '0') {
            significant++;
        }
        if (s.length() - significant > 9) {
            // The exponent alone is beyond any float's range: keep its sign, shrink its size to a
            // value that is still far beyond range even after the mantissa's length shifts it.
            long clamp = 100_000_000L;
            return s.substring(0, digits) + clamp;
        }
        return s;
    }
}
