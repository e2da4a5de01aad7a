package dev.verge.core.instr;

import dev.verge.core.model.ValType;

/**
 * The type of a {@code block}, {@code loop} or {@code if}: empty, one result, or a type index
 * (which allows parameters and several results).
 */
public sealed interface BlockType {
    /** {@code []->[]}. */
    record Empty() implements BlockType {}

    /** {@code []->[t]}. */
    record Value(ValType type) implements BlockType {}

    /** The function type at {@code index}. */
    record Index(int index) implements BlockType {}

    BlockType EMPTY = new Empty();
    BlockType I32 = new Value(ValType.I32);
    BlockType I64 = new Value(ValType.I64);
    BlockType F32 = new Value(ValType.F32);
    BlockType F64 = new Value(ValType.F64);
    BlockType V128 = new Value(ValType.V128);
    BlockType FUNCREF = new Value(ValType.FUNCREF);
    BlockType EXTERNREF = new Value(ValType.EXTERNREF);

    /** The shared instance for a one-result block, so decoding allocates nothing for common cases. */
    static BlockType of(ValType t) {
        if (t == ValType.I32) return I32;
        if (t == ValType.I64) return I64;
        if (t == ValType.F32) return F32;
        if (t == ValType.F64) return F64;
        if (t == ValType.V128) return V128;
        if (ValType.FUNCREF.equals(t)) return FUNCREF;
        if (ValType.EXTERNREF.equals(t)) return EXTERNREF;
        return new Value(t);
    }
}
