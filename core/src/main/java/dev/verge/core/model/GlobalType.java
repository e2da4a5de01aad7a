package dev.verge.core.model;

/** A global's value type and mutability. */
public record GlobalType(ValType type, boolean mutable) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }
}
