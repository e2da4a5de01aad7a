package dev.verge.core.validate;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * Lets through to a {@link FunctionValidator} only the instructions a Wasm 2.0 constant
 * expression may contain: {@code t.const}, {@code ref.null}, {@code ref.func} and
 * {@code global.get} of an immutable imported global, then {@code end}. The validator behind it
 * checks the types, so a global's initializer and a segment's offset are typed like any body.
 */
final class ConstantExpressionChecker implements InstrVisitor {
    private final FunctionValidator types;
    private final ValidModule m;

    ConstantExpressionChecker(FunctionValidator types, ValidModule m) {
        this.types = types;
        this.m = m;
    }

    private static InvalidModuleException notConstant(int offset) {
        return new InvalidModuleException("constant expression required", -1, offset);
    }

    private int offset = -1;

    @Override
    public void at(int offset) {
        this.offset = offset;
        types.at(offset);
    }

    @Override
    public void op(Op op) {
        if (op != Op.END) {
            throw notConstant(offset);
        }
        types.op(op);
    }

    @Override
    public void index(Op op, int index) {
        if (op == Op.GLOBAL_GET) {
            // Only imported globals are in scope; an unknown one is reported as such first.
            if (index < 0 || index >= m.importedGlobals) {
                throw new InvalidModuleException("unknown global " + Integer.toUnsignedString(index), -1, offset);
            }
            if (m.globals[index].mutable()) {
                throw notConstant(offset);
            }
        } else if (op != Op.REF_FUNC) {
            throw notConstant(offset);
        }
        types.index(op, index);
    }

    @Override
    public void i32Const(int value) {
        types.i32Const(value);
    }

    @Override
    public void i64Const(long value) {
        types.i64Const(value);
    }

    @Override
    public void f32Const(int bits) {
        types.f32Const(bits);
    }

    @Override
    public void f64Const(long bits) {
        types.f64Const(bits);
    }

    @Override
    public void v128Const(long low, long high) {
        types.v128Const(low, high);
    }

    @Override
    public void refNull(HeapType type) {
        types.refNull(type);
    }

    @Override
    public void block(Op op, BlockType type) {
        throw notConstant(offset);
    }

    @Override
    public void branch(Op op, int label) {
        throw notConstant(offset);
    }

    @Override
    public void brTable(int[] labels, int defaultLabel) {
        throw notConstant(offset);
    }

    @Override
    public void index2(Op op, int first, int second) {
        throw notConstant(offset);
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        throw notConstant(this.offset);
    }

    @Override
    public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
        throw notConstant(this.offset);
    }

    @Override
    public void lane(Op op, int lane) {
        throw notConstant(offset);
    }

    @Override
    public void shuffle(byte[] lanes) {
        throw notConstant(offset);
    }

    @Override
    public void selectTyped(List<ValType> types) {
        throw notConstant(offset);
    }
}
