package dev.verge.cli;

import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;

/**
 * How {@code verge run --invoke} prints a result, as {@code wasmtime run --invoke}: integers in
 * signed decimal, floats as Java prints them, references by kind.
 */
final class ResultFormat {
    private ResultFormat() {}

    static String format(ValType type, Object value) {
        if (type instanceof NumType) {
            return String.valueOf(value);
        }
        return value == null ? "null" : type.toString();
    }
}
