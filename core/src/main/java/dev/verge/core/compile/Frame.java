package dev.verge.core.compile;

import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import java.lang.classfile.Label;
import java.util.List;

/** An open block, loop, if, or the function body itself (kind null). */
final class Frame {
    final Op kind;
    /** The position in the list of open frames: what split methods name as a branch target. */
    int index;
    final Label target;
    final Label elseLabel;
    final List<ValType> params;
    final List<ValType> results;
    final int base;
    final boolean startReachable;
    /**
     * The types of the enclosing frame's operands below this frame's base, bottom first: the
     * validator answers only for the innermost frame, so a branch out of several frames reads
     * the operands it must drop from here.
     */
    List<ValType> entryTypes = List.of();
    /** The height of the first of {@link #entryTypes}: the enclosing frame's operands below it are in the frame arrays. */
    int entryFrom;
    /**
     * In a tiled part (see {@link SplitPlan}): how many of this frame's operands, from its base
     * up, are in the frame arrays' stack area rather than on the JVM stack.
     */
    int spilled;
    /** The inline segment of this frame's part being emitted, or null. */
    SplitPlan.Segment segment;
    boolean branched;
    boolean hasElse;
    /** Whether a branch to this frame's end arrives with a stale memory array ({@link MemoryEmitter#fresh()}). */
    boolean memoryStale;
    /** For an {@code if}: whether the memory array was current at the {@code if} (where its else starts). */
    boolean memoryFreshAtEntry;

    Frame(Op kind, Label target, Label elseLabel, List<ValType> params, List<ValType> results, int base, boolean startReachable) {
        this.kind = kind;
        this.target = target;
        this.elseLabel = elseLabel;
        this.params = params;
        this.results = results;
        this.base = base;
        this.startReachable = startReachable;
    }

    /** A copy without labels, for a piece method that starts inside this frame. */
    Frame copyForPiece() {
        Frame f = new Frame(kind, null, null, params, results, base, startReachable);
        f.index = index;
        f.entryTypes = entryTypes;
        f.entryFrom = entryFrom;
        return f;
    }

    List<ValType> labelTypes() {
        return kind == Op.LOOP ? params : results;
    }
}
