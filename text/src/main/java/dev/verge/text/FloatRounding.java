package dev.verge.text;

import java.math.BigInteger;

/**
 * Exact rounding of a decimal or hexadecimal literal to {@code f32}: the literal is read as an
 * exact rational and rounded once, to nearest with ties to even. Used when rounding through
 * {@code f64} first could go wrong, which is exactly when the {@code f64} value falls on a
 * midpoint between two {@code f32} values.
 */
final class FloatRounding {
    private FloatRounding() {}

    /** The f32 bits of an unsigned literal without underscores, or throws when it overflows. */
    static int f32(String s) {
        double d = Double.parseDouble(s);
        float f = (float) d;
        if (Float.isInfinite(f)) {
            // Past the largest float, or on the midpoint just below 2^128: decide exactly.
            return exact(s);
        }
        if ((double) f == d) {
            return checkFinite(f);
        }
        float other = d > f ? Math.nextUp(f) : Math.nextDown(f);
        double midpoint = ((double) f + (double) other) / 2;
        if (d != midpoint && !Float.isInfinite(other)) {
            return checkFinite(f);
        }
        return exact(s);
    }

    private static int checkFinite(float f) {
        if (Float.isInfinite(f)) {
            throw new NumberFormatException(NumberParser.OUT_OF_RANGE);
        }
        return Float.floatToRawIntBits(f);
    }

    /** Compares num/den with 2^q. */
    private static int comparePow2(BigInteger num, BigInteger den, int q) {
        return q >= 0 ? num.compareTo(den.shiftLeft(q)) : num.shiftLeft(-q).compareTo(den);
    }

    /** Rounds {@code s} (decimal {@code d.dE±x} or hex {@code 0xh.hp±x}) exactly. */
    static int exact(String s) {
        boolean hex = s.startsWith("0x");
        int expAt = hex ? Math.max(s.indexOf('p'), s.indexOf('P')) : Math.max(s.indexOf('e'), s.indexOf('E'));
        String mantissa = expAt < 0 ? s.substring(hex ? 2 : 0) : s.substring(hex ? 2 : 0, expAt);
        long exp = expAt < 0 ? 0 : Long.parseLong(s.substring(expAt + 1).replace("+", ""));
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int fraction = dot < 0 ? 0 : mantissa.length() - dot - 1;
        BigInteger m = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, hex ? 16 : 10);
        if (m.signum() == 0) {
            return 0;
        }
        // value = m * base^exp2 with base 2 (hex, each fraction digit is 4 bits) or 10.
        long e = hex ? exp - 4L * fraction : exp - fraction;
        long magnitude = hex ? e + m.bitLength() : e + digits.length();
        if (magnitude > (hex ? 200 : 60)) {
            throw new NumberFormatException(NumberParser.OUT_OF_RANGE);
        }
        if (magnitude < (hex ? -200 : -60)) {
            return 0;
        }
        BigInteger num;
        BigInteger den;
        if (hex) {
            num = e >= 0 ? m.shiftLeft((int) e) : m;
            den = e >= 0 ? BigInteger.ONE : BigInteger.ONE.shiftLeft((int) -e);
        } else {
            BigInteger p = BigInteger.TEN.pow((int) Math.abs(e));
            num = e >= 0 ? m.multiply(p) : m;
            den = e >= 0 ? BigInteger.ONE : p;
        }
        // q = floor(log2(num/den)): 2^q <= num/den < 2^(q+1).
        int q = num.bitLength() - den.bitLength();
        while (comparePow2(num, den, q) < 0) {
            q--;
        }
        while (comparePow2(num, den, q + 1) >= 0) {
            q++;
        }
        int scale = Math.max(q, -126) - 23;
        BigInteger sn = scale < 0 ? num.shiftLeft(-scale) : num;
        BigInteger sd = scale > 0 ? den.shiftLeft(scale) : den;
        BigInteger[] qr = sn.divideAndRemainder(sd);
        long sig = qr[0].longValueExact();
        int cmp = qr[1].shiftLeft(1).compareTo(sd);
        if (cmp > 0 || cmp == 0 && (sig & 1) == 1) {
            sig++;
        }
        if (sig == 1L << 24) {
            sig >>= 1;
            scale++;
        }
        if (sig < 1L << 23) {
            return (int) sig;
        }
        int biased = scale + 23 + 127;
        if (biased >= 255) {
            throw new NumberFormatException(NumberParser.OUT_OF_RANGE);
        }
        return (biased << 23) | (int) (sig - (1L << 23));
    }
}
