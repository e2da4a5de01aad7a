package dev.verge.core.validate;

/**
 * What opened a control frame. A branch to a {@link #LOOP} frame carries the loop's parameters
 * (it jumps back to the start); a branch to any other frame carries its results.
 */
public enum FrameKind {
    /** The implicit outermost frame of a function body; a branch to it is a return. */
    FUNCTION,
    BLOCK,
    LOOP,
    /** The then-arm of an {@code if}; at its {@code end} without an {@code else}. */
    IF,
    /** The else-arm of an {@code if}, after its {@code else}. */
    ELSE
}
