package dev.verge.core.validate;

import static dev.verge.core.validate.ValidationAssertions.I32;
import static dev.verge.core.validate.ValidationAssertions.NO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.instr.IgnoringVisitor;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Validator#validateWith}: the compiler validates bodies as it reads them, and the module
 * ends up exactly as validated, with the same first error, as by {@link Validator#validate}.
 */
class ValidateWithTest {
    private static final int I32_CONST = 0x41;
    private static final int DROP = 0x1A;
    private static final int NOP = 0x01;

    /** A valid function, an invalid one (a dropped nothing), and an export of an unknown function. */
    private static WasmModule invalidTwice() {
        return TestModule.module()
                .func(NO, I32_CONST, 1, DROP)
                .func(NO, DROP)
                .export(new Export("x", ExternKind.FUNC, 9))
                .build();
    }

    private static String reason(Runnable r) {
        return assertThrows(InvalidModuleException.class, r::run).reason();
    }

    @Test
    void bodiesTheCallerSkipsAreValidatedAfterwards() {
        WasmModule m = invalidTwice();
        String expected = reason(() -> Validator.validate(m));
        assertEquals(expected, reason(() -> Validator.validateWith(m, ValidatorLimits.DEFAULT, v -> null)));
    }

    @Test
    void aBodyErrorWinsOverTheCallersOwnFailure() {
        WasmModule m = invalidTwice();
        String expected = reason(() -> Validator.validate(m));
        // The caller reads function 0, then fails as a compiler might: the invalid body is still reported.
        assertEquals(expected, reason(() -> Validator.validateWith(m, ValidatorLimits.DEFAULT, v -> {
            FunctionValidator.run(v, 0, f -> new IgnoringVisitor() {});
            throw new UnsupportedOperationException("cannot compile");
        })));
    }

    @Test
    void bodiesTheCallerValidatesCountWithTheirHighWaterMarks() {
        WasmModule m = TestModule.module().func(I32, I32_CONST, 7).func(NO, NOP).build();
        List<Integer> read = new ArrayList<>();
        ValidModule valid = Validator.validateWith(m, ValidatorLimits.DEFAULT, v -> {
            for (int i = 0; i < 2; i++) {
                int index = i;
                FunctionValidator.run(v, i, f -> new IgnoringVisitor() {
                    private boolean started;

                    @Override
                    public void at(int offset) {
                        if (!started) {
                            started = true;
                            read.add(index);
                        }
                    }
                });
            }
            return v;
        });
        assertEquals(List.of(0, 1), read);
        assertEquals(1, valid.maxOperandHeight(0));
        assertSame(m, valid.module());
    }

    @Test
    void aFailureOfAValidModulesCallerIsTheCallers() {
        WasmModule m = TestModule.module().func(NO, NOP).build();
        IllegalStateException e = new IllegalStateException("boom");
        assertSame(e, assertThrows(IllegalStateException.class, () -> Validator.validateWith(m, ValidatorLimits.DEFAULT, v -> {
            throw e;
        })));
    }
}
