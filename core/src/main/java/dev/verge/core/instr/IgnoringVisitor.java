package dev.verge.core.instr;

import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * An {@link InstrVisitor} that ignores every instruction: the base of visitors that care about a
 * few shapes only (a scan for branch targets, for declared references, the validator's no-op
 * downstream). Deliberately a class and not default methods on {@link InstrVisitor}, so that the
 * visitors that must handle everything (the compiler, the encoder, the printer) still fail to
 * compile when an immediate shape is added.
 */
public abstract class IgnoringVisitor implements InstrVisitor {
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
