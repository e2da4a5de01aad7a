package dev.verge.core.model;

/** An imported function, typed by an index into the type section. */
public record FuncImport(int typeIndex) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.FUNC;
    }
}
