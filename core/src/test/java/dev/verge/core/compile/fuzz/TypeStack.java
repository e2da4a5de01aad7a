package dev.verge.core.compile.fuzz;

import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The validator's view of a function being generated: the operand types and the open control
 * frames. After an unconditional branch a frame is unreachable and its stack is polymorphic: an
 * operand missing below the frame's height counts as present ("phantom"), as in the spec's
 * validation algorithm, so the generator exercises dead code the way real producers emit it.
 */
final class TypeStack {
    /** One open {@code block}, {@code loop}, {@code if} or the function itself (a {@code block}). */
    static final class Frame {
        final Op kind;
        final List<ValType> params;
        final List<ValType> results;
        final int height;
        boolean unreachable;
        boolean hasElse;

        Frame(Op kind, List<ValType> params, List<ValType> results, int height) {
            this.kind = kind;
            this.params = List.copyOf(params);
            this.results = List.copyOf(results);
            this.height = height;
        }

        /** The types a branch to this frame carries: a loop's parameters, else its results. */
        List<ValType> labelTypes() {
            return kind == Op.LOOP ? params : results;
        }
    }

    private final List<ValType> values = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();

    int size() {
        return values.size();
    }

    int depth() {
        return frames.size();
    }

    Frame top() {
        return frames.getLast();
    }

    /** The frame a branch with label {@code depth} targets. */
    Frame frame(int depth) {
        return frames.get(frames.size() - 1 - depth);
    }

    /** How many real operands the innermost frame has. */
    int available() {
        return values.size() - top().height;
    }

    /** The type {@code i} places below the top (0 is the top), or null when it is not a real operand. */
    ValType peek(int i) {
        return i < available() ? values.get(values.size() - 1 - i) : null;
    }

    /** The type at {@code height + i} in the innermost frame. */
    ValType fromBottom(int i) {
        return values.get(top().height + i);
    }

    /** Whether the top of the stack holds {@code need} (last element on top), phantoms counting when unreachable. */
    boolean matches(List<ValType> need) {
        int available = available();
        int n = need.size();
        for (int i = 0; i < n; i++) {
            if (i >= available) {
                return top().unreachable;
            }
            if (!values.get(values.size() - 1 - i).equals(need.get(n - 1 - i))) {
                return false;
            }
        }
        return true;
    }

    void push(ValType t) {
        values.add(t);
    }

    void push(List<ValType> ts) {
        values.addAll(ts);
    }

    /** Pops {@code n} operands; phantoms take nothing away. */
    void pop(int n) {
        int k = Math.min(n, available());
        for (int i = 0; i < k; i++) {
            values.removeLast();
        }
    }

    /** Opens a frame whose parameters are already on top of the stack (they move into the frame). */
    Frame open(Op kind, List<ValType> params, List<ValType> results) {
        if (!frames.isEmpty()) {
            pop(params.size());
        }
        Frame f = new Frame(kind, params, results, values.size());
        frames.add(f);
        push(params);
        return f;
    }

    /** Starts the else arm of the innermost {@code if}. */
    void startElse() {
        Frame f = top();
        truncate(f.height);
        push(f.params);
        f.hasElse = true;
        f.unreachable = false;
    }

    /** Closes the innermost frame, leaving its results on the enclosing one. */
    Frame close() {
        Frame f = frames.removeLast();
        truncate(f.height);
        push(f.results);
        return f;
    }

    /** After {@code br}, {@code return}, {@code unreachable}: the rest of the frame is dead. */
    void markUnreachable() {
        truncate(top().height);
        top().unreachable = true;
    }

    private void truncate(int height) {
        while (values.size() > height) {
            values.removeLast();
        }
    }
}
