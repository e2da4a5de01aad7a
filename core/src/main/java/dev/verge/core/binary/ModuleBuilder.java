package dev.verge.core.binary;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.Import;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
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

    /**
     * Whether the bytes are known to decode ({@link ModuleDecoder#decodeKnownGood}): function
     * bodies are then taken by their size, and constant expressions skipped without the
     * instruction table; else both are read instruction by instruction.
     */
    final boolean knownGood;

    /** Takes ownership of {@code bytes}, which the caller has copied from its input. */
    ModuleBuilder(byte[] bytes, DecoderLimits limits, boolean knownGood) {
        this.bytes = bytes;
        this.shared = Bytes.wrap(bytes, 0, bytes.length);
        this.limits = limits;
        this.knownGood = knownGood;
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
        int end = knownGood ? ConstExprSkipper.skip(r.array(), from, r.limit()) : -1;
        if (end >= 0) {
            r.seek(end);
        } else {
            CodeScanner.scan(r, limits);
        }
        return new Expr(slice(from, r.pos()), from);
    }

    /**
     * A function body's instructions at the reader's position, noting whether they need the data
     * count section; {@code end} is where the body's declared size says it ends, which is all
     * that is used when the bytes are {@link #knownGood}.
     */
    Expr body(WasmReader r, int end) {
        int from = r.pos();
        if (knownGood) {
            if (end < from || end - from > r.remaining()) {
                throw r.errorAt("section size mismatch", from);
            }
            r.seek(end);
            return new Expr(slice(from, end), from);
        }
        if (CodeScanner.scan(r, limits)) {
            bodiesUseDataIndex = true;
        }
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
}
