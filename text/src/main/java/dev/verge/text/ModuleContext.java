package dev.verge.text;

import dev.verge.core.instr.BlockType;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.Import;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about the module being parsed: its index spaces with their identifiers (filled
 * by the first pass), its type section (explicit types, then implicit ones appended as type uses
 * need them), and the sections being built by the second pass.
 */
final class ModuleContext {
    final IndexSpace typeSpace = new IndexSpace("type");
    final IndexSpace funcs = new IndexSpace("function");
    final IndexSpace tables = new IndexSpace("table");
    final IndexSpace memories = new IndexSpace("memory");
    final IndexSpace globals = new IndexSpace("global");
    final IndexSpace elems = new IndexSpace("elem segment");
    final IndexSpace datas = new IndexSpace("data segment");
    /** Whether each memory in the index space is 64-bit, for the range of static offsets. */
    final List<Boolean> memory64 = new ArrayList<>();

    final List<SubType> types = new ArrayList<>();
    /** The first index of each distinct type, so implicit type uses are found in constant time. */
    private final Map<SubType, Integer> firstIndex = new HashMap<>();
    final List<Import> imports = new ArrayList<>();
    final List<Integer> functions = new ArrayList<>();
    final List<TableType> tableTypes = new ArrayList<>();
    final List<MemoryType> memoryTypes = new ArrayList<>();
    final List<Global> globalDefs = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    final List<ElementSegment> elements = new ArrayList<>();
    final List<FunctionBody> codes = new ArrayList<>();
    final List<DataSegment> data = new ArrayList<>();
    final Map<Integer, Map<Integer, String>> localNames = new HashMap<>();
    /** The start function; the model cannot represent index 0xFFFFFFFF, whose -1 means none. */
    int start = -1;
    boolean hasStart;
    /** Whether an instruction needs the data count section (memory.init, data.drop). */
    boolean usesDataCount;
    String moduleName;

    /** The function type at {@code index}, or null when there is none. */
    FuncType funcType(int index) {
        if (index < 0 || index >= types.size()) {
            return null;
        }
        return types.get(index).composite() instanceof FuncType f ? f : null;
    }

    /** The index of the first type equal to {@code type}, appending it when there is none. */
    int implicitType(FuncType type) {
        SubType wanted = SubType.of(type);
        Integer found = firstIndex.get(wanted);
        if (found != null) {
            return found;
        }
        return addType(wanted);
    }

    /** Appends a type definition; returns its index. */
    int addType(SubType type) {
        types.add(type);
        firstIndex.putIfAbsent(type, types.size() - 1);
        return types.size() - 1;
    }

    /**
     * The type index a function or import type use denotes: the explicit one (whose inline
     * declarations, if any, must agree with it) or the implicit one.
     */
    int resolve(TypeUse use, Syntax s) {
        if (!use.explicit()) {
            return implicitType(use.inlineType());
        }
        if (use.hasInline()) {
            FuncType declared = funcType(use.index());
            if (declared == null) {
                throw s.errorAt(use.position(), "unknown type " + Integer.toUnsignedString(use.index()));
            }
            if (!declared.equals(use.inlineType())) {
                throw s.errorAt(use.position(), "inline function type does not match explicit type");
            }
        }
        return use.index();
    }

    /** The block type a block's type use denotes: empty, one result, or a type index. */
    BlockType blockType(TypeUse use, Syntax s) {
        if (!use.explicit() && use.params().isEmpty() && use.results().size() <= 1) {
            return use.results().isEmpty() ? BlockType.EMPTY : BlockType.of(use.results().get(0));
        }
        return new BlockType.Index(resolve(use, s));
    }

    WasmModule build() {
        NameSection names = NameSection.EMPTY;
        Map<Integer, String> funcNames = funcs.namesByIndex();
        if (moduleName != null || !funcNames.isEmpty() || !localNames.isEmpty()) {
            names = new NameSection(moduleName, funcNames, localNames);
        }
        long dataCount = usesDataCount ? data.size() : -1;
        return new WasmModule(types, imports, functions, tableTypes, memoryTypes, globalDefs, exports, start,
                elements, dataCount, codes, data, List.<CustomSection>of(), names);
    }
}
