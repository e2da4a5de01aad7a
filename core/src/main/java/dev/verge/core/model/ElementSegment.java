package dev.verge.core.model;

import java.util.List;

/**
 * An element segment. Its items are either function indices (the compact binary forms) or
 * constant expressions (the general forms); exactly one of the two lists is non-empty or both
 * are empty, and {@link #usesExpressions()} tells which encoding was read, so that encoding it back
 * is faithful.
 */
public record ElementSegment(
        RefType type, SegmentMode mode, List<Integer> functionIndices, List<Expr> expressions, boolean usesExpressions) {
    public ElementSegment {
        functionIndices = List.copyOf(functionIndices);
        expressions = List.copyOf(expressions);
    }

    public int size() {
        return usesExpressions ? expressions.size() : functionIndices.size();
    }
}
