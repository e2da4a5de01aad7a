package dev.verge.core.validate;

import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.VecType;
import java.util.Arrays;
import java.util.List;

/**
 * The operand and control stacks of the spec's validation algorithm (appendix "Validation
 * Algorithm"), as flat arrays that are reused from one instruction to the next, so that checking
 * an instruction allocates nothing.
 *
 * <p>A null operand type is the algorithm's {@code Unknown}: a value that only exists in
 * unreachable code, produced by popping below a frame after {@code unreachable}, {@code br},
 * {@code br_table} or {@code return}.
 *
 * <p>Checking and changing the stacks are separate steps ({@link #check} then {@link #pop}),
 * because the function validator forwards each instruction to its downstream visitor between the
 * two, while the operands are still on the stack for the downstream to inspect.
 */
abstract class TypeStacks {
    static final ValType[] NONE = new ValType[0];

    private final int maxOperands;
    private final int maxControl;

    ValType[] vals;
    int height;
    int maxHeight;
    /**
     * The lowest {@link #height} that {@link #pop} has left since the function validator last
     * reset it (at each instruction): how deep the current instruction reached into the stack.
     */
    int low;

    FrameKind[] kinds;
    ValType[][] starts;
    ValType[][] ends;
    int[] heights;
    boolean[] unreachable;
    /** The number of open frames; the current one is at {@code depth - 1}. */
    int depth;
    int maxDepth;
    /**
     * The current frame's height and unreachable flag, copied out of the arrays because nearly
     * every instruction reads them.
     */
    int floor;
    boolean dead;

    /** Where errors are reported: the function index (or -1) and the current instruction offset. */
    int functionIndex = -1;
    int offset = -1;

    TypeStacks(int maxOperands, int maxControl) {
        this.maxOperands = maxOperands;
        this.maxControl = maxControl;
        // Never larger than the limits, so that growing is where the limits are enforced.
        vals = new ValType[Math.min(64, maxOperands)];
        int frames = Math.min(16, maxControl);
        kinds = new FrameKind[frames];
        starts = new ValType[frames][];
        ends = new ValType[frames][];
        heights = new int[frames];
        unreachable = new boolean[frames];
    }

    final InvalidModuleException error(String reason) {
        return new InvalidModuleException(reason, functionIndex, offset);
    }

    /** Resets both stacks for a new function. */
    final void reset() {
        height = 0;
        maxHeight = 0;
        depth = 0;
        maxDepth = 0;
    }

    // ---- operands ----

    /** Whether a value of type {@code actual} may be used where {@code expected} is required. */
    static boolean matches(ValType actual, ValType expected) {
        // Number and vector types are singletons; only reference types need equals (and, with
        // Wasm 3.0, subtyping).
        return actual == expected || actual == null || expected == null || actual.equals(expected);
    }

