package dev.verge.core.validate;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.List;

/** The downstream of a plain validation: ignores everything (the JIT inlines the calls away). */
final class NoopVisitor implements InstrVisitor {
    static final NoopVisitor INSTANCE = new NoopVisitor();

    private NoopVisitor() {}

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
