package dev.verge.core.model;

/**
 * How an element or data segment is used: copied into a table or memory at instantiation
 * (active), kept for {@code table.init}/{@code memory.init} (passive), or only declaring function
 * references (declarative, element segments only).
 */
public sealed interface SegmentMode {
    record Passive() implements SegmentMode {}

    record Declarative() implements SegmentMode {}

    /** Active in table or memory {@code index} at the offset the expression computes. */
    record Active(int index, Expr offset) implements SegmentMode {}

    SegmentMode PASSIVE = new Passive();
    SegmentMode DECLARATIVE = new Declarative();
}
