package dev.verge.core.validate;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.Import;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link WasmModule}s for validator tests: the model by hand, instruction bytes
 * hand-encoded (each body and expression gets its final {@code end} appended).
 */
final class TestModule {
    private final List<SubType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functions = new ArrayList<>();
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<FunctionBody> codes = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private int start = -1;

    static TestModule module() {
        return new TestModule();
    }

    TestModule type(List<ValType> params, List<ValType> results) {
        types.add(SubType.of(new FuncType(params, results)));
        return this;
    }

    /** A function of a new type {@code params -> results} with these locals and body bytes. */
    TestModule func(List<ValType> params, List<ValType> results, List<ValType> locals, int... body) {
        type(params, results);
        return func(types.size() - 1, locals, body);
    }

    /** A {@code [] -> results} function without locals. */
    TestModule func(List<ValType> results, int... body) {
        return func(List.of(), results, List.of(), body);
    }

    TestModule func(int typeIndex, List<ValType> locals, int... body) {
        functions.add(typeIndex);
        List<Locals> runs = new ArrayList<>();
        for (ValType t : locals) {
            runs.add(new Locals(1, t));
        }
        codes.add(new FunctionBody(runs, expr(body)));
        return this;
    }

    TestModule importing(Import i) {
        imports.add(i);
        return this;
    }

    TestModule table(TableType t) {
        tables.add(t);
        return this;
    }

    TestModule memory(MemoryType t) {
        memories.add(t);
        return this;
    }

    TestModule global(Global g) {
        globals.add(g);
        return this;
    }

    TestModule export(Export e) {
        exports.add(e);
        return this;
    }

    TestModule element(ElementSegment e) {
        elements.add(e);
        return this;
    }

    TestModule data(DataSegment d) {
        data.add(d);
        return this;
    }

    TestModule start(int function) {
        start = function;
        return this;
    }

    /** Instruction bytes with the final {@code end} appended. */
    static Expr expr(int... code) {
        byte[] b = new byte[code.length + 1];
        for (int i = 0; i < code.length; i++) {
            b[i] = (byte) code[i];
        }
        b[code.length] = 0x0B;
        return new Expr(Bytes.copyOf(b), 0);
    }

    WasmModule build() {
        return new WasmModule(types, imports, functions, tables, memories, globals, exports, start, elements,
                -1, codes, data, List.<CustomSection>of(), NameSection.EMPTY);
    }

    ValidModule validate() {
        return Validator.validate(build());
    }
}
