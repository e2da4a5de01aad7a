package dev.verge.core.validate;

import dev.verge.core.model.ValType;
import java.util.Arrays;

/**
 * A function validator's state at one instruction, to validate the rest of a range from there
 * ({@link FunctionValidator#resume}) without going through the code before it again. Opaque to
 * its users; immutable once taken.
 *
 * <p>Only the operands from a given height up are kept, and heights are rebased to it, so taking
 * a checkpoint costs the operands the resumed code may use, not the whole stack. The control
 * frames are kept whole (a branch may leave to any of them).
 */
public final class ValidatorCheckpoint {
    private final int offset;
    private final int functionIndex;
    private final ValType[] locals;
    private final int localCount;
    private final ValType[] results;
    private final int globalLimit;
    private final ValType[] vals;
    private final FrameKind[] kinds;
    private final ValType[][] starts;
    private final ValType[][] ends;
    private final int[] heights;
    private final boolean[] unreachable;
    private final int floor;
    private final boolean dead;
    private final int height;
    private final int depth;

    ValidatorCheckpoint(FunctionValidator v, int keepFrom) {
        if (keepFrom < 0 || keepFrom > v.height) {
            throw new IllegalArgumentException("keepFrom " + keepFrom + " is not within the stack of height " + v.height);
        }
        this.offset = v.offset;
        this.functionIndex = v.functionIndex;
        this.locals = v.locals;
        this.localCount = v.localCount;
        this.results = v.results;
        this.globalLimit = v.globalLimit;
        this.vals = Arrays.copyOfRange(v.vals, keepFrom, Math.max(v.height, keepFrom + 16));
        int depth = v.depth;
        this.kinds = Arrays.copyOf(v.kinds, depth + 16);
        this.starts = Arrays.copyOf(v.starts, depth + 16);
        this.ends = Arrays.copyOf(v.ends, depth + 16);
        this.unreachable = Arrays.copyOf(v.unreachable, depth + 16);
        this.heights = new int[depth + 16];
        for (int i = 0; i < depth; i++) {
            // A frame entered below keepFrom starts at 0: the resumed code never pops below it.
            heights[i] = Math.max(0, v.heights[i] - keepFrom);
        }
        this.floor = Math.max(0, v.floor - keepFrom);
        this.dead = v.dead;
        this.height = v.height - keepFrom;
        this.depth = depth;
    }

    /** The module offset of the instruction the checkpoint was taken at. */
    int offset() {
        return offset;
    }

    void restore(FunctionValidator v) {
        v.functionIndex = functionIndex;
        v.offset = offset;
        v.locals = locals;
        v.localCount = localCount;
        v.results = results;
        v.globalLimit = globalLimit;
        v.constant = false;
        v.reset();
        v.vals = vals.clone();
        v.height = height;
        v.maxHeight = height;
        v.low = height;
        v.kinds = kinds.clone();
        v.starts = starts.clone();
        v.ends = ends.clone();
        v.heights = heights.clone();
        v.unreachable = unreachable.clone();
        v.depth = depth;
        v.maxDepth = depth;
        v.floor = floor;
        v.dead = dead;
    }
}
