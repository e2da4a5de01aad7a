package dev.verge.core.binary;

import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Limits;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes a {@link WasmModule} in the binary format. Sections come in the spec's order, empty ones
 * are left out, and custom sections go back after the section their {@code after} field names. A
 * {@code name} section is generated from {@link WasmModule#names()} unless the module already
 * carries one verbatim.
 */
public final class ModuleEncoder {
    /** Section ids in the order the binary format requires (data count comes before code). */
    private static final int[] ORDER = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11};

    private final WasmModule module;
    private final WasmWriter out = new WasmWriter(1024);
    private final boolean[] customWritten;

    private ModuleEncoder(WasmModule module) {
        this.module = module;
        this.customWritten = new boolean[module.customSections().size()];
    }

    /** The module's binary encoding. */
    public static byte[] encode(WasmModule module) {
        return new ModuleEncoder(module).run();
    }

    private byte[] run() {
        out.bytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        customsAfter(0);
        for (int id : ORDER) {
            WasmWriter content = section(id);
            if (content != null) {
                out.section(id, content);
            }
            customsAfter(id);
        }
        for (int i = 0; i < customWritten.length; i++) {
            if (!customWritten[i]) {
                custom(module.customSections().get(i));
            }
        }
        if (needsNameSection()) {
            out.section(0, nameSection(module.names()));
        }
        return out.toByteArray();
    }

    private void customsAfter(int id) {
        List<CustomSection> customs = module.customSections();
        for (int i = 0; i < customs.size(); i++) {
            if (!customWritten[i] && customs.get(i).after() == id) {
                customWritten[i] = true;
                custom(customs.get(i));
            }
        }
    }

    private void custom(CustomSection c) {
        WasmWriter w = new WasmWriter(c.content().length() + 16);
        w.name(c.name()).bytes(c.content());
        out.section(0, w);
    }

    private boolean needsNameSection() {
        NameSection n = module.names();
        if (n.moduleName() == null && n.functionNames().isEmpty() && n.localNames().isEmpty()) {
            return false;
        }
        for (CustomSection c : module.customSections()) {
            if (c.name().equals("name")) {
                return false;
            }
        }
        return true;
    }

    /** The content of section {@code id}, or null when the module has nothing for it. */
    private WasmWriter section(int id) {
        return switch (id) {
            case 1 -> module.types().isEmpty() ? null : types();
            case 2 -> module.imports().isEmpty() ? null : imports();
            case 3 -> module.functions().isEmpty() ? null : functions();
            case 4 -> module.tables().isEmpty() ? null : tables();
            case 5 -> module.memories().isEmpty() ? null : memories();
            case 6 -> module.globals().isEmpty() ? null : globals();
            case 7 -> module.exports().isEmpty() ? null : exports();
            case 8 -> module.start() == -1 ? null : new WasmWriter(8).u32(module.start());
            case 9 -> module.elements().isEmpty() ? null : elements();
            case 12 -> module.dataCount() < 0 ? null : new WasmWriter(8).u32((int) module.dataCount());
            case 10 -> module.codes().isEmpty() ? null : codes();
            case 11 -> module.data().isEmpty() ? null : data();
            default -> throw new AssertionError(id);
        };
    }

    private WasmWriter types() {
        WasmWriter w = new WasmWriter();
        w.u32(module.types().size());
        for (SubType t : module.types()) {
            if (!t.isFinal() || !t.supertypes().isEmpty()) {
                // Wasm 3.0 subtype: 0x50 (open) or 0x4F (final), then the supertypes.
                w.u8(t.isFinal() ? 0x4F : 0x50).u32(t.supertypes().size());
                for (int s : t.supertypes()) {
                    w.u32(s);
                }
            }
            FuncType f = (FuncType) t.composite();
            w.u8(0x60);
            valTypes(w, f.params());
            valTypes(w, f.results());
        }
        return w;
    }

    private static void valTypes(WasmWriter w, List<ValType> types) {
        w.u32(types.size());
        for (ValType t : types) {
            w.valType(t);
        }
    }

    private static void limits(WasmWriter w, Limits limits, int extraFlags) {
        w.u8((limits.hasMax() ? 1 : 0) | extraFlags);
        w.u64(limits.min());
        if (limits.hasMax()) {
            w.u64(limits.max());
        }
    }

    private static void tableType(WasmWriter w, TableType t) {
        w.valType(t.element());
        limits(w, t.limits(), t.is64() ? 4 : 0);
    }

    private static void memoryType(WasmWriter w, MemoryType m) {
        limits(w, m.limits(), (m.shared() ? 2 : 0) | (m.is64() ? 4 : 0));
    }

    private static void globalType(WasmWriter w, GlobalType g) {
        w.valType(g.type()).u8(g.mutable() ? 1 : 0);
    }

    private WasmWriter imports() {
        WasmWriter w = new WasmWriter();
        w.u32(module.imports().size());
        for (Import i : module.imports()) {
            w.name(i.module()).name(i.name()).u8(i.type().kind().code());
            switch (i.type()) {
                case FuncImport f -> w.u32(f.typeIndex());
                case TableType t -> tableType(w, t);
                case MemoryType m -> memoryType(w, m);
                case GlobalType g -> globalType(w, g);
            }
        }
        return w;
    }

    private WasmWriter functions() {
        WasmWriter w = new WasmWriter();
        w.u32(module.functions().size());
        for (int f : module.functions()) {
            w.u32(f);
        }
        return w;
    }

    private WasmWriter tables() {
        WasmWriter w = new WasmWriter();
        w.u32(module.tables().size());
        for (TableType t : module.tables()) {
            tableType(w, t);
        }
        return w;
    }

    private WasmWriter memories() {
        WasmWriter w = new WasmWriter();
        w.u32(module.memories().size());
        for (MemoryType m : module.memories()) {
            memoryType(w, m);
        }
        return w;
    }

    private WasmWriter globals() {
        WasmWriter w = new WasmWriter();
        w.u32(module.globals().size());
        for (Global g : module.globals()) {
            globalType(w, g.type());
            w.bytes(g.init().code());
        }
        return w;
    }

    private WasmWriter exports() {
        WasmWriter w = new WasmWriter();
        w.u32(module.exports().size());
        for (Export e : module.exports()) {
            w.name(e.name()).u8(e.kind().code()).u32(e.index());
        }
        return w;
    }

    private WasmWriter elements() {
        WasmWriter w = new WasmWriter();
        w.u32(module.elements().size());
        for (ElementSegment e : module.elements()) {
            element(w, e);
        }
        return w;
    }

    /**
     * One element segment, in the most compact of the eight binary forms that says the same
     * thing: bit 0 passive/declarative, bit 1 explicit table or declarative, bit 2 expressions.
     */
    private static void element(WasmWriter w, ElementSegment e) {
        int exprBit = e.usesExpressions() ? 4 : 0;
        boolean funcref = e.type().equals(RefType.FUNCREF);
        switch (e.mode()) {
            case SegmentMode.Active a -> {
                if (a.index() == 0 && funcref) {
                    w.u8(exprBit);
                    w.bytes(a.offset().code());
                } else {
                    w.u8(2 | exprBit).u32(a.index());
                    w.bytes(a.offset().code());
                    elemKind(w, e);
                }
            }
            case SegmentMode.Passive p -> {
                w.u8(1 | exprBit);
                elemKind(w, e);
            }
            case SegmentMode.Declarative d -> {
                w.u8(3 | exprBit);
                elemKind(w, e);
            }
        }
        if (e.usesExpressions()) {
            w.u32(e.expressions().size());
            for (Expr x : e.expressions()) {
                w.bytes(x.code());
            }
        } else {
            w.u32(e.functionIndices().size());
            for (int f : e.functionIndices()) {
                w.u32(f);
            }
        }
    }

    /** The element kind (0x00 for function indices) or reference type (for expressions). */
    private static void elemKind(WasmWriter w, ElementSegment e) {
        if (e.usesExpressions()) {
            w.valType(e.type());
        } else {
            w.u8(0x00);
        }
    }

    private WasmWriter codes() {
        WasmWriter w = new WasmWriter(4096);
        w.u32(module.codes().size());
        WasmWriter body = new WasmWriter(1024);
        for (FunctionBody f : module.codes()) {
            body.reset();
            body.u32(f.locals().size());
            for (Locals l : f.locals()) {
                body.u32((int) l.count()).valType(l.type());
            }
            body.bytes(f.body().code());
            w.u32(body.size()).bytes(body);
        }
        return w;
    }

    private WasmWriter data() {
        WasmWriter w = new WasmWriter(1024);
        w.u32(module.data().size());
        for (DataSegment d : module.data()) {
            switch (d.mode()) {
                case SegmentMode.Active a -> {
                    if (a.index() == 0) {
                        w.u8(0);
                    } else {
                        w.u8(2).u32(a.index());
                    }
                    w.bytes(a.offset().code());
                }
                case SegmentMode.Passive p -> w.u8(1);
                case SegmentMode.Declarative x -> throw new IllegalArgumentException("a data segment cannot be declarative");
            }
            w.u32(d.init().length()).bytes(d.init());
        }
        return w;
    }

    /** The {@code name} custom section: module name, function names, local names, sorted by index. */
    static WasmWriter nameSection(NameSection names) {
        WasmWriter w = new WasmWriter();
        w.name("name");
        WasmWriter sub = new WasmWriter();
        if (names.moduleName() != null) {
            sub.name(names.moduleName());
            w.section(0, sub);
        }
        if (!names.functionNames().isEmpty()) {
            sub.reset();
            nameMap(sub, names.functionNames());
            w.section(1, sub);
        }
        if (!names.localNames().isEmpty()) {
            sub.reset();
            Map<Integer, Map<Integer, String>> sorted = new TreeMap<>(names.localNames());
            sub.u32(sorted.size());
            for (Map.Entry<Integer, Map<Integer, String>> e : sorted.entrySet()) {
                sub.u32(e.getKey());
                nameMap(sub, e.getValue());
            }
            w.section(2, sub);
        }
        return w;
    }

    private static void nameMap(WasmWriter w, Map<Integer, String> map) {
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(new TreeMap<>(map).entrySet());
        w.u32(entries.size());
        for (Map.Entry<Integer, String> e : entries) {
            w.u32(e.getKey()).name(e.getValue());
        }
    }
}
