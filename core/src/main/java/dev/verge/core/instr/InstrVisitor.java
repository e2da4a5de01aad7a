package dev.verge.core.instr;

import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * Receives instructions one at a time, grouped by immediate shape ({@link Imm}), not by opcode.
 * The decoder drives it from bytes, the text parser from text; the validator, the compiler, the
 * binary encoder and the text printer implement it. Methods are called in program order;
 * {@code else} and {@code end} arrive through {@link #op}.
 */
public interface InstrVisitor {
    /**
     * Called before each instruction with its byte offset in the module (or, from the text parser,
     * -1), so consumers can report where an error is without tracking positions themselves.
     */
    default void at(int offset) {}

    /** An instruction without immediates ({@link Imm#NONE}). */
    void op(Op op);

    /** {@code block}, {@code loop} or {@code if}. */
    void block(Op op, BlockType type);

    /** {@code br} or {@code br_if}. */
    void branch(Op op, int label);

    /** {@code br_table}; the array belongs to the callee. */
    void brTable(int[] labels, int defaultLabel);

    /** An instruction with one index immediate; {@link Op#imm()} says which index space. */
    void index(Op op, int index);

    /** An instruction with two index immediates, in binary order; {@link Op#imm()} says which. */
    void index2(Op op, int first, int second);

    /**
     * A load or store.
     *
     * @param alignLog2 the alignment exponent as encoded
     * @param offset the static offset, an unsigned 32-bit (or, for memory64, 64-bit) value
     */
    void memory(Op op, int alignLog2, long offset, int memoryIndex);

    /** A SIMD lane load or store. */
    void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane);

    /** A SIMD lane access. */
    void lane(Op op, int lane);

    /** {@code i8x16.shuffle}; the array of 16 lane indices belongs to the callee. */
    void shuffle(byte[] lanes);

    void i32Const(int value);

    void i64Const(long value);

    /** {@code f32.const} with its exact bits (NaN payloads preserved). */
    void f32Const(int bits);

    /** {@code f64.const} with its exact bits (NaN payloads preserved). */
    void f64Const(long bits);

    /** {@code v128.const}: the low and high 64 bits, little-endian lane order. */
    void v128Const(long low, long high);

    /** {@code select} with explicit types. */
    void selectTyped(List<ValType> types);

    /** {@code ref.null}. */
    void refNull(HeapType type);
}
