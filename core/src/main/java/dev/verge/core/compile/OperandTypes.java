package dev.verge.core.compile;

import dev.verge.core.model.ValType;

/**
 * What the compiler asks the validator about the operand stack while it emits code. The validator
 * runs ahead of the compiler in the visitor chain and answers for the state just before the
 * current instruction takes effect, so the compiler keeps no type stack of its own.
 */
public interface OperandTypes {
    /** The type of the operand {@code depth} values below the top (0 is the top). */
    ValType operandType(int depth);

    /** How many operands the function's stack holds, over all open blocks. */
    int height();

    /** Whether the current instruction is dead code (after a branch, return or unreachable). */
    boolean isUnreachable();

    /**
     * Read in {@code at}: the lowest height the previous instruction popped the stack down to (its
     * height before it, if it popped nothing). Branches that make code unreachable do not count.
     */
    int lowestHeight();

    /**
     * Read in {@code at}: an opaque token from which {@link FunctionDriver#resume} validates the
     * code from the current instruction on, keeping only the operands from height
     * {@code keepFrom} up (the resumed code must not pop below it).
     */
    Object checkpoint(int keepFrom);
}
