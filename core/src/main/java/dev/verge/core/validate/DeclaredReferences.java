package dev.verge.core.validate;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.instr.IgnoringVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Expr;
import dev.verge.core.model.Global;
import dev.verge.core.model.SegmentMode;

/**
 * Computes the spec's {@code C.refs}: the functions that {@code ref.func} may name inside function
 * bodies. They are the functions the module mentions anywhere outside its function bodies and its
 * start function: in element segments, in exports, and in global initializers (and, for
 * completeness, in segment offsets).
 */
final class DeclaredReferences extends IgnoringVisitor {
    private final boolean[] declared;

    private DeclaredReferences(boolean[] declared) {
        this.declared = declared;
    }

    static void collect(ValidModule v) {
        DeclaredReferences refs = new DeclaredReferences(v.declaredReferences);
        for (Global g : v.module().globals()) {
            CodeReader.read(g.init(), refs);
        }
        for (Export e : v.module().exports()) {
            if (e.kind() == ExternKind.FUNC) {
                refs.declare(e.index());
            }
        }
        for (ElementSegment e : v.module().elements()) {
            for (int f : e.functionIndices()) {
                refs.declare(f);
            }
            for (Expr item : e.expressions()) {
                CodeReader.read(item, refs);
            }
            if (e.mode() instanceof SegmentMode.Active a) {
                CodeReader.read(a.offset(), refs);
            }
        }
        for (var d : v.module().data()) {
            if (d.mode() instanceof SegmentMode.Active a) {
                CodeReader.read(a.offset(), refs);
            }
        }
    }

    private void declare(int function) {
        // Out-of-range indices are reported as unknown functions by the rule that reads them.
        if (function >= 0 && function < declared.length) {
            declared[function] = true;
        }
    }

    @Override
    public void index(Op op, int index) {
        if (op == Op.REF_FUNC) {
            declare(index);
        }
    }
}
