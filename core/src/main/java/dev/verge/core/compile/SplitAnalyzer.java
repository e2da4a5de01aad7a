package dev.verge.core.compile;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * The pass behind {@link SplitPlan}: downstream of the validator, it records for each
 * instruction directly inside a part its offset, the operand height before it, the lowest height
 * it pops to, its estimated bytecode size (a block: what of it stays in the part's method) and
 * whether it is reachable; when a part ends it is planned at once, so the pass is one walk and
 * keeps only the open parts' records.
 */
final class SplitAnalyzer implements InstrVisitor {
    private static final int OFFSET = 0;
    private static final int HEIGHT = 1;
    private static final int LOW = 2;
    private static final int SIZE = 3;
    private static final int REACHABLE = 4;
    private static final int STRIDE = 5;

    /** The instructions of one part, {@link #STRIDE} ints each. */
    private static final class Part {
        int[] rows = new int[STRIDE * 16];
        int count;
        int end;
        int endHeight;
        boolean endReachable;

        int add(int offset, int height, boolean reachable) {
            if ((count + 1) * STRIDE > rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            int at = count * STRIDE;
            rows[at + OFFSET] = offset;
            rows[at + HEIGHT] = height;
            rows[at + LOW] = height;
            rows[at + SIZE] = 0;
            rows[at + REACHABLE] = reachable ? 1 : 0;
            return count++;
        }

        int get(int row, int field) {
            return rows[row * STRIDE + field];
        }
    }

    /** An open block (or the function body). */
    private static final class Node {
        final int base;
        final int labelArity;
        final Part parent;
        final int parentRow;
        final int overhead;
        Part current = new Part();
        /** What of the finished parts stays in the enclosing method. */
        int residual;

        Node(int base, int labelArity, Part parent, int parentRow, int overhead) {
            this.base = base;
            this.labelArity = labelArity;
            this.parent = parent;
            this.parentRow = parentRow;
            this.overhead = overhead;
        }
    }

    private final SplitPlan plan;
    private final ModuleContext mc;
    private final int limit;
    OperandTypes types;
    private final Deque<Node> open = new ArrayDeque<>();
    /** Every branch and return in offset order: where it is and the index of the frame it leaves to. */
    private int[] branchOffsets = new int[64];
    private int[] branchTargets = new int[64];
    private int branches;
    private int offset;
    private boolean reachable;
    /** The row of the instruction being visited (its part is the innermost open one), or -1. */
    private int row = -1;
    private Part rowPart;
    private int maxHeight;
    /** The function's size with its locals in JVM locals: whether to split at all. */
    private long plainSize;

    SplitAnalyzer(SplitPlan plan, ModuleContext mc, int limit) {
        this.plan = plan;
        this.mc = mc;
        this.limit = limit;
        this.minPiece = Math.min(SplitPlan.MIN_PIECE, limit / 4);
    }

    private final int minPiece;

    long plainSize() {
        return plainSize;
    }

    int maxHeight() {
        return maxHeight;
    }

    @Override
    public void at(int offset) {
        if (rowPart != null && rowPart.get(row, REACHABLE) == 1) {
            lower(types.lowestHeight());
        }
        this.offset = offset;
        this.reachable = !types.isUnreachable();
        int height = types.height();
        maxHeight = Math.max(maxHeight, height);
        if (open.isEmpty()) {
            FuncType ft = mc.functionType(mc.currentFunction);
            open.push(new Node(0, ft.results().size(), null, -1, 0));
        }
        rowPart = open.peek().current;
        row = rowPart.add(offset, height, reachable);
    }

    /** The current instruction pops down to {@code height}. */
    private void lower(int height) {
        int at = row * STRIDE + LOW;
        if (height < rowPart.rows[at]) {
            rowPart.rows[at] = height;
        }
    }

    private void size(int framed, int plain) {
        if (reachable) {
            rowPart.rows[row * STRIDE + SIZE] += framed;
            plainSize += plain;
        }
    }

    private void size(Op op) {
        size(BytecodeEstimate.of(op, true), BytecodeEstimate.of(op, false));
    }

    private void branchTo(int label, int carried) {
        if (branches == branchOffsets.length) {
            branchOffsets = Arrays.copyOf(branchOffsets, branches * 2);
            branchTargets = Arrays.copyOf(branchTargets, branches * 2);
        }
        branchOffsets[branches] = offset;
        branchTargets[branches++] = open.size() - 1 - label;
        if (reachable) {
            // A branch drops operands without popping them; only what it carries must be loaded.
            lower(types.height() - carried);
        }
    }

    private int arity(int label) {
        var it = open.iterator();
        for (int i = 0; i < label; i++) {
            it.next();
        }
        return it.next().labelArity;
    }

    @Override
    public void block(Op op, BlockType bt) {
        FuncType ft = switch (bt) {
            case BlockType.Empty e -> FuncType.EMPTY;
            case BlockType.Value v -> new FuncType(List.of(), List.of(v.type()));
            case BlockType.Index i -> mc.module.funcType(i.index());
        };
        int base = types.height() - (op == Op.IF ? 1 : 0) - ft.params().size();
        int overhead = op == Op.LOOP ? BytecodeEstimate.loop(mc.config.interruptible(), mc.config.fuel())
                : BytecodeEstimate.of(op, true);
        // A block in dead code emits nothing; its parts have no reachable instruction either.
        if (!reachable) {
            overhead = 0;
        }
        plainSize += overhead;
        int arity = op == Op.LOOP ? ft.params().size() : ft.results().size();
        open.push(new Node(base, arity, rowPart, row, overhead));
    }

    @Override
    public void op(Op op) {
        if (op == Op.ELSE || op == Op.END) {
            Node n = open.peek();
            Part p = n.current;
            // The else or end closes the part: it is not one of the part's instructions.
            p.count--;
            p.end = offset;
            p.endHeight = types.height();
            p.endReachable = reachable;
            n.residual += planPart(p, n.base);
            rowPart = null;
            if (op == Op.ELSE) {
                n.residual += BytecodeEstimate.of(Op.ELSE, true);
                n.current = new Part();
                return;
            }
            open.pop();
            if (n.parent != null) {
                rowPart = n.parent;
                row = n.parentRow;
                n.parent.rows[row * STRIDE + SIZE] += n.residual + n.overhead;
            }
            return;
        }
        if (op == Op.RETURN) {
            branchTo(open.size() - 1, open.getLast().labelArity);
        }
        size(op);
    }

    @Override
    public void branch(Op op, int label) {
        branchTo(label, op == Op.BR_IF ? arity(label) + 1 : arity(label));
        size(BytecodeEstimate.branch(), BytecodeEstimate.branch());
    }

    @Override
    public void brTable(int[] labels, int defaultLabel) {
        int carried = arity(defaultLabel) + 1;
        for (int l : labels) {
            branchTo(l, carried);
        }
        branchTo(defaultLabel, carried);
        int estimate = BytecodeEstimate.brTable(labels.length, open.size());
        size(estimate, estimate);
    }

    @Override
    public void index(Op op, int index) {
        if (op == Op.CALL) {
            int results = mc.functionType(index).results().size();
            int extra = results > 1 ? BytecodeEstimate.SPILL * results : 0;
            size(BytecodeEstimate.of(op, true) + extra, BytecodeEstimate.of(op, false) + extra);
            return;
        }
        size(op);
    }

    @Override
    public void index2(Op op, int first, int second) {
        size(op);
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        size(op);
    }

    @Override
    public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
        size(op);
    }

    @Override
    public void lane(Op op, int lane) {
        size(op);
    }

    @Override
    public void shuffle(byte[] lanes) {
        size(Op.I8X16_SHUFFLE);
    }

    @Override
    public void i32Const(int value) {
        size(Op.I32_CONST);
    }

    @Override
    public void i64Const(long value) {
        size(Op.I64_CONST);
    }

    @Override
    public void f32Const(int bits) {
        size(Op.F32_CONST);
    }

    @Override
    public void f64Const(long bits) {
        size(Op.F64_CONST);
    }

    @Override
    public void v128Const(long low, long high) {
        size(Op.V128_CONST);
    }

    @Override
    public void selectTyped(List<ValType> selected) {
        size(Op.SELECT_T);
    }

    @Override
    public void refNull(HeapType heap) {
        size(3, 3);
    }

    // ---- planning a part ----

    /**
     * Plans a finished part whose operands start at {@code base}: when its code is estimated over
     * the limit it is tiled into segments. Returns the estimated code that stays in the method of
     * the enclosing block.
     */
    private int planPart(Part p, int base) {
        long total = 0;
        for (int i = 0; i < p.count; i++) {
            total += p.get(i, SIZE);
        }
        if (total <= limit) {
            return (int) total;
        }
        List<Placed> placed = new ArrayList<>();
        int run = -1;
        for (int i = 0; i < p.count; i++) {
            if (p.get(i, SIZE) > limit) {
                // Too large for any piece: it stays in the enclosing method on its own.
                if (run >= 0) {
                    planRun(p, base, run, i, placed);
                    run = -1;
                }
                placed.add(segment(p, base, i, i + 1, false));
            } else if (run < 0) {
                run = i;
            }
        }
        if (run >= 0) {
            planRun(p, base, run, p.count, placed);
        }
        return (int) Math.min(Integer.MAX_VALUE, group(placed, base));
    }

    /** A segment and what it leaves in the method that holds it. */
    private record Placed(SplitPlan.Segment segment, long cost) {}

    /**
     * While the segments of a part leave more than one method can hold (a very long part: one
     * call per piece), groups consecutive ones into pieces of their own. Returns the part's
     * residual size.
     */
    private long group(List<Placed> placed, int base) {
        long residual = placed.stream().mapToLong(Placed::cost).sum();
        while (residual > limit && placed.size() > 1) {
            List<Placed> grouped = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < placed.size(); ) {
                int j = i;
                long sum = 0;
                while (j < placed.size() && (j == i || sum + placed.get(j).cost() <= limit)) {
                    sum += placed.get(j++).cost();
                }
                Placed g = placed.get(i);
                if (j - i > 1) {
                    SplitPlan.Segment first = g.segment();
                    SplitPlan.Segment last = placed.get(j - 1).segment();
                    int low = first.height();
                    for (int k = i; k < j; k++) {
                        low = Math.min(low, placed.get(k).segment().low());
                    }
                    BitSet exits = exits(first.start(), last.end(), open.size());
                    g = new Placed(plan.addPiece(first.start(), last.end(), base, first.height(), low, last.endReachable(), exits, true),
                            BytecodeEstimate.PIECE_CALL + (long) BytecodeEstimate.PIECE_EXIT * exits.cardinality());
                }
                grouped.add(g);
                total += g.cost();
                i = j;
            }
            if (grouped.size() == placed.size()) {
                break;
            }
            placed = grouped;
            residual = total;
        }
        return residual;
    }

    /** Packs rows {@code [from, to)} of {@code p} into pieces, adding them to {@code placed}. */
    private void planRun(Part p, int base, int from, int to, List<Placed> placed) {
        int start = from;
        while (start < to) {
            int startHeight = p.get(start, HEIGHT);
            int low = startHeight;
            long size = 0;
            int end = start;
            int best = -1;
            int bestHeight = Integer.MAX_VALUE;
            while (end < to) {
                int newLow = p.get(end, REACHABLE) == 1 ? Math.min(low, p.get(end, LOW)) : low;
                long newSize = size + p.get(end, SIZE);
                int after = heightAt(p, end + 1);
                int crossing = (startHeight - newLow) + Math.max(0, after - newLow);
                long cost = newSize + (long) BytecodeEstimate.SPILL * crossing;
                if ((cost > limit || crossing > SplitPlan.MAX_CROSSING) && end > start) {
                    break;
                }
                size = newSize;
                low = newLow;
                end++;
                // Prefer cutting where few operands are live, in the second half of the piece.
                if (end < to && reachableAt(p, end) && size >= limit / 2 && heightAt(p, end) <= bestHeight) {
                    best = end;
                    bestHeight = heightAt(p, end);
                }
            }
            int cut = end == to || best < 0 ? end : best;
            placed.add(segment(p, base, start, cut, true));
            start = cut;
        }
    }

    private static int heightAt(Part p, int row) {
        return row < p.count ? p.get(row, HEIGHT) : p.endHeight;
    }

    private static boolean reachableAt(Part p, int row) {
        return row < p.count ? p.get(row, REACHABLE) == 1 : p.endReachable;
    }

    /** Records rows {@code [from, to)} as one segment. */
    private Placed segment(Part p, int base, int from, int to, boolean mayBePiece) {
        int start = p.get(from, OFFSET);
        int end = to < p.count ? p.get(to, OFFSET) : p.end;
        int height = p.get(from, HEIGHT);
        int low = height;
        long size = 0;
        for (int i = from; i < to; i++) {
            size += p.get(i, SIZE);
            if (p.get(i, REACHABLE) == 1) {
                low = Math.min(low, p.get(i, LOW));
            }
        }
        boolean endReachable = reachableAt(p, to);
        long moves = (long) BytecodeEstimate.SPILL * ((height - low) + (endReachable ? Math.max(0, heightAt(p, to) - low) : 0));
        if (!mayBePiece || size < minPiece) {
            return new Placed(plan.addInline(start, end, base, height, low, endReachable), size + moves);
        }
        BitSet exits = exits(start, end, open.size());
        return new Placed(plan.addPiece(start, end, base, height, low, endReachable, exits, false),
                BytecodeEstimate.PIECE_CALL + (long) BytecodeEstimate.PIECE_EXIT * exits.cardinality());
    }

    /** The frames open at {@code start} (there are {@code depth}) that branches in {@code [start, end)} leave to. */
    private BitSet exits(int start, int end, int depth) {
        BitSet out = new BitSet();
        int i = Arrays.binarySearch(branchOffsets, 0, branches, start);
        if (i < 0) {
            i = -i - 1;
        }
        // Several branches (a br_table's labels) share an offset: start at the first.
        while (i > 0 && branchOffsets[i - 1] == start) {
            i--;
        }
        for (; i < branches && branchOffsets[i] < end; i++) {
            if (branchTargets[i] < depth) {
                out.set(branchTargets[i]);
            }
        }
        return out;
    }
}
