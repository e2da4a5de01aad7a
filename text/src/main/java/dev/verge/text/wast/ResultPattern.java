package dev.verge.text.wast;

import java.util.List;

/** What {@code assert_return} expects of one result. {@link ResultMatcher} does the comparing. */
public sealed interface ResultPattern {
    /** Exactly this value (floats bit for bit; references by kind and, for externs, by id). */
    record Exact(WastValue value) implements ResultPattern {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    /**
     * {@code nan:canonical} or {@code nan:arithmetic} for an f32 ({@code bits == 32}) or f64 value
     * or lane.
     */
    record Nan(int bits, boolean canonical) implements ResultPattern {
        @Override
        public String toString() {
            return "(f" + bits + ".const nan:" + (canonical ? "canonical" : "arithmetic") + ")";
        }
    }

    /**
     * A v128 compared lane by lane: {@code shape} is {@code i8x16} ... {@code f64x2}, each lane an
     * {@link Exact} of the lane's number type or a {@link Nan}.
     */
    record Lanes(String shape, List<ResultPattern> lanes) implements ResultPattern {
        public Lanes {
            lanes = List.copyOf(lanes);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(v128.const ").append(shape);
            for (ResultPattern p : lanes) {
                sb.append(' ').append(p instanceof Exact e ? laneText(e.value()) : p instanceof Nan n
                        ? "nan:" + (n.canonical() ? "canonical" : "arithmetic") : p.toString());
            }
            return sb.append(')').toString();
        }

        private static String laneText(WastValue v) {
            return switch (v) {
                case WastValue.I32 i -> Integer.toString(i.value());
                case WastValue.I64 l -> Long.toString(l.value());
                case WastValue.F32 f -> FloatText.f32(f.bits());
                case WastValue.F64 d -> FloatText.f64(d.bits());
                default -> v.toString();
            };
        }
    }

    /**
     * A reference of a kind, whatever its identity: {@code (ref.null)} any null, {@code (ref.func)}
     * any non-null function, {@code (ref.extern)} any non-null extern, {@code (ref)} any non-null,
     * {@code (ref.struct)}, {@code (ref.array)}, {@code (ref.i31)}, {@code (ref.eq)} ... (GC).
     */
    record RefKind(String kind) implements ResultPattern {
        @Override
        public String toString() {
            return kind.isEmpty() ? "(ref)" : "(ref." + kind + ")";
        }
    }

    /** {@code (either p1 p2 ...)}: any one of the alternatives. */
    record Either(List<ResultPattern> alternatives) implements ResultPattern {
        public Either {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(either");
            for (ResultPattern p : alternatives) {
                sb.append(' ').append(p);
            }
            return sb.append(')').toString();
        }
    }
}
