package dev.verge.core.runtime;

import dev.verge.core.compile.FunctionDriver;
import dev.verge.core.compile.OperandTypes;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.model.ValType;
import dev.verge.core.validate.FunctionValidator;
import dev.verge.core.validate.ValidModule;
import dev.verge.core.validate.ValidatorCheckpoint;
import java.util.function.Function;

/**
 * Connects the compiler to the validator: each function is fed through a {@link FunctionValidator},
 * whose view of the operand stack the compiler reads instead of keeping its own.
 */
final class Validation {
    private Validation() {}

    /** A checkpoint and the height its resumed validator counts from. */
    private record Token(ValidatorCheckpoint checkpoint, int keepFrom) {}

    static FunctionDriver driver(ValidModule module) {
        return new FunctionDriver() {
            @Override
            public void drive(int definedIndex, Function<OperandTypes, InstrVisitor> downstream) {
                FunctionValidator.run(module, definedIndex, v -> downstream.apply(types(v, 0)));
            }

            @Override
            public void resume(int definedIndex, Object checkpoint, int to, Function<OperandTypes, InstrVisitor> downstream) {
                Token t = (Token) checkpoint;
                FunctionValidator.resume(module, definedIndex, t.checkpoint(), to, v -> downstream.apply(types(v, t.keepFrom())));
            }
        };
    }

    /** The validator's answers, heights shifted by {@code shift} (a resumed validator counts from there). */
    private static OperandTypes types(FunctionValidator v, int shift) {
        return new OperandTypes() {
            @Override
            public ValType operandType(int depth) {
                return v.operandType(depth);
            }

            @Override
            public int height() {
                return v.operandHeight() + shift;
            }

            @Override
            public boolean isUnreachable() {
                return v.isUnreachable();
            }

            @Override
            public int lowestHeight() {
                return v.lowestHeight() + shift;
            }

            @Override
            public Object checkpoint(int keepFrom) {
                return new Token(v.checkpoint(keepFrom - shift), keepFrom);
            }
        };
    }
}
