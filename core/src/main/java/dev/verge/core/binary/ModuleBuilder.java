package dev.verge.core.binary;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.Import;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * What the section readers have decoded so far, and the one shared copy of the module's bytes
 * that every expression, body, data segment and custom section is a view of. Mutable, and used by
 * one decoding run only.
 */
final class ModuleBuilder {
    final byte[] bytes;
    final Bytes shared;
    final DecoderLimits limits;

    final List<SubType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    final List<Integer> functions = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    int start = -1;
    final List<ElementSegment> elements = new ArrayList<>();
    long dataCount = -1;
    final List<FunctionBody> codes = new ArrayList<>();
    final List<DataSegment> data = new ArrayList<>();
    final List<CustomSection> customSections = new ArrayList<>();

    int importedFunctions;
    int importedTables;
    int importedMemories;
    int importedGlobals;
    /** Whether a function body uses a data index, which needs the data count section. */
    boolean bodiesUseDataIndex;

    /** Takes ownership of {@code bytes}, which the caller has copied from its input. */
    ModuleBuilder(byte[] bytes, DecoderLimits limits) {
        this.bytes = bytes;
        this.shared = Bytes.wrap(bytes, 0, bytes.length);
        this.limits = limits;
    }

    /** A view of {@code [from, to)} of the module's bytes. */
    Bytes slice(int from, int to) {
        return shared.slice(from, to);
    }

    /**
     * A constant expression at the reader's position: instructions through their final
     * {@code end}, kept as a view. Whether they are constant is for the validator to say.
     */
    Expr constExpr(WasmReader r) {
        int from = r.pos();
        CodeReader.readInstructions(r, IGNORE, limits);
        return new Expr(slice(from, r.pos()), from);
    }

    /**
     * A function body's instructions at the reader's position, noting whether they need the data
     * count section.
     */
    Expr body(WasmReader r) {
        int from = r.pos();
        CodeReader.readInstructions(r, dataUse, limits);
        return new Expr(slice(from, r.pos()), from);
    }

    WasmModule build(NameSection names) {
        return new WasmModule(
                types,
                imports,
                functions,
                tables,
                memories,
                globals,
                exports,
                start,
                elements,
                dataCount,
                codes,
                data,
                customSections,
                names);
    }

    /** Notes {@code memory.init} and {@code data.drop}, the instructions that name a data segment. */
    private final InstrVisitor dataUse = new Ignore() {
        @Override
        public void index(Op op, int index) {
            if (op == Op.DATA_DROP) {
                bodiesUseDataIndex = true;
            }
        }

        @Override
        public void index2(Op op, int first, int second) {
            if (op == Op.MEMORY_INIT) {
                bodiesUseDataIndex = true;
            }
        }
    };

    private static final InstrVisitor IGNORE = new Ignore();

    /** A visitor that does nothing: decoding alone checks the grammar. */
    private static class Ignore implements InstrVisitor {
        @Override
        public void op(Op op) {}

        @Override
        public void block(Op op, BlockType type) {}

        @Override
        public void branch(Op op, int label) {}

        @Override
        public void brTable(int[] labels, int defaultLabel) {}

        @Override
        public void index(Op op, int index) {}

        @Override
        public void index2(Op op, int first, int second) {}

        @Override
        public void memory(Op op, int alignLog2, long offset, int memoryIndex) {}

        @Override
        public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {}

        @Override
        public void lane(Op op, int lane) {}

        @Override
        public void shuffle(byte[] lanes) {}

        @Override
        public void i32Const(int value) {}

        @Override
        public void i64Const(long value) {}

        @Override
        public void f32Const(int bits) {}

        @Override
        public void f64Const(long bits) {}

        @Override
        public void v128Const(long low, long high) {}

        @Override
        public void selectTyped(List<ValType> types) {}

        @Override
        public void refNull(HeapType type) {}
    }
}
