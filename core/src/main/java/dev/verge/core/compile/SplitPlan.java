package dev.verge.core.compile;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.IgnoringVisitor;
import dev.verge.core.instr.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a function too large for one JVM method is cut into pieces, each its own method. A piece is a
 * run of whole statements of one block: it starts and ends where that block has nothing on the
 * operand stack (and code is reachable), so nothing but locals flows in or out, and locals live in
 * the shared frame arrays. The main method calls each piece where it starts; a piece returns -1 to
 * fall through, or the index of the open block a branch leaves to (0 for the function, a return),
 * with the carried values in the frame's transfer area.
 *
 * <p>Pieces are chosen by the size of the Wasm code, which bounds the size of the bytecode: runs
 * of statements are packed into pieces of at most {@link #LIMIT} bytes; a statement larger than
 * that stays in the main method and the blocks inside it are cut in turn.
 */
final class SplitPlan {
    /** Wasm functions larger than this many bytes are split. */
    static final int THRESHOLD = 8_000;
    /** The most Wasm bytes a piece holds (bytecode grows several times from Wasm code). */
    static final int LIMIT = 4_000;
    /** Blocks inside an oversized statement larger than this are cut into pieces too. */
    static final int MIN_PIECE = 256;

    /**
     * {@code [start, end)} in module offsets; {@code endReachable} is whether code at {@code end} is;
     * {@code exits} holds the frames open at {@code start} (0 the function) that a branch or return
     * inside may leave to, so the call site dispatches on those only and not on every open frame.
     */
    record Piece(int index, int start, int end, boolean endReachable, BitSet exits) {}

    final List<Piece> pieces = new ArrayList<>();
    private final Map<Integer, Piece> byStart = new HashMap<>();

    Piece startingAt(int offset) {
        return byStart.get(offset);
    }

    /** Analyses one function (through the validator, for stack heights) and plans its pieces. */
    static SplitPlan analyze(FunctionDriver driver, int definedIndex, ModuleContext mc) {
        Analyzer a = new Analyzer(mc);
        driver.drive(definedIndex, types -> {
            a.types = types;
            return a;
        });
        SplitPlan plan = new SplitPlan();
        plan.branchOffsets = a.branchOffsets;
        plan.branchTargets = a.branchTargets;
        plan.depthAt = a.depthAt;
        plan.split(a.body.parts.getFirst(), LIMIT, a.reachableAt);
        return plan;
    }

    private static final class Part {
        int from = -1;
        int to;
        final List<Integer> cuts = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
    }

    private static final class Node {
        final int start;
        final int base;
        final List<Part> parts = new ArrayList<>();
        Part current = new Part();

        Node(int start, int base) {
            this.start = start;
            this.base = base;
            parts.add(current);
        }
    }

    /** A part to consider for cutting, with the size above which it is cut. */
    private record Task(Part part, int threshold) {}

    /** Plans the pieces of {@code body}; iterative, because blocks may nest tens of thousands deep. */
    private void split(Part body, int threshold, Map<Integer, Boolean> reachableAt) {
        Deque<Task> work = new ArrayDeque<>();
        work.push(new Task(body, threshold));
        while (!work.isEmpty()) {
            Task t = work.pop();
            splitPart(t.part(), t.threshold(), reachableAt, work);
        }
    }

    private void splitPart(Part p, int threshold, Map<Integer, Boolean> reachableAt, Deque<Task> work) {
        if (p.to - p.from <= threshold) {
            return;
        }
        int pieceStart = -1;
        int prev = -1;
        for (int c : p.cuts) {
            if (prev < 0) {
                recurse(p, p.from, c, work);
            } else if (c - prev > LIMIT) {
                close(pieceStart, prev, reachableAt);
                pieceStart = -1;
                recurse(p, prev, c, work);
            } else if (pieceStart < 0) {
                pieceStart = prev;
            } else if (c - pieceStart > LIMIT) {
                close(pieceStart, prev, reachableAt);
                pieceStart = prev;
            }
            prev = c;
        }
        close(pieceStart, prev, reachableAt);
        recurse(p, prev < 0 ? p.from : prev, p.to, work);
    }

    /** Queues the parts of the blocks that start in {@code [from, to)} of {@code p}. */
    private static void recurse(Part p, int from, int to, Deque<Task> work) {
        for (Node child : p.children) {
            if (child.start >= from && child.start < to) {
                for (Part part : child.parts) {
                    work.push(new Task(part, MIN_PIECE));
                }
            }
        }
    }

    /** Every branch and return in offset order: where it is and the index of the frame it leaves to. */
    private List<Integer> branchOffsets;
    private List<Integer> branchTargets;
    private Map<Integer, Integer> depthAt;

    /** The frames open at {@code start} that branches in {@code [start, end)} leave to. */
    private BitSet exits(int start, int end) {
        int depth = depthAt.getOrDefault(start, 0);
        BitSet out = new BitSet();
        int i = Collections.binarySearch(branchOffsets, start);
        for (i = i < 0 ? -i - 1 : i; i < branchOffsets.size() && branchOffsets.get(i) < end; i++) {
            int target = branchTargets.get(i);
            if (target < depth) {
                out.set(target);
            }
        }
        return out;
    }

    private void close(int start, int end, Map<Integer, Boolean> reachableAt) {
        if (start >= 0 && end > start) {
            Piece piece = new Piece(pieces.size(), start, end, reachableAt.getOrDefault(end, false), exits(start, end));
            pieces.add(piece);
            byStart.put(start, piece);
        }
    }

    /** Records each block's parts, their statement boundaries and nested blocks. */
    private static final class Analyzer extends IgnoringVisitor {
        final ModuleContext mc;
        OperandTypes types;
        final Deque<Node> open = new ArrayDeque<>();
        final Map<Integer, Boolean> reachableAt = new HashMap<>();
        final Map<Integer, Integer> depthAt = new HashMap<>();
        final List<Integer> branchOffsets = new ArrayList<>();
        final List<Integer> branchTargets = new ArrayList<>();
        Node body;
        int offset;

        /** Notes a branch at the current offset with relative {@code label}. */
        private void branchTo(int label) {
            branchOffsets.add(offset);
            branchTargets.add(open.size() - 1 - label);
        }

        Analyzer(ModuleContext mc) {
            this.mc = mc;
        }

        @Override
        public void at(int offset) {
            this.offset = offset;
            boolean reachable = !types.isUnreachable();
            reachableAt.put(offset, reachable);
            if (open.isEmpty()) {
                body = new Node(offset, 0);
                open.push(body);
            }
            depthAt.put(offset, open.size());
            Node n = open.peek();
            if (n.current.from < 0) {
                n.current.from = offset;
            }
            if (reachable && types.height() == n.base) {
                n.current.cuts.add(offset);
            }
        }

        @Override
        public void block(Op op, BlockType type) {
            int params = type instanceof BlockType.Index i ? mc.module.funcType(i.index()).params().size() : 0;
            // A block opened in dead code has no cuts, whatever base it gets here.
            int base = types.height() - (op == Op.IF ? 1 : 0) - params;
            Node n = new Node(offset, base);
            open.peek().current.children.add(n);
            open.push(n);
        }

        @Override
        public void op(Op op) {
            if (op == Op.ELSE) {
                Node n = open.peek();
                n.current.to = offset;
                n.current = new Part();
                n.parts.add(n.current);
            } else if (op == Op.END) {
                open.pop().current.to = offset;
            } else if (op == Op.RETURN) {
                branchTo(open.size() - 1);
            }
        }

        @Override
        public void branch(Op op, int label) {
            branchTo(label);
        }

        @Override
        public void brTable(int[] labels, int defaultLabel) {
            for (int l : labels) {
                branchTo(l);
            }
            branchTo(defaultLabel);
        }
    }
}
