package dev.verge.core.model;

/** The type of an import: what the importing module requires of the thing it is given. */
public sealed interface ExternType permits FuncImport, TableType, MemoryType, GlobalType {
    ExternKind kind();
}
