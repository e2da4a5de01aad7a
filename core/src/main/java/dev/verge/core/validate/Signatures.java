package dev.verge.core.validate;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;

/**
 * The instruction table's fixed signatures as arrays indexed by {@link Op#ordinal()}, so the
 * generic rule reads them without touching a {@code List} per instruction; plus the lane counts of
 * lane instructions, derived from their mnemonics ({@code i8x16...} has 16 lanes).
 */
final class Signatures {
    private static final Op[] OPS = Op.values();

    /** Operand types of instructions with a fixed signature, else null. */
    static final ValType[][] PARAMS = new ValType[OPS.length][];
    /** Result types of instructions with a fixed signature, else null. */
    static final ValType[][] RESULTS = new ValType[OPS.length][];
    /** For memory instructions, the operand types when the memory is 64-bit (memory64). */
    static final ValType[][] PARAMS64 = new ValType[OPS.length][];
    /** For {@link Imm#LANE} instructions, how many lanes the vector shape has. */
    static final int[] LANES = new int[OPS.length];

    static final ValType[] I32 = {ValType.I32};
    static final ValType[] I64 = {ValType.I64};
    static final ValType[] F32 = {ValType.F32};
    static final ValType[] F64 = {ValType.F64};
    static final ValType[] V128 = {ValType.V128};
    static final ValType[] V128V128 = {ValType.V128, ValType.V128};
    static final ValType[] FUNCREF = {ValType.FUNCREF};
    static final ValType[] EXTERNREF = {ValType.EXTERNREF};

    static {
        for (Op op : OPS) {
            int i = op.ordinal();
            if (op.hasFixedSignature()) {
                PARAMS[i] = op.params().toArray(new ValType[0]);
                RESULTS[i] = op.results().toArray(new ValType[0]);
                if (op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE) {
                    // The first operand of a load or store is the address.
                    PARAMS64[i] = PARAMS[i].clone();
                    PARAMS64[i][0] = ValType.I64;
                }
            }
            if (op.imm() == Imm.LANE) {
                LANES[i] = lanesOf(op.mnemonic());
            }
        }
    }

    private Signatures() {}

    /** {@code i8x16.extract_lane_s} has 16 lanes: the number after the shape's {@code x}. */
    static int lanesOf(String mnemonic) {
        String shape = mnemonic.substring(0, mnemonic.indexOf('.'));
        return Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
    }

    /** A shared one-element array for a block's single result, allocated only for exotic types. */
    static ValType[] single(ValType t) {
        if (t == ValType.I32) {
            return I32;
        }
        if (t == ValType.I64) {
            return I64;
        }
        if (t == ValType.F32) {
            return F32;
        }
        if (t == ValType.F64) {
            return F64;
        }
        if (t == ValType.V128) {
            return V128;
        }
        if (ValType.FUNCREF.equals(t)) {
            return FUNCREF;
        }
        if (ValType.EXTERNREF.equals(t)) {
            return EXTERNREF;
        }
        return new ValType[] {t};
    }
}
