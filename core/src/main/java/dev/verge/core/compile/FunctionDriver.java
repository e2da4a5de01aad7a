package dev.verge.core.compile;

import dev.verge.core.instr.InstrVisitor;
import java.util.function.Function;

/**
 * Feeds one defined function's instructions, through the validator, to a downstream visitor built
 * from the validator's view of the operand stack.
 */
@FunctionalInterface
public interface FunctionDriver {
    void drive(int definedIndex, Function<OperandTypes, InstrVisitor> downstream);
}
