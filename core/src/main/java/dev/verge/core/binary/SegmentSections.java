package dev.verge.core.binary;

import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Expr;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers for the element, data count and data sections. Segments come in several encodings
 * chosen by a leading u32 flag word; the flags say whether the segment is active (and whether it
 * names its table or memory), passive or declarative, and whether element items are function
 * indices or expressions.
 */
final class SegmentSections {
    private SegmentSections() {}

    static void elements(WasmReader r, ModuleBuilder m) {
        DecoderLimits limits = m.limits;
        int n = DeclarationSections.count(r, "element segments", 0, limits.maxElementSegments());
        for (int i = 0; i < n; i++) {
            m.elements.add(element(r, m));
        }
    }

    /**
     * One element segment. Flag bit 0: passive or declarative (else active); bit 1: with bit 0,
     * declarative, without, an explicit table index; bit 2: items are expressions and the type is
     * a reference type (else function indices and an element kind byte).
     */
    private static ElementSegment element(WasmReader r, ModuleBuilder m) {
        int flags = r.u32();
        if (Integer.compareUnsigned(flags, 7) > 0) {
            throw r.errorAt("malformed elements segment kind", r.pos() - 1);
        }
        SegmentMode mode;
        boolean explicit = (flags & 3) == 2;
        if ((flags & 1) == 0) {
            int table = explicit ? r.u32() : 0;
            mode = new SegmentMode.Active(table, m.constExpr(r));
        } else {
            mode = (flags & 2) == 0 ? SegmentMode.PASSIVE : SegmentMode.DECLARATIVE;
        }
        boolean expressions = (flags & 4) != 0;
        boolean typed = (flags & 3) != 0; // only the oldest form (0 and 4) omits the type
        RefType type = RefType.FUNCREF;
        if (typed) {
            type = expressions ? TypeReader.refType(r) : elementKind(r);
        }
        int start = r.pos();
        int count = r.length();
        DecoderLimits.check("element segment items", count, m.limits.maxElementSegmentSize(), r.offsetOf(start));
        if (expressions) {
            List<Expr> items = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                items.add(m.constExpr(r));
            }
            return new ElementSegment(type, mode, List.of(), items, true);
        }
        List<Integer> items = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            items.add(r.u32());
        }
        return new ElementSegment(type, mode, items, List.of(), false);
    }

    /** The element kind of the index forms: only 0x00, {@code funcref}, exists. */
    private static RefType elementKind(WasmReader r) {
        if (r.u8() != 0x00) {
            throw r.errorAt("malformed element kind", r.pos() - 1);
        }
        return RefType.FUNCREF;
    }

    static void dataCount(WasmReader r, ModuleBuilder m) {
        m.dataCount = r.u32Long();
    }

    static void data(WasmReader r, ModuleBuilder m) {
        DecoderLimits limits = m.limits;
        int n = DeclarationSections.count(r, "data segments", 0, limits.maxDataSegments());
        for (int i = 0; i < n; i++) {
            int flags = r.u32();
            SegmentMode mode = switch (flags) {
                case 0 -> new SegmentMode.Active(0, m.constExpr(r));
                case 1 -> SegmentMode.PASSIVE;
                case 2 -> {
                    int memory = r.u32();
                    yield new SegmentMode.Active(memory, m.constExpr(r));
                }
                default -> throw r.errorAt("malformed data segment kind", r.pos() - 1);
            };
            int start = r.pos();
            int size = r.length();
            DecoderLimits.check("data segment bytes", size, limits.maxDataSegmentSize(), r.offsetOf(start));
            int from = r.pos();
            r.skip(size);
            m.data.add(new DataSegment(mode, m.slice(from, from + size)));
        }
    }
}
