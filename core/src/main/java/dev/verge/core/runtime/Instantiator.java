package dev.verge.core.runtime;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.ExternType;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.Import;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.TableType;
import dev.verge.core.model.WasmModule;
import java.util.List;

/**
 * The spec's instantiation, in its order: imports, functions, globals, memories, tables, then
 * element segments, data segments and the start function. Not atomic (Wasm 2.0): a segment that
 * does not fit traps, and what earlier segments wrote stays written.
 */
final class Instantiator {
    private static final Object[] NO_REFS = new Object[0];

    private Instantiator() {}

    /** {@code imports} are already checked against the module's imports, in their order; {@code data} may be null. */
    static Instance instantiate(CompiledModule compiled, Extern[] imports, Object data) {
        WasmModule m = compiled.module();
        EngineConfig config = compiled.engine().config();
        Instance inst = new Instance(compiled, data);
        List<Import> imps = m.imports();

        int funcImports = m.importCount(dev.verge.core.model.ExternKind.FUNC);
        inst.functions = new WasmFunction[funcImports + m.functions().size()];
        int globalCount = m.importCount(dev.verge.core.model.ExternKind.GLOBAL) + m.globals().size();
        inst.globals = new Global[globalCount];
        inst.memories = new Memory[m.importCount(dev.verge.core.model.ExternKind.MEMORY) + m.memories().size()];
        inst.tables = new Table[m.importCount(dev.verge.core.model.ExternKind.TABLE) + m.tables().size()];
        int fi = 0, gi = 0, mi = 0, ti = 0;
        for (int i = 0; i < imps.size(); i++) {
            // instanceof tests, not a pattern switch, whose bootstrap costs milliseconds at start-up.
            ExternType type = imps.get(i).type();
            if (type instanceof FuncImport) {
                inst.functions[fi++] = (WasmFunction) imports[i];
            } else if (type instanceof MemoryType) {
                inst.memories[mi++] = (Memory) imports[i];
            } else if (type instanceof TableType) {
                inst.tables[ti++] = (Table) imports[i];
            } else {
                inst.globals[gi++] = (Global) imports[i];
            }
        }
        for (int d = 0; d < m.functions().size(); d++) {
            inst.functions[funcImports + d] = new WasmFunction(compiled.type(m.functions().get(d)), inst, funcImports + d);
        }
        for (var g : m.globals()) {
            inst.globals[gi++] = new Global(g.type(), ConstEval.eval(g.init(), inst));
        }
        for (MemoryType mt : m.memories()) {
            inst.memories[mi++] = new Memory(mt, config.maxMemoryPages(), config.pagedMemory());
        }
        for (TableType t : m.tables()) {
            inst.tables[ti++] = new Table(t, null, config.maxTableSize());
        }
        inst.memory0 = inst.memories.length > 0 ? inst.memories[0] : null;

        for (Export e : m.exports()) {
            Extern value = switch (e.kind()) {
                case FUNC -> inst.functions[e.index()];
                case TABLE -> inst.tables[e.index()];
                case MEMORY -> inst.memories[e.index()];
                case GLOBAL -> inst.globals[e.index()];
                case TAG -> throw new IllegalStateException("tags are not supported");
            };
            inst.export(e.name(), value);
        }

        List<ElementSegment> elems = m.elements();
        inst.elements = new Object[elems.size()][];
        for (int i = 0; i < elems.size(); i++) {
            inst.elements[i] = evalElements(elems.get(i), inst);
        }
        inst.data = new Bytes[m.data().size()];
        for (int i = 0; i < inst.data.length; i++) {
            inst.data[i] = m.data().get(i).init();
        }

        for (int i = 0; i < elems.size(); i++) {
            ElementSegment seg = elems.get(i);
            if (seg.mode() instanceof SegmentMode.Active a) {
                int offset = (Integer) ConstEval.eval(a.offset(), inst);
                Object[] items = inst.elements[i];
                Table table = inst.tables[a.index()];
                if (Integer.toUnsignedLong(offset) + items.length > table.size()) {
                    throw Traps.tableOutOfBounds();
                }
                System.arraycopy(items, 0, table.elements, offset, items.length);
                inst.elements[i] = NO_REFS;
            } else if (seg.mode() instanceof SegmentMode.Declarative) {
                inst.elements[i] = NO_REFS;
            }
        }
        for (int i = 0; i < inst.data.length; i++) {
            DataSegment seg = m.data().get(i);
            if (seg.mode() instanceof SegmentMode.Active a) {
                int offset = (Integer) ConstEval.eval(a.offset(), inst);
                Memory mem = inst.memories[a.index()];
                Bytes init = seg.init();
                if (Integer.toUnsignedLong(offset) + init.length() > mem.byteSize()) {
                    throw Traps.memoryOutOfBounds();
                }
                mem.writeBytes(Integer.toUnsignedLong(offset), init.unsafeArray(), init.arrayOffset(), init.length());
                inst.data[i] = Bytes.EMPTY;
            }
        }
        if (m.start() >= 0) {
            WasmFunction start = inst.functions[m.start()];
            Traps.guard(inst, () -> start.raw().invokeWithArguments(contextArg(start, inst)));
        }
        return inst;
    }

    private static Object[] contextArg(WasmFunction f, Instance caller) {
        return new Object[] {WasmFunction.contextFor(f, caller)};
    }

    private static Object[] evalElements(ElementSegment seg, Instance inst) {
        Object[] out = new Object[seg.size()];
        if (seg.usesExpressions()) {
            List<Expr> exprs = seg.expressions();
            for (int i = 0; i < out.length; i++) {
                out[i] = ConstEval.eval(exprs.get(i), inst);
            }
        } else {
            List<Integer> idx = seg.functionIndices();
            for (int i = 0; i < out.length; i++) {
                out[i] = inst.functions[idx.get(i)];
            }
        }
        return out;
    }
}
