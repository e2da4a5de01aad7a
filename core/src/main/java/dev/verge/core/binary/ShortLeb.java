package dev.verge.core.binary;

/**
 * The fast skip over a LEB128 that both quick scanners use ({@link CodeScanner} for bodies,
 * {@link ConstExprSkipper} for constant expressions). A class of its own rather than a method of
 * {@code CodeScanner}: calling into that class initialises its opcode table and with it
 * {@code Op}, which is what {@code ConstExprSkipper} exists to avoid on a cached module's load.
 */
final class ShortLeb {
    private ShortLeb() {}

    /**
     * The position after a LEB128 at {@code p} that is shorter than {@code maxBytes} (its longest
     * encoding), or -1 when it does not end before that or before {@code limit}. An encoding
     * shorter than the longest has no unused bits to check, so it is surely well formed; the
     * longest ones and every error are left to the caller's general path.
     */
    static int end(byte[] b, int p, int limit, int maxBytes) {
        int end = Math.min(limit, p + maxBytes - 1);
        for (int i = p; i < end; i++) {
            if (b[i] >= 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
