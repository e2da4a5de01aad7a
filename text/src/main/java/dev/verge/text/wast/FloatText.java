package dev.verge.text.wast;

/**
 * Floats written so that reading them back gives the same bits: the shortest decimal that
 * round-trips, or {@code nan:0x...} with the payload, signed zeros and infinities spelled out.
 */
public final class FloatText {
    private FloatText() {}

    public static String f32(int bits) {
        String sign = bits < 0 ? "-" : "";
        int abs = bits & 0x7FFF_FFFF;
        if (abs > 0x7F80_0000) {
            int payload = abs & 0x007F_FFFF;
            return sign + (payload == 0x0040_0000 ? "nan" : "nan:0x" + Integer.toHexString(payload));
        }
        if (abs == 0x7F80_0000) {
            return sign + "inf";
        }
        return sign + Float.toString(Float.intBitsToFloat(abs)).replace('E', 'e');
    }

    public static String f64(long bits) {
        String sign = bits < 0 ? "-" : "";
        long abs = bits & 0x7FFF_FFFF_FFFF_FFFFL;
        if (abs > 0x7FF0_0000_0000_0000L) {
            long payload = abs & 0x000F_FFFF_FFFF_FFFFL;
            return sign + (payload == 0x0008_0000_0000_0000L ? "nan" : "nan:0x" + Long.toHexString(payload));
        }
        if (abs == 0x7FF0_0000_0000_0000L) {
            return sign + "inf";
        }
        return sign + Double.toString(Double.longBitsToDouble(abs)).replace('E', 'e');
    }
}
