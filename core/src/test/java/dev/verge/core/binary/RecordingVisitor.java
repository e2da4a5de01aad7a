package dev.verge.core.binary;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Records each visitor call as a short line of text, and each instruction's offset. */
final class RecordingVisitor implements InstrVisitor {
    final List<String> calls = new ArrayList<>();
    final List<Integer> offsets = new ArrayList<>();

    @Override
    public void at(int offset) {
        offsets.add(offset);
    }

    @Override
    public void op(Op op) {
        calls.add(op.mnemonic());
    }

    @Override
    public void block(Op op, BlockType type) {
        calls.add(op.mnemonic() + " " + type);
    }

    @Override
    public void branch(Op op, int label) {
        calls.add(op.mnemonic() + " " + label);
    }

    @Override
    public void brTable(int[] labels, int defaultLabel) {
        calls.add("br_table " + Arrays.toString(labels) + " " + defaultLabel);
    }

    @Override
    public void index(Op op, int index) {
        calls.add(op.mnemonic() + " " + index);
    }

    @Override
    public void index2(Op op, int first, int second) {
        calls.add(op.mnemonic() + " " + first + " " + second);
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        calls.add(op.mnemonic() + " align=" + alignLog2 + " offset=" + offset + " memory=" + memoryIndex);
    }

    @Override
    public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
        calls.add(op.mnemonic() + " align=" + alignLog2 + " offset=" + offset + " memory=" + memoryIndex + " lane=" + lane);
    }

    @Override
    public void lane(Op op, int lane) {
        calls.add(op.mnemonic() + " " + lane);
    }

    @Override
    public void shuffle(byte[] lanes) {
        calls.add("i8x16.shuffle " + Arrays.toString(lanes));
    }

    @Override
    public void i32Const(int value) {
        calls.add("i32.const " + value);
    }

    @Override
    public void i64Const(long value) {
        calls.add("i64.const " + value);
    }

    @Override
    public void f32Const(int bits) {
        calls.add("f32.const 0x" + Integer.toHexString(bits));
    }

    @Override
    public void f64Const(long bits) {
        calls.add("f64.const 0x" + Long.toHexString(bits));
    }

    @Override
    public void v128Const(long low, long high) {
        calls.add("v128.const 0x" + Long.toHexString(low) + " 0x" + Long.toHexString(high));
    }

    @Override
    public void selectTyped(List<ValType> types) {
        calls.add("select " + types);
    }

    @Override
    public void refNull(HeapType type) {
        calls.add("ref.null " + type);
    }
}
