package dev.verge.text.wast;

import java.math.BigInteger;

/**
 * Numbers as the text format writes them: decimal or {@code 0x} hexadecimal, optional sign,
 * {@code _} between digits; floats also as {@code inf}, {@code nan}, {@code nan:0x...} and
 * hexadecimal floats with or without a {@code p} exponent. Floats are returned as their exact bit
 * patterns so that NaN payloads and the sign of zero survive.
 */
public final class NumberLiterals {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private NumberLiterals() {}

    /** An i32 literal, signed or unsigned ({@code -2^31 .. 2^32-1}). */
    public static int i32(String text) {
        BigInteger v = integer(text);
        if (v.bitLength() > 32 && v.signum() > 0 || v.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0) {
            throw new NumberFormatException("i32 constant out of range: " + text);
        }
        if (v.signum() > 0 && v.bitLength() > 32) {
            throw new NumberFormatException("i32 constant out of range: " + text);
        }
        return v.intValue();
    }

    /** An i64 literal, signed or unsigned ({@code -2^63 .. 2^64-1}). */
    public static long i64(String text) {
        BigInteger v = integer(text);
        if (v.compareTo(TWO_64) >= 0 || v.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) < 0) {
            throw new NumberFormatException("i64 constant out of range: " + text);
        }
        return v.longValue();
    }

    /** An i8 or i16 lane literal, signed or unsigned, of {@code bits} width. */
    public static int smallInt(String text, int bits) {
        BigInteger v = integer(text);
        if (v.bitLength() > bits && v.signum() > 0 || v.compareTo(BigInteger.ONE.shiftLeft(bits - 1).negate()) < 0) {
            throw new NumberFormatException("i" + bits + " constant out of range: " + text);
        }
        return v.intValue() & ((1 << bits) - 1);
    }

    private static BigInteger integer(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0x")) {
            radix = 16;
            s = s.substring(2);
        }
        s = digits(s, radix, text);
        BigInteger v = new BigInteger(s, radix);
        return negative ? v.negate() : v;
    }

    /** Removes {@code _} separators, which must stand between two digits. */
    private static String digits(String s, int radix, String whole) {
        if (s.isEmpty()) {
            throw new NumberFormatException("not a number: " + whole);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (i == 0 || i == s.length() - 1 || Character.digit(s.charAt(i - 1), radix) < 0
                        || Character.digit(s.charAt(i + 1), radix) < 0) {
                    throw new NumberFormatException("misplaced '_' in " + whole);
                }
                continue;
            }
            if (Character.digit(c, radix) < 0) {
                throw new NumberFormatException("not a number: " + whole);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The bits of an f32 literal. */
    public static int f32(String text) {
        boolean negative = text.startsWith("-");
        String s = text.startsWith("+") || negative ? text.substring(1) : text;
        int sign = negative ? 0x8000_0000 : 0;
        if (s.equals("inf")) {
            return sign | 0x7F80_0000;
        }
        if (s.equals("nan")) {
            return sign | 0x7FC0_0000;
        }
        if (s.startsWith("nan:0x")) {
            long payload = Long.parseLong(digits(s.substring(6), 16, text), 16);
            if (payload == 0 || payload >= 1L << 23) {
                throw new NumberFormatException("NaN payload out of range: " + text);
            }
            return sign | 0x7F80_0000 | (int) payload;
        }
        float f = Float.parseFloat(javaFloat(s, text));
        if (Float.isInfinite(f)) {
            throw new NumberFormatException("f32 constant out of range: " + text);
        }
        return sign | Float.floatToRawIntBits(f);
    }

    /** The bits of an f64 literal. */
    public static long f64(String text) {
        boolean negative = text.startsWith("-");
        String s = text.startsWith("+") || negative ? text.substring(1) : text;
        long sign = negative ? 0x8000_0000_0000_0000L : 0;
        if (s.equals("inf")) {
            return sign | 0x7FF0_0000_0000_0000L;
        }
        if (s.equals("nan")) {
            return sign | 0x7FF8_0000_0000_0000L;
        }
        if (s.startsWith("nan:0x")) {
            BigInteger payload = new BigInteger(digits(s.substring(6), 16, text), 16);
            if (payload.signum() == 0 || payload.bitLength() > 52) {
                throw new NumberFormatException("NaN payload out of range: " + text);
            }
            return sign | 0x7FF0_0000_0000_0000L | payload.longValue();
        }
        double d = Double.parseDouble(javaFloat(s, text));
        if (Double.isInfinite(d)) {
            throw new NumberFormatException("f64 constant out of range: " + text);
        }
        return sign | Double.doubleToRawLongBits(d);
    }

    /** Rewrites an unsigned text-format float into Java's syntax (which needs a hex exponent). */
    private static String javaFloat(String s, String whole) {
        if (s.startsWith("0x")) {
            String body = s.substring(2);
            int p = Math.max(body.indexOf('p'), body.indexOf('P'));
            String mantissa = p < 0 ? body : body.substring(0, p);
            String exponent = p < 0 ? "0" : body.substring(p + 1);
            return "0x" + mantissaDigits(mantissa, 16, whole) + "p" + exponentDigits(exponent, whole);
        }
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "0" : s.substring(e + 1);
        return mantissaDigits(mantissa, 10, whole) + "e" + exponentDigits(exponent, whole);
    }

    private static String mantissaDigits(String m, int radix, String whole) {
        int dot = m.indexOf('.');
        if (dot < 0) {
            return digits(m, radix, whole);
        }
        String frac = m.substring(dot + 1);
        return digits(m.substring(0, dot), radix, whole) + "." + (frac.isEmpty() ? "0" : digits(frac, radix, whole));
    }

    private static String exponentDigits(String e, String whole) {
        String sign = "";
        if (e.startsWith("+") || e.startsWith("-")) {
            sign = e.substring(0, 1);
            e = e.substring(1);
        }
        return sign + digits(e, 10, whole);
    }
}
