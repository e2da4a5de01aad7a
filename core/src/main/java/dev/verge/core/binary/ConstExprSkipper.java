package dev.verge.core.binary;

/**
 * Finds the end of a constant expression in bytes known to decode (see
 * {@link ModuleDecoder#decodeKnownGood}), by the few instructions a constant expression holds,
 * without the instruction table: {@link CodeScanner} needs {@code Op}, whose initialisation (over
 * 500 instructions, their mnemonics and signatures) is most of what decoding a cached module
 * would cost otherwise: about 2.5 ms of CPU with the JDK's AOT cache, 10 ms with a CDS archive,
 * against microseconds for the expressions themselves.
 *
 * <p>Takes only what it is sure of, as {@link CodeScanner}'s fast path does: the instructions
 * {@code ConstEval} evaluates, with immediates that end before the reader's limit and LEB128
 * numbers shorter than their longest encoding (which have no unused bits to check). Anything else
 * returns -1, and the caller scans the expression with {@link CodeScanner} as it would any other
 * bytes; so wherever this finds an end, the full decoder accepts the same bytes and ends at the
 * same place (a test holds the two to that).
 */
final class ConstExprSkipper {
    private ConstExprSkipper() {}

    /**
     * The position just after the {@code end} that closes the constant expression at {@code pos},
     * or -1 when it holds something this does not know.
     */
    static int skip(byte[] b, int pos, int limit) {
        int p = pos;
        while (p < limit) {
            int op = b[p++] & 0xFF;
            switch (op) {
                case 0x0B -> {
                    return p; // end
                }
                case 0x41, 0x23, 0xD2 -> p = ShortLeb.end(b, p, limit, 5); // i32.const, global.get, ref.func
                case 0x42 -> p = ShortLeb.end(b, p, limit, 10); // i64.const
                case 0x43 -> p += 4; // f32.const
                case 0x44 -> p += 8; // f64.const
                case 0xD0 -> {
                    // ref.null funcref or externref; other heap types go the general way.
                    if (p >= limit || (b[p] != 0x70 && b[p] != 0x6F)) {
                        return -1;
                    }
                    p++;
                }
                case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {} // the extended-constant arithmetic
                case 0xFD -> {
                    // v128.const: sub-opcode 12 (one byte), then 16 bytes.
                    if (p >= limit || b[p] != 0x0C) {
                        return -1;
                    }
                    p += 17;
                }
                default -> {
                    return -1;
                }
            }
            if (p < 0) {
                return -1;
            }
        }
        return -1;
    }
}
