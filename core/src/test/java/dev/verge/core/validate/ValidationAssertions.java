package dev.verge.core.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.ValType;
import java.util.List;

/** Assertions shared by the validator tests. */
final class ValidationAssertions {
    static final List<ValType> NO = List.of();
    static final List<ValType> I32 = List.of(ValType.I32);
    static final List<ValType> I64 = List.of(ValType.I64);

    private ValidationAssertions() {}

    static ValidModule assertValid(TestModule module) {
        return assertDoesNotThrow(module::validate);
    }

    /** The module is rejected and the reason starts with the spec's wording {@code reason}. */
    static InvalidModuleException assertInvalid(String reason, TestModule module) {
        InvalidModuleException e = assertThrows(InvalidModuleException.class, module::validate);
        assertTrue(e.reason().startsWith(reason), () -> "expected '" + reason + "' but got '" + e.reason() + "'");
        return e;
    }

    /** A {@code [] -> results} function with this body is valid. */
    static void validBody(List<ValType> results, int... body) {
        assertValid(TestModule.module().func(results, body));
    }

    /** A {@code [] -> results} function with this body is rejected for {@code reason}. */
    static InvalidModuleException invalidBody(String reason, List<ValType> results, int... body) {
        return assertInvalid(reason, TestModule.module().func(results, body));
    }
}
