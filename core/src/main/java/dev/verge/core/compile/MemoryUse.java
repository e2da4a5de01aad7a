package dev.verge.core.compile;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Expr;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * Whether a function body has a scalar load or store on memory 0: only then does its method keep
 * memory 0's flat array in a local ({@link MemoryEmitter}). A function without one (a recursive
 * Fibonacci, a loop that only calls) would otherwise reload the array after each of its calls
 * and carry it across them, for nothing: that cost such a function about 15%.
 */
final class MemoryUse implements InstrVisitor {
    private boolean found;

    private MemoryUse() {}

    /** Reads {@code body} (already validated) once, looking for a scalar access to memory 0. */
    static boolean scalarAccessesMemory0(Expr body) {
        MemoryUse use = new MemoryUse();
        CodeReader.read(body, use);
        return use.found;
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        if (memoryIndex == 0 && !SimdEmitter.isVectorAccess(op)) {
            found = true;
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
    public void index(Op op, int index) {}

    @Override
    public void index2(Op op, int first, int second) {}

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
