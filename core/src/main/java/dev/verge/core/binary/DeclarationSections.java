package dev.verge.core.binary;

import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.ExternType;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.SubType;

/**
 * Readers for the sections that declare a module's entities: types, imports, functions, tables,
 * memories, globals, exports and the start function. Each reads the section's contents at the
 * reader's position into the builder; the caller checks the section's size afterwards.
 */
final class DeclarationSections {
    private DeclarationSections() {}

    /** A vector's length, checked against the bytes left and then against a limit. */
    static int count(WasmReader r, String what, long already, long limit) {
        int start = r.pos();
        int n = r.length();
        DecoderLimits.check(what, already + n, limit, r.offsetOf(start));
        return n;
    }

    static void types(WasmReader r, ModuleBuilder m) {
        int n = count(r, "types", 0, m.limits.maxTypes());
        for (int i = 0; i < n; i++) {
            m.types.add(SubType.of(TypeReader.funcType(r, m.limits)));
        }
    }

    static void imports(WasmReader r, ModuleBuilder m) {
        DecoderLimits limits = m.limits;
        int n = count(r, "imports", 0, limits.maxImports());
        for (int i = 0; i < n; i++) {
            int start = r.pos();
            String module = r.name();
            String name = r.name();
            int kind = r.u8();
            ExternType type = switch (kind) {
                case 0x00 -> {
                    DecoderLimits.check("functions", ++m.importedFunctions, limits.maxFunctions(), r.offsetOf(start));
                    yield new FuncImport(r.u32());
                }
                case 0x01 -> {
                    DecoderLimits.check("tables", ++m.importedTables, limits.maxTables(), r.offsetOf(start));
                    yield TypeReader.tableType(r);
                }
                case 0x02 -> {
                    DecoderLimits.check("memories", ++m.importedMemories, limits.maxMemories(), r.offsetOf(start));
                    yield TypeReader.memoryType(r);
                }
                case 0x03 -> {
                    DecoderLimits.check("globals", ++m.importedGlobals, limits.maxGlobals(), r.offsetOf(start));
                    yield TypeReader.globalType(r);
                }
                default -> throw r.errorAt("malformed import kind", r.pos() - 1);
            };
            m.imports.add(new Import(module, name, type));
        }
    }

    static void functions(WasmReader r, ModuleBuilder m) {
        int n = count(r, "functions", m.importedFunctions, m.limits.maxFunctions());
        for (int i = 0; i < n; i++) {
            m.functions.add(r.u32());
        }
    }

    static void tables(WasmReader r, ModuleBuilder m) {
        int n = count(r, "tables", m.importedTables, m.limits.maxTables());
        for (int i = 0; i < n; i++) {
            m.tables.add(TypeReader.tableType(r));
        }
    }

    static void memories(WasmReader r, ModuleBuilder m) {
        int n = count(r, "memories", m.importedMemories, m.limits.maxMemories());
        for (int i = 0; i < n; i++) {
            m.memories.add(TypeReader.memoryType(r));
        }
    }

    static void globals(WasmReader r, ModuleBuilder m) {
        int n = count(r, "globals", m.importedGlobals, m.limits.maxGlobals());
        for (int i = 0; i < n; i++) {
            GlobalType type = TypeReader.globalType(r);
            m.globals.add(new Global(type, m.constExpr(r)));
        }
    }

    static void exports(WasmReader r, ModuleBuilder m) {
        int n = count(r, "exports", 0, m.limits.maxExports());
        for (int i = 0; i < n; i++) {
            String name = r.name();
            ExternKind kind = switch (r.u8()) {
                case 0x00 -> ExternKind.FUNC;
                case 0x01 -> ExternKind.TABLE;
                case 0x02 -> ExternKind.MEMORY;
                case 0x03 -> ExternKind.GLOBAL;
                default -> throw r.errorAt("malformed export kind", r.pos() - 1);
            };
            m.exports.add(new Export(name, kind, r.u32()));
        }
    }

    /**
     * The start function's index. An index of 2<sup>31</sup> or more, which no module can have,
     * is kept negative but distinct from the -1 that means "no start function".
     */
    static void start(WasmReader r, ModuleBuilder m) {
        int index = r.u32();
        m.start = index < 0 ? Integer.MIN_VALUE : index;
    }
}
