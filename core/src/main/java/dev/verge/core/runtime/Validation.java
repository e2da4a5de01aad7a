package dev.verge.core.runtime;

import dev.verge.core.compile.FunctionDriver;
import dev.verge.core.compile.OperandTypes;
import dev.verge.core.model.ValType;
import dev.verge.core.validate.FunctionValidator;
import dev.verge.core.validate.ValidModule;

/**
 * Connects the compiler to the validator: each function is fed through a {@link FunctionValidator},
 * whose view of the operand stack the compiler reads instead of keeping its own.
 */
final class Validation {
    private Validation() {}

    static FunctionDriver driver(ValidModule module) {
        return (definedIndex, downstream) -> FunctionValidator.run(module, definedIndex, v -> downstream.apply(new OperandTypes() {
            @Override
            public ValType operandType(int depth) {
                return v.operandType(depth);
            }

            @Override
            public int height() {
                return v.operandHeight();
            }

            @Override
            public boolean isUnreachable() {
                return v.isUnreachable();
            }
        }));
    }
}
