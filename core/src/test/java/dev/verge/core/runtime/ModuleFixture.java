package dev.verge.core.runtime;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.binary.WasmWriter;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds modules for engine tests: the model by hand, function bodies written through the binary
 * encoder's {@link CodeWriter} (the final {@code end} is appended). Function indices count imports
 * first, as in the spec.
 */
final class ModuleFixture {
    private final List<SubType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functions = new ArrayList<>();
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<dev.verge.core.model.Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<FunctionBody> codes = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final Map<Integer, String> names = new HashMap<>();
    private int start = -1;

    static FuncType sig(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    int type(FuncType t) {
        int i = types.indexOf(SubType.of(t));
        if (i >= 0) {
            return i;
        }
        types.add(SubType.of(t));
        return types.size() - 1;
    }

    /** Imports a function; returns its function index. Call before defining functions. */
    int importFunction(String module, String name, FuncType t) {
        imports.add(new Import(module, name, new dev.verge.core.model.FuncImport(type(t))));
        return (int) imports.stream().filter(i -> i.type().kind() == ExternKind.FUNC).count() - 1;
    }

    ModuleFixture importMemory(String module, String name, MemoryType t) {
        imports.add(new Import(module, name, t));
        return this;
    }

    ModuleFixture importTable(String module, String name, TableType t) {
        imports.add(new Import(module, name, t));
        return this;
    }

    ModuleFixture importGlobal(String module, String name, GlobalType t) {
        imports.add(new Import(module, name, t));
        return this;
    }

    /** Defines a function; returns its function index. */
    int func(FuncType t, List<ValType> locals, Consumer<CodeWriter> body) {
        functions.add(type(t));
        List<Locals> runs = new ArrayList<>();
        for (ValType l : locals) {
            runs.add(new Locals(1, l));
        }
        codes.add(new FunctionBody(runs, expr(body)));
        return functionCount() - 1;
    }

    int func(FuncType t, Consumer<CodeWriter> body) {
        return func(t, List.of(), body);
    }

    int functionCount() {
        int imported = (int) imports.stream().filter(i -> i.type().kind() == ExternKind.FUNC).count();
        return imported + functions.size();
    }

    ModuleFixture exportFunction(String name, int index) {
        exports.add(new Export(name, ExternKind.FUNC, index));
        return this;
    }

    ModuleFixture name(int function, String name) {
        names.put(function, name);
        return this;
    }

    ModuleFixture memory(MemoryType t, String exportName) {
        memories.add(t);
        if (exportName != null) {
            exports.add(new Export(exportName, ExternKind.MEMORY, memories.size() - 1));
        }
        return this;
    }

    ModuleFixture table(TableType t, String exportName) {
        tables.add(t);
        if (exportName != null) {
            exports.add(new Export(exportName, ExternKind.TABLE, tables.size() - 1));
        }
        return this;
    }

    ModuleFixture global(GlobalType t, Consumer<CodeWriter> init, String exportName) {
        globals.add(new dev.verge.core.model.Global(t, expr(init)));
        if (exportName != null) {
            int imported = (int) imports.stream().filter(i -> i.type().kind() == ExternKind.GLOBAL).count();
            exports.add(new Export(exportName, ExternKind.GLOBAL, imported + globals.size() - 1));
        }
        return this;
    }

    ModuleFixture activeData(int memory, int offset, byte[] bytes) {
        data.add(new DataSegment(new SegmentMode.Active(memory, expr(c -> c.i32Const(offset))), Bytes.copyOf(bytes)));
        return this;
    }

    ModuleFixture passiveData(byte[] bytes) {
        data.add(new DataSegment(SegmentMode.PASSIVE, Bytes.copyOf(bytes)));
        return this;
    }

    ModuleFixture activeElements(int table, int offset, List<Integer> functionIndices) {
        elements.add(new ElementSegment(ValType.FUNCREF, new SegmentMode.Active(table, expr(c -> c.i32Const(offset))),
                functionIndices, List.of(), false));
        return this;
    }

    ModuleFixture start(int function) {
        start = function;
        return this;
    }

    static Expr expr(Consumer<CodeWriter> code) {
        WasmWriter w = new WasmWriter();
        CodeWriter c = new CodeWriter(w);
        code.accept(c);
        c.op(Op.END);
        return new Expr(Bytes.copyOf(w.toByteArray()), 0);
    }

    WasmModule build() {
        long dataCount = data.isEmpty() ? -1 : data.size();
        return new WasmModule(types, imports, functions, tables, memories, globals, exports, start, elements,
                dataCount, codes, data, List.<CustomSection>of(), new NameSection(null, names, Map.of()));
    }

    CompiledModule compile() {
        return new Engine().compile(build());
    }

    Instance instantiate() {
        return new Linker().instantiate(compile());
    }
}
