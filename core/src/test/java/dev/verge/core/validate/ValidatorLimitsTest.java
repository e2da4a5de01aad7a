package dev.verge.core.validate;

import static dev.verge.core.validate.ValidationAssertions.NO;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Configurable bounds turn would-be resource exhaustion into a clear invalid-module error. */
class ValidatorLimitsTest {
    /** A body pushing {@code n} i32 constants then dropping them all. */
    private static WasmModule deepStack(int n) {
        int[] body = new int[n * 3];
        for (int i = 0; i < n; i++) {
            body[2 * i] = 0x41;
            body[2 * i + 1] = 0;
            body[2 * n + i] = 0x1A;
        }
        return TestModule.module().func(NO, body).build();
    }

    /** {@code n} nested empty blocks. */
    private static WasmModule deepNesting(int n) {
        int[] body = new int[n * 3];
        for (int i = 0; i < n; i++) {
            body[2 * i] = 0x02;
            body[2 * i + 1] = 0x40;
            body[2 * n + i] = 0x0B;
        }
        return TestModule.module().func(NO, body).build();
    }

    @Test
    void operandStackLimit() {
        ValidatorLimits limits = ValidatorLimits.DEFAULT.withMaxOperandStack(100);
        assertEquals(100, Validator.validate(deepStack(100), limits).maxOperandHeight(0));
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> Validator.validate(deepStack(101), limits));
        assertTrue(e.reason().contains("operand stack"), e.reason());
        // below the initial capacity too
        ValidatorLimits tiny = ValidatorLimits.DEFAULT.withMaxOperandStack(3);
        assertThrows(InvalidModuleException.class, () -> Validator.validate(deepStack(4), tiny));
    }

    @Test
    void controlNestingLimit() {
        ValidatorLimits limits = ValidatorLimits.DEFAULT.withMaxControlDepth(50);
        // the function's own frame counts
        assertEquals(50, Validator.validate(deepNesting(49), limits).maxControlDepth(0));
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> Validator.validate(deepNesting(50), limits));
        assertTrue(e.reason().contains("control nesting"), e.reason());
        ValidatorLimits tiny = ValidatorLimits.DEFAULT.withMaxControlDepth(2);
        assertDoesNotThrow(() -> Validator.validate(deepNesting(1), tiny));
        assertThrows(InvalidModuleException.class, () -> Validator.validate(deepNesting(2), tiny));
    }

    @Test
    void localsLimitCountsParameters() {
        WasmModule m = TestModule.module()
                .func(ValidationAssertions.I32, NO, Collections.nCopies(9, ValType.I64))
                .build();
        assertDoesNotThrow(() -> Validator.validate(m, ValidatorLimits.DEFAULT.withMaxLocals(10)));
        InvalidModuleException e = assertThrows(InvalidModuleException.class,
                () -> Validator.validate(m, ValidatorLimits.DEFAULT.withMaxLocals(9)));
        assertEquals("too many locals", e.reason());
        WasmModule manyParams = TestModule.module().func(Collections.nCopies(5, ValType.I32), NO, NO).build();
        assertThrows(InvalidModuleException.class, () -> Validator.validate(manyParams, ValidatorLimits.DEFAULT.withMaxLocals(4)));
    }

    @Test
    void defaultsAreWasm2_0() {
        assertEquals(Features.WASM_2_0, ValidatorLimits.DEFAULT.features());
        assertThrows(IllegalArgumentException.class, () -> ValidatorLimits.DEFAULT.withMaxOperandStack(0));
    }
}
