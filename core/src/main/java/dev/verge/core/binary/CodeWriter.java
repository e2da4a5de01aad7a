package dev.verge.core.binary;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * Writes instructions in the binary format as they are visited. Immediates are written by shape,
 * so no opcode needs a case of its own; the text parser drives this to produce function bodies.
 */
public final class CodeWriter implements InstrVisitor {
    private final WasmWriter out;

    /** Writes instructions to {@code out}. */
    public CodeWriter(WasmWriter out) {
        this.out = out;
    }

    /** The writer the instructions go to. */
    public WasmWriter out() {
        return out;
    }

    private void opcode(Op op) {
        if (op.prefix() == 0) {
            out.u8(op.code());
        } else {
            out.u8(op.prefix()).u32(op.code());
        }
    }

    private void memarg(int alignLog2, long offset, int memoryIndex) {
        if (memoryIndex == 0) {
            out.u32(alignLog2);
        } else {
            // Multi-memory: bit 6 of the alignment field says a memory index follows.
            out.u32(alignLog2 | 0x40).u32(memoryIndex);
        }
        out.u64(offset);
    }

    @Override
    public void op(Op op) {
        opcode(op);
    }

    @Override
    public void block(Op op, BlockType type) {
        opcode(op);
        switch (type) {
            case BlockType.Empty e -> out.u8(0x40);
            case BlockType.Value v -> out.valType(v.type());
            case BlockType.Index i -> out.s64(i.index());
        }
    }

    @Override
    public void branch(Op op, int label) {
        opcode(op);
        out.u32(label);
    }

    @Override
    public void brTable(int[] labels, int defaultLabel) {
        opcode(Op.BR_TABLE);
        out.u32(labels.length);
        for (int l : labels) {
            out.u32(l);
        }
        out.u32(defaultLabel);
    }

    @Override
    public void index(Op op, int index) {
        opcode(op);
        out.u32(index);
    }

    @Override
    public void index2(Op op, int first, int second) {
        opcode(op);
        out.u32(first).u32(second);
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        opcode(op);
        memarg(alignLog2, offset, memoryIndex);
    }

    @Override
    public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
        opcode(op);
        memarg(alignLog2, offset, memoryIndex);
        out.u8(lane);
    }

    @Override
    public void lane(Op op, int lane) {
        opcode(op);
        out.u8(lane);
    }

    @Override
    public void shuffle(byte[] lanes) {
        opcode(Op.I8X16_SHUFFLE);
        out.bytes(lanes);
    }

    @Override
    public void i32Const(int value) {
        out.u8(Op.I32_CONST.code()).s32(value);
    }

    @Override
    public void i64Const(long value) {
        out.u8(Op.I64_CONST.code()).s64(value);
    }

    @Override
    public void f32Const(int bits) {
        out.u8(Op.F32_CONST.code()).f32(bits);
    }

    @Override
    public void f64Const(long bits) {
        out.u8(Op.F64_CONST.code()).f64(bits);
    }

    @Override
    public void v128Const(long low, long high) {
        opcode(Op.V128_CONST);
        out.f64(low).f64(high);
    }

    @Override
    public void selectTyped(List<ValType> types) {
        opcode(Op.SELECT_T);
        out.u32(types.size());
        for (ValType t : types) {
            out.valType(t);
        }
    }

    @Override
    public void refNull(HeapType type) {
        opcode(Op.REF_NULL);
        out.heapType(type);
    }
}
