package dev.verge.core.validate;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Expr;
import dev.verge.core.model.Global;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * Computes the spec's {@code C.refs}: the functions that {@code ref.func} may name inside function
 * bodies. They are the functions the module mentions anywhere outside its function bodies and its
 * start function: in element segments, in exports, and in global initializers (and, for
 * completeness, in segment offsets).
 */
final class DeclaredReferences implements InstrVisitor {
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

    @Override
    public void op(Op op) {}

    @Override
    public void block(Op op, BlockType type) {}

    @Override
    public void branch(Op op, int label) {}

    @Override
    public void brTable(int[] labels, int defaultLabel) {}

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
