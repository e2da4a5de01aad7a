package dev.verge.text.wast;

import dev.verge.text.wast.SExpr.Atom;
import dev.verge.text.wast.SExpr.SList;
import java.util.ArrayList;
import java.util.List;

/** Reads argument constants and result patterns ({@code (i32.const 1)}, {@code (f32.const nan:canonical)}, ...). */
final class Values {
    private Values() {}

    /** An argument: a constant. */
    static WastValue constant(SList l) {
        String head = l.head();
        if (head == null) {
            throw ScriptParser.error(l, "expected a constant");
        }
        try {
            return switch (head) {
                case "i32.const" -> new WastValue.I32(NumberLiterals.i32(atom(l, 1)));
                case "i64.const" -> new WastValue.I64(NumberLiterals.i64(atom(l, 1)));
                case "f32.const" -> new WastValue.F32(NumberLiterals.f32(atom(l, 1)));
                case "f64.const" -> new WastValue.F64(NumberLiterals.f64(atom(l, 1)));
                case "v128.const" -> v128(l);
                case "ref.null" -> new WastValue.RefNull(l.size() > 1 ? atom(l, 1) : "");
                case "ref.extern" -> new WastValue.RefExtern(Long.parseLong(atom(l, 1).replace("_", "")));
                case "ref.host" -> new WastValue.RefHost(Long.parseLong(atom(l, 1).replace("_", "")));
                default -> throw ScriptParser.error(l, "unknown constant " + head);
            };
        } catch (NumberFormatException ex) {
            throw ScriptParser.error(l, ex.getMessage());
        }
    }

    /** A result pattern. */
    static ResultPattern pattern(SList l) {
        String head = l.head();
        if (head == null) {
            throw ScriptParser.error(l, "expected a result");
        }
        try {
            switch (head) {
                case "f32.const", "f64.const" -> {
                    String text = atom(l, 1);
                    if (text.equals("nan:canonical") || text.equals("nan:arithmetic")) {
                        return new ResultPattern.Nan(head.startsWith("f32") ? 32 : 64, text.equals("nan:canonical"));
                    }
                    return new ResultPattern.Exact(constant(l));
                }
                case "v128.const" -> {
                    return lanes(l);
                }
                case "either" -> {
                    List<ResultPattern> alternatives = new ArrayList<>();
                    for (int i = 1; i < l.size(); i++) {
                        if (!(l.get(i) instanceof SList inner)) {
                            throw ScriptParser.error(l.get(i), "expected a result");
                        }
                        alternatives.add(pattern(inner));
                    }
                    return new ResultPattern.Either(alternatives);
                }
                case "ref" -> {
                    return new ResultPattern.RefKind("");
                }
                case "ref.null" -> {
                    return new ResultPattern.RefKind("null");
                }
                case "ref.extern", "ref.host" -> {
                    return l.size() > 1 ? new ResultPattern.Exact(constant(l)) : new ResultPattern.RefKind(head.substring(4));
                }
                default -> {
                    if (head.startsWith("ref.")) {
                        return new ResultPattern.RefKind(head.substring(4));
                    }
                    return new ResultPattern.Exact(constant(l));
                }
            }
        } catch (NumberFormatException ex) {
            throw ScriptParser.error(l, ex.getMessage());
        }
    }

    private static String atom(SList l, int index) {
        if (index >= l.size() || !(l.get(index) instanceof Atom a)) {
            throw ScriptParser.error(l, "expected a number in " + ScriptParser.describe(l));
        }
        return a.text();
    }

    private static int laneCount(SList l, String shape) {
        return switch (shape) {
            case "i8x16" -> 16;
            case "i16x8" -> 8;
            case "i32x4", "f32x4" -> 4;
            case "i64x2", "f64x2" -> 2;
            default -> throw ScriptParser.error(l, "unknown vector shape " + shape);
        };
    }

    private static WastValue v128(SList l) {
        String shape = atom(l, 1);
        int n = laneCount(l, shape);
        if (l.size() != n + 2) {
            throw ScriptParser.error(l, "wrong number of lane literals");
        }
        byte[] bytes = new byte[16];
        int width = 16 / n;
        for (int i = 0; i < n; i++) {
            String text = atom(l, i + 2);
            long bits = switch (shape) {
                case "i8x16" -> NumberLiterals.smallInt(text, 8);
                case "i16x8" -> NumberLiterals.smallInt(text, 16);
                case "i32x4" -> NumberLiterals.i32(text);
                case "f32x4" -> NumberLiterals.f32(text);
                case "i64x2" -> NumberLiterals.i64(text);
                default -> NumberLiterals.f64(text);
            };
            for (int b = 0; b < width; b++) {
                bytes[i * width + b] = (byte) (bits >>> (8 * b));
            }
        }
        return v128(bytes);
    }

    static WastValue.V128 v128(byte[] bytes) {
        long low = 0;
        long high = 0;
        for (int b = 7; b >= 0; b--) {
            low = low << 8 | (bytes[b] & 0xFF);
            high = high << 8 | (bytes[b + 8] & 0xFF);
        }
        return new WastValue.V128(low, high);
    }

    private static ResultPattern lanes(SList l) {
        String shape = atom(l, 1);
        int n = laneCount(l, shape);
        if (l.size() != n + 2) {
            throw ScriptParser.error(l, "wrong number of lane literals");
        }
        List<ResultPattern> lanes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = atom(l, i + 2);
            if (text.equals("nan:canonical") || text.equals("nan:arithmetic")) {
                if (!shape.startsWith("f")) {
                    throw ScriptParser.error(l, "NaN pattern in an integer lane");
                }
                lanes.add(new ResultPattern.Nan(shape.equals("f32x4") ? 32 : 64, text.equals("nan:canonical")));
                continue;
            }
            lanes.add(new ResultPattern.Exact(switch (shape) {
                case "i8x16" -> new WastValue.I32(NumberLiterals.smallInt(text, 8));
                case "i16x8" -> new WastValue.I32(NumberLiterals.smallInt(text, 16));
                case "i32x4" -> new WastValue.I32(NumberLiterals.i32(text));
                case "f32x4" -> new WastValue.F32(NumberLiterals.f32(text));
                case "i64x2" -> new WastValue.I64(NumberLiterals.i64(text));
                default -> new WastValue.F64(NumberLiterals.f64(text));
            }));
        }
        return new ResultPattern.Lanes(shape, lanes);
    }
}
