package dev.verge.cli;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.Expr;

/**
 * Short text for the constant expressions of segment offsets and global initializers. Only the
 * one-instruction forms that real modules use are spelled out ({@code i32.const 1024},
 * {@code global.get 0}, ...); anything else is summarized by its size, since a full printer
 * belongs to the text format, not to {@code inspect}.
 */
final class ConstExprText {
    private static final int END = 0x0B;

    private ConstExprText() {}

    static String of(Expr expr) {
        Bytes code = expr.code();
        if (code.length() >= 2) {
            int[] pos = {1};
            try {
                String text = switch (code.get(0) & 0xFF) {
                    case 0x41 -> "i32.const " + signed(code, pos);
                    case 0x42 -> "i64.const " + signed(code, pos);
                    case 0x23 -> "global.get " + Long.toUnsignedString(unsigned(code, pos));
                    case 0xD2 -> "ref.func " + Long.toUnsignedString(unsigned(code, pos));
                    case 0xD0 -> "ref.null " + heapType(code, pos);
                    default -> null;
                };
                if (text != null && pos[0] == code.length() - 1 && (code.get(pos[0]) & 0xFF) == END) {
                    return text;
                }
            } catch (IndexOutOfBoundsException e) {
                // A truncated LEB128: fall through to the summary.
            }
        }
        return "expression of " + code.length() + " bytes";
    }

    /** The abstract heap types of Wasm 2.0 by name; a type index (Wasm 3.0) by number. */
    private static String heapType(Bytes code, int[] pos) {
        return switch (code.get(pos[0]) & 0xFF) {
            case 0x70 -> {
                pos[0]++;
                yield "func";
            }
            case 0x6F -> {
                pos[0]++;
                yield "extern";
            }
            default -> Long.toString(signed(code, pos));
        };
    }

    private static long signed(Bytes code, int[] pos) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = code.get(pos[0]++);
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 70);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    private static long unsigned(Bytes code, int[] pos) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = code.get(pos[0]++);
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 70);
        return result;
    }
}
