package dev.verge.core.model;

/** A table: its element reference type and its size limits (64-bit when {@code is64}, Wasm 3.0). */
public record TableType(RefType element, Limits limits, boolean is64) implements ExternType {
    public TableType(RefType element, Limits limits) {
        this(element, limits, false);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