    /**
     * Checks that the operands {@code skip} places below the top of the stack have the types
     * {@code expected} (bottom first), as {@code pop_vals} would, without changing the stack.
     */
    final void check(ValType[] expected, int skip) {
        int n = expected.length;
        int base = height - skip - n;
        if (base >= floor) {
            // Fast path: every operand is a real stack entry of this frame.
            for (int i = 0; i < n; i++) {
                ValType actual = vals[base + i];
                ValType want = expected[i];
                if (actual != want && !matches(actual, want)) {
                    throw mismatch(expected, skip);
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int at = base + i;
            if (at < floor) {
                if (!dead) {
                    throw mismatch(expected, skip);
                }
            } else if (!matches(vals[at], expected[i])) {
                throw mismatch(expected, skip);
            }
        }
    }

    /** Checks one operand, {@code fromTop} places below the top. */
    final void check1(ValType expected, int fromTop) {
        int at = height - 1 - fromTop;
        if (at >= floor) {
            ValType actual = vals[at];
            if (actual != expected && !matches(actual, expected)) {
                throw mismatch(new ValType[] {expected}, fromTop);
            }
        } else if (!dead) {
            throw mismatch(new ValType[] {expected}, fromTop);
        }
    }

    /** Requires that {@code count} operands are available below {@code skip} others. */
    final void checkAvailable(int count, int skip) {
        if (height - skip - count < floor && !dead) {
            ValType[] unknown = new ValType[count];
            throw mismatch(unknown, skip);
        }
    }

    /**
     * The type {@code fromTop} places below the top of the stack, or null when it is unknown (only
     * in unreachable code, where popping below the frame yields unknown values).
     */
    final ValType peek(int fromTop) {
        int at = height - 1 - fromTop;
        return at >= floor ? vals[at] : null;
    }

    /** Pops {@code n} operands already checked; in unreachable code the frame's floor stops it. */
    final void pop(int n) {
        int h = height - n;
        height = h < floor ? floor : h;
        if (height < low) {
            low = height;
        }
    }

    final void push(ValType t) {
        if (height == vals.length) {
            growOperands(1);
        }
        vals[height++] = t;
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    final void push(ValType[] ts) {
        int n = ts.length;
        if (height + n > vals.length) {
            growOperands(n);
        }
        // Most signatures have zero or one result: a loop beats arraycopy's call overhead.
        int h = height;
        for (int i = 0; i < n; i++) {
            vals[h + i] = ts[i];
        }
        height = h + n;
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    private void growOperands(int more) {
        if ((long) height + more > maxOperands) {
            throw error("operand stack exceeds the limit of " + maxOperands);
        }
        int size = (int) Math.min(maxOperands, Math.max((long) vals.length * 2, (long) height + more));
        vals = Arrays.copyOf(vals, size);
    }

    // ---- control frames ----

    /** Opens a frame: the operands {@code start} are already popped; they are pushed back. */
    final void pushFrame(FrameKind kind, ValType[] start, ValType[] end) {
        if (depth == kinds.length) {
            if (depth >= maxControl) {
                throw error("control nesting exceeds the limit of " + maxControl);
            }
            int size = (int) Math.min(maxControl, (long) depth * 2);
            kinds = Arrays.copyOf(kinds, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            heights = Arrays.copyOf(heights, size);
            unreachable = Arrays.copyOf(unreachable, size);
        }
        kinds[depth] = kind;
        starts[depth] = start;
        ends[depth] = end;
        heights[depth] = height;
        unreachable[depth] = false;
        floor = height;
        dead = false;
        depth++;
        if (depth > maxDepth) {
            maxDepth = depth;
        }
        push(start);
    }

    /** The spec's {@code unreachable()}: drops the frame's operands and makes its stack polymorphic. */
    final void markUnreachable() {
        height = floor;
        unreachable[depth - 1] = true;
        dead = true;
    }

    /** Closes the current frame, leaving the stack at its entry height. */
    final void popFrame() {
        height = floor;
        depth--;
        if (depth > 0) {
            floor = heights[depth - 1];
            dead = unreachable[depth - 1];
        }
    }

    /** The types a branch to {@code label} carries (the label must exist). */
    final ValType[] labelArray(int label) {
        int f = depth - 1 - label;
        return kinds[f] == FrameKind.LOOP ? starts[f] : ends[f];
    }

    /**
     * Checks that the current frame ends with exactly its result types on the stack, as
     * {@code pop_ctrl} does.
     */
    final void checkFrameEnd() {
        int f = depth - 1;
        ValType[] end = ends[f];
        check(end, 0);
        if (height - floor > end.length) {
            throw error("type mismatch: block requires " + describe(end) + " but stack has "
                    + describeTop(height - floor));
        }
    }

    // ---- messages ----

    final InvalidModuleException mismatch(ValType[] expected, int skip) {
        int available = Math.max(0, Math.min(expected.length, height - skip - floor));
        StringBuilder has = new StringBuilder("[");
        for (int i = 0; i < available; i++) {
            if (i > 0) {
                has.append(' ');
            }
            has.append(name(vals[height - skip - available + i]));
        }
        has.append(']');
        return error("type mismatch: instruction requires " + describe(expected) + " but stack has " + has);
    }

    final String describeTop(int count) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(name(vals[height - count + i]));
        }
        return sb.append(']').toString();
    }

    static String describe(ValType[] types) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(name(types[i]));
        }
        return sb.append(']').toString();
    }

    static String describe(List<ValType> types) {
        return describe(types.toArray(new ValType[0]));
    }

    static String name(ValType t) {
        return t == null ? "_" : t.text();
    }

    static boolean isNumOrVec(ValType t) {
        return t == null || t instanceof NumType || t instanceof VecType;
    }
}
