package dev.verge.core.compile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a function too large for one JVM method is cut into methods. The unit is the <em>part</em>:
 * the instructions directly inside one arm of a block (or the function body). A part whose code
 * would not fit one method is <em>tiled</em>: its instructions are cut into consecutive
 * segments, at any instruction boundary, whatever the operand stack holds there. Between two
 * segments the part's operands live in the frame arrays' stack area (slot = operand height); a
 * segment loads the operands it consumes (from its lowest point, {@link Segment#low}, up) onto
 * the JVM stack when it starts, and stores what it leaves when it ends. A segment is either a
 * <em>piece</em>, its own method {@code (long[], Object[], Instance) -> int}, or inline code of
 * the enclosing method (an instruction too large for any piece, such as a block whose own parts
 * are tiled in turn, or a run too small to be worth a call).
 *
 * <p>Sizes are estimated bytecode bytes ({@link BytecodeEstimate}), planned bottom-up: when a
 * block ends its parts are planned, and the block counts in its parent with the size of what
 * stays in the parent's method. Pieces can therefore hold blocks whose parts call pieces of their
 * own, so neither a long nor a deeply nested function leaves too much code in one method.
 */
final class SplitPlan {
    /** The estimated bytecode a method may hold: HotSpot's 8,000-byte limit, with a margin. */
    static final int DEFAULT_LIMIT = 9_000;
    /** A function whose code is estimated at more than this is split (JVM locals kept otherwise). */
    static final int DEFAULT_SPLIT_ABOVE = 11_000;
    /**
     * The most operands a piece loads and stores: C2 carries every live stack slot through each
     * of a method's deoptimisation points, so compiling a method that holds hundreds of operands
     * takes time quadratic in them.
     */
    static final int MAX_CROSSING = 128;
    /** Runs of instructions estimated below this stay inline rather than becoming a piece. */
    static final int MIN_PIECE = 96;

    /**
     * A piece method: the segment it holds, and the frames open at its start (0 the function)
     * that a branch or return inside may leave to, so the call site dispatches on those only.
     */
    record Piece(int index, Segment segment, BitSet exits) {
        int start() {
            return segment.start();
        }

        int end() {
            return segment.end();
        }
    }

    /**
     * {@code [start, end)} in module offsets, directly inside a block whose operands start at
     * height {@code base}; {@code height} is the operand height at the start, {@code low} the
     * lowest the segment pops to (it loads {@code [low, height)} first), {@code endReachable}
     * whether code at {@code end} is reachable; {@code piece} is the piece's index, or -1 for
     * inline code. A {@code group} is a piece made of consecutive segments of its part (when a
     * part has more pieces than one method can call): it loads nothing itself, its segments do.
     */
    record Segment(int start, int end, int base, int height, int low, boolean endReachable, int piece, boolean group) {
        boolean isPiece() {
            return piece >= 0;
        }
    }

    /** Where a piece is entered from: the validator's checkpoint and the caller's open frames. */
    record Entry(Object checkpoint, List<Frame> frames) {}

    final List<Piece> pieces = new ArrayList<>();
    /** The segments starting at each offset, outermost first (a group and its first segment share a start). */
    private final Map<Integer, List<Segment>> segments = new HashMap<>();
    /** The highest operand stack of the function: the size of the frame arrays' stack area. */
    int maxHeight;
    /** Filled while the methods are emitted: how each called piece is entered. */
    final Map<Integer, Entry> entries = new HashMap<>();
    /** The pieces called so far, in the order their calls were emitted: the methods to build. */
    final List<Integer> called = new ArrayList<>();

    /**
     * Notes that the method being emitted calls {@code piece}, entered as {@code entry}. The
     * class file builder may run a method's code handler twice (again with long jumps when a
     * branch does not fit 16 bits), so a second note replaces the first.
     */
    void called(Piece piece, Entry entry) {
        if (entries.put(piece.index(), entry) == null) {
            called.add(piece.index());
        }
    }

    List<Segment> segmentsAt(int offset) {
        return segments.getOrDefault(offset, List.of());
    }

    /**
     * Analyses one function (one pass through the validator) and plans it; null when it fits one
     * method. {@code limit} is the estimated size of a piece, {@code splitAbove} of a whole
     * function, both lowered when a method built from an earlier plan came out too large.
     */
    static SplitPlan analyze(FunctionDriver driver, int definedIndex, ModuleContext mc, int limit, int splitAbove) {
        SplitPlan plan = new SplitPlan();
        SplitAnalyzer a = new SplitAnalyzer(plan, mc, limit);
        driver.drive(definedIndex, types -> {
            a.types = types;
            return a;
        });
        if (a.plainSize() <= splitAbove || plan.segments.isEmpty()) {
            return null;
        }
        plan.maxHeight = a.maxHeight();
        return plan;
    }

    /** Records an inline segment. */
    Segment addInline(int start, int end, int base, int height, int low, boolean endReachable) {
        Segment s = new Segment(start, end, base, height, low, endReachable, -1, false);
        segments.computeIfAbsent(start, k -> new ArrayList<>(1)).add(s);
        return s;
    }

    /** Records a segment that is a piece (or a group), with the frames it may leave to. */
    Segment addPiece(int start, int end, int base, int height, int low, boolean endReachable, BitSet exits, boolean group) {
        Segment s = new Segment(start, end, base, height, low, endReachable, pieces.size(), group);
        // A group is planned after the segments it holds: it goes before them.
        segments.computeIfAbsent(start, k -> new ArrayList<>(1)).addFirst(s);
        pieces.add(new Piece(pieces.size(), s, exits));
        return s;
    }
}
