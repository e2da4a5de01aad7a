package dev.verge.text;

/** Parses the literal immediates of {@code t.const} instructions, including {@code v128.const}. */
final class ConstParser {
    private ConstParser() {}

    private static boolean atNumber(Lexer lx) {
        Token k = lx.kind();
        return k == Token.NAT || k == Token.INT || k == Token.FLOAT;
    }

    private static String number(Syntax s) {
        if (!atNumber(s.lx)) {
            throw s.lx.unexpected();
        }
        return s.lx.text();
    }

    static int i32(Syntax s) {
        String t = number(s);
        try {
            int v = s.lx.kind() == Token.FLOAT ? fail() : NumberParser.parseI32(t);
            s.lx.advance();
            return v;
        } catch (NumberFormatException e) {
            throw s.error(e.getMessage());
        }
    }

    static long i64(Syntax s) {
        String t = number(s);
        try {
            long v = s.lx.kind() == Token.FLOAT ? fail() : NumberParser.parseI64(t);
            s.lx.advance();
            return v;
        } catch (NumberFormatException e) {
            throw s.error(e.getMessage());
        }
    }

    static int f32(Syntax s) {
        String t = number(s);
        try {
            int v = NumberParser.parseF32Bits(t);
            s.lx.advance();
            return v;
        } catch (NumberFormatException e) {
            throw s.error(e.getMessage());
        }
    }

    static long f64(Syntax s) {
        String t = number(s);
        try {
            long v = NumberParser.parseF64Bits(t);
            s.lx.advance();
            return v;
        } catch (NumberFormatException e) {
            throw s.error(e.getMessage());
        }
    }

    private static int fail() {
        throw new NumberFormatException(NumberParser.OUT_OF_RANGE);
    }

    /**
     * {@code shape lane*} after {@code v128.const}: the low and high 64 bits.
     *
     * @param at where the instruction starts, for the lane count error
     */
    static long[] v128(Syntax s, int at) {
        Lexer lx = s.lx;
        if (lx.kind() != Token.KEYWORD) {
            throw lx.unexpected();
        }
        String shape = lx.text();
        int lanes;
        int bits;
        boolean isFloat = false;
        switch (shape) {
            case "i8x16" -> { lanes = 16; bits = 8; }
            case "i16x8" -> { lanes = 8; bits = 16; }
            case "i32x4" -> { lanes = 4; bits = 32; }
            case "i64x2" -> { lanes = 2; bits = 64; }
            case "f32x4" -> { lanes = 4; bits = 32; isFloat = true; }
            case "f64x2" -> { lanes = 2; bits = 64; isFloat = true; }
            default -> throw lx.unexpected();
        }
        lx.advance();
        // The lane count is checked before the lanes themselves, as the reference does.
        int first = lx.start();
        int n = 0;
        Lexer scan = new Lexer(lx.source());
        scan.reset(first);
        while (atNumber(scan)) {
            n++;
            scan.advance();
        }
        if (n != lanes) {
            if (scan.kind() == Token.RESERVED || scan.kind() == Token.KEYWORD && !Keywords.isKnown(scan.text())) {
                throw scan.unexpected();
            }
            throw s.errorAt(at, "wrong number of lane literals");
        }
        byte[] bytes = new byte[16];
        for (int lane = 0; lane < lanes; lane++) {
            long v;
            try {
                if (isFloat) {
                    v = bits == 32 ? NumberParser.parseF32Bits(lx.text()) & 0xFFFFFFFFL : NumberParser.parseF64Bits(lx.text());
                } else if (lx.kind() == Token.FLOAT) {
                    throw new NumberFormatException(NumberParser.OUT_OF_RANGE);
                } else {
                    v = NumberParser.parseInt(lx.text(), bits, NumberParser.OUT_OF_RANGE);
                }
            } catch (NumberFormatException e) {
                throw s.error(e.getMessage());
            }
            int width = bits / 8;
            for (int i = 0; i < width; i++) {
                bytes[lane * width + i] = (byte) (v >>> (8 * i));
            }
            lx.advance();
        }
        long low = 0;
        long high = 0;
        for (int i = 7; i >= 0; i--) {
            low = (low << 8) | (bytes[i] & 0xFF);
            high = (high << 8) | (bytes[i + 8] & 0xFF);
        }
        return new long[] {low, high};
    }
}
