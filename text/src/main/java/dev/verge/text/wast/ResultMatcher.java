package dev.verge.text.wast;

/**
 * Compares an actual result with what {@code assert_return} expects, as the spec's reference
 * interpreter does: integers and floats bit for bit (so {@code -0.0} is not {@code +0.0} and a
 * NaN matches only the same NaN), {@code nan:canonical} only the canonical NaNs of either sign,
 * {@code nan:arithmetic} any NaN whose payload's top bit is set, vectors lane by lane.
 */
public final class ResultMatcher {
    private ResultMatcher() {}

    public static boolean matches(ResultPattern expected, WastValue actual) {
        return switch (expected) {
            case ResultPattern.Exact e -> exact(e.value(), actual);
            case ResultPattern.Nan n -> switch (actual) {
                case WastValue.F32 f when n.bits() == 32 -> nan32(f.bits(), n.canonical());
                case WastValue.F64 d when n.bits() == 64 -> nan64(d.bits(), n.canonical());
                default -> false;
            };
            case ResultPattern.Lanes l -> actual instanceof WastValue.V128 v && lanes(l, v);
            case ResultPattern.RefKind k -> refKind(k.kind(), actual);
            case ResultPattern.Either e -> e.alternatives().stream().anyMatch(p -> matches(p, actual));
        };
    }

    /** Whether an f32's bits are a NaN of the kind asked for. */
    public static boolean nan32(int bits, boolean canonical) {
        int abs = bits & 0x7FFF_FFFF;
        return canonical ? abs == 0x7FC0_0000 : (abs & 0x7FC0_0000) == 0x7FC0_0000;
    }

    /** Whether an f64's bits are a NaN of the kind asked for. */
    public static boolean nan64(long bits, boolean canonical) {
        long abs = bits & 0x7FFF_FFFF_FFFF_FFFFL;
        return canonical ? abs == 0x7FF8_0000_0000_0000L : (abs & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
    }

    private static boolean exact(WastValue expected, WastValue actual) {
        return switch (expected) {
            case WastValue.RefNull n -> actual instanceof WastValue.RefNull;
            case WastValue.RefOpaque o -> actual instanceof WastValue.RefOpaque a && a.kind().equals(o.kind());
            default -> expected.equals(actual);
        };
    }

    private static boolean refKind(String kind, WastValue actual) {
        return switch (kind) {
            case "null" -> actual instanceof WastValue.RefNull;
            case "" -> actual instanceof WastValue.RefExtern || actual instanceof WastValue.RefHost
                    || actual instanceof WastValue.RefOpaque;
            case "extern" -> actual instanceof WastValue.RefExtern;
            case "host" -> actual instanceof WastValue.RefHost;
            default -> actual instanceof WastValue.RefOpaque o && o.kind().equals(kind);
        };
    }

    private static boolean lanes(ResultPattern.Lanes l, WastValue.V128 v) {
        int n = l.lanes().size();
        int width = 128 / n;
        for (int i = 0; i < n; i++) {
            long bits = lane(v, i, width);
            WastValue lane = switch (l.shape()) {
                case "f32x4" -> new WastValue.F32((int) bits);
                case "f64x2" -> new WastValue.F64(bits);
                case "i64x2" -> new WastValue.I64(bits);
                default -> new WastValue.I32((int) bits);
            };
            if (!matches(l.lanes().get(i), lane)) {
                return false;
            }
        }
        return true;
    }

    /** Lane {@code i} of {@code width} bits, zero-extended. */
    static long lane(WastValue.V128 v, int i, int width) {
        int bit = i * width;
        long word = bit < 64 ? v.low() : v.high();
        long shifted = word >>> (bit % 64);
        return width == 64 ? shifted : shifted & ((1L << width) - 1);
    }
}
