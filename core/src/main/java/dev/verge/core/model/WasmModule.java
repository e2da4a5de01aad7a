package dev.verge.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded module, as the binary format describes it: every section's contents, immutable.
 * Decoding does not validate; {@code dev.verge.core.validate.Validator} does.
 *
 * <p>Index spaces (functions, tables, memories, globals) start with the imports of that kind, then
 * the module's own definitions, as in the spec. The helpers below answer index-space questions so
 * that no consumer recomputes them.
 *
 * @param functions the type index of each function the module defines (the function section)
 * @param start the start function's index, or -1 when there is none
 * @param dataCount the data count section's value, or -1 when it is absent
 * @param codes the bodies of the defined functions (the code section), in order
 */
public record WasmModule(
        List<SubType> types,
        List<Import> imports,
        List<Integer> functions,
        List<TableType> tables,
        List<MemoryType> memories,
        List<Global> globals,
        List<Export> exports,
        int start,
        List<ElementSegment> elements,
        long dataCount,
        List<FunctionBody> codes,
        List<DataSegment> data,
        List<CustomSection> customSections,
        NameSection names) {

    public WasmModule {
        types = List.copyOf(types);
        imports = List.copyOf(imports);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        codes = List.copyOf(codes);
        data = List.copyOf(data);
        customSections = List.copyOf(customSections);
        if (names == null) {
            names = NameSection.EMPTY;
        }
    }

    /** The function type at a type index; the caller has checked that it is one. */
    public FuncType funcType(int typeIndex) {
        return (FuncType) types.get(typeIndex).composite();
    }

    /** Imports of one kind, in order: they are the first entries of that kind's index space. */
    public List<Import> imports(ExternKind kind) {
        List<Import> out = new ArrayList<>();
        for (Import i : imports) {
            if (i.type().kind() == kind) {
                out.add(i);
            }
        }
        return out;
    }

    public int importCount(ExternKind kind) {
        int n = 0;
        for (Import i : imports) {
            if (i.type().kind() == kind) {
                n++;
            }
        }
        return n;
    }

    /** The type index of every function in the function index space, imports first. */
    public List<Integer> functionTypeIndices() {
        List<Integer> out = new ArrayList<>();
        for (Import i : imports) {
            if (i.type() instanceof FuncImport f) {
                out.add(f.typeIndex());
            }
        }
        out.addAll(functions);
        return out;
    }

    /** Every table in the table index space, imports first. */
    public List<TableType> allTables() {
        List<TableType> out = new ArrayList<>();
        for (Import i : imports) {
            if (i.type() instanceof TableType t) {
                out.add(t);
            }
        }
        out.addAll(tables);
        return out;
    }

    /** Every memory in the memory index space, imports first. */
    public List<MemoryType> allMemories() {
        List<MemoryType> out = new ArrayList<>();
        for (Import i : imports) {
            if (i.type() instanceof MemoryType m) {
                out.add(m);
            }
        }
        out.addAll(memories);
        return out;
    }

    /** Every global's type in the global index space, imports first. */
    public List<GlobalType> allGlobals() {
        List<GlobalType> out = new ArrayList<>();
        for (Import i : imports) {
            if (i.type() instanceof GlobalType g) {
                out.add(g);
            }
        }
        for (Global g : globals) {
            out.add(g.type());
        }
        return out;
    }
}
