package dev.verge.core.compile;

import dev.verge.core.instr.InstrVisitor;
import java.util.function.Function;

/**
 * Feeds one defined function's instructions, through the validator, to a downstream visitor built
 * from the validator's view of the operand stack.
 */
public interface FunctionDriver {
    void drive(int definedIndex, Function<OperandTypes, InstrVisitor> downstream);

    /**
     * Feeds the instructions from where {@code checkpoint} was taken up to module offset
     * {@code to}, the last call being {@code at(to)}: one piece of a split function, validated
     * from the checkpoint rather than from the function's start. Heights are the function's.
     */
    void resume(int definedIndex, Object checkpoint, int to, Function<OperandTypes, InstrVisitor> downstream);
}
