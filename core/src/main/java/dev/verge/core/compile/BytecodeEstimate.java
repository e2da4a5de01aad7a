package dev.verge.core.compile;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;

/**
 * How many bytes of JVM bytecode an instruction compiles to, estimated from its immediate shape
 * in {@link Op} and from how the emitters treat it, never from a list of its own. {@link SplitPlan}
 * sizes methods with it, so it errs on the large side; {@link ModuleCompiler} measures the real
 * methods afterwards and plans again, tighter, a function whose method still came out too large.
 */
final class BytecodeEstimate {
    private BytecodeEstimate() {}

    /** Storing one operand in, or loading it from, the frame arrays (a split point's spill). */
    static final int SPILL = 10;
    /**
     * Re-reading the memory's flat array into its local ({@code MemoryEmitter}): counted on what
     * can replace the array (calls, growth, bulk operations), after which the next access or loop
     * edge reloads it, and on loop entries.
     */
    static final int ARRAY_RELOAD = 7;
    /** A piece call: its arguments, the call, the array reload and the switch on what it returns. */
    static final int PIECE_CALL = 24 + ARRAY_RELOAD;
    /** Each frame a piece can branch out to: a case, the carried values, a jump. */
    static final int PIECE_EXIT = 24;
    /** A method's fixed parts: prologue, caches, the final jumps. */
    static final int METHOD_OVERHEAD = 56;

    /**
     * An instruction without a block or a label: {@code op} with its shape's immediates.
     * {@code framed} is whether locals live in the frame arrays (a split function).
     */
    static int of(Op op, boolean framed) {
        return switch (op) {
            case NOP, BLOCK, END -> 0;
            case DROP -> 1;
            case ELSE, IF -> 3;
            case LOCAL_GET -> framed ? 8 : 2;
            case LOCAL_SET -> framed ? 10 : 2;
            case LOCAL_TEE -> framed ? 11 : 3;
            case GLOBAL_GET, GLOBAL_SET -> 8;
            case SELECT, SELECT_T -> 10;
            case CALL -> 8 + ARRAY_RELOAD;
            case CALL_INDIRECT -> 12 + ARRAY_RELOAD;
            case MEMORY_GROW, MEMORY_FILL, MEMORY_COPY, MEMORY_INIT -> 10 + ARRAY_RELOAD;
            case UNREACHABLE, RETURN -> 6;
            default -> byShape(op);
        };
    }

    private static int byShape(Op op) {
        return switch (op.imm()) {
            // A numeric instruction is one bytecode or a static call of its helper.
            case NONE -> op.prefix() == 0xFD ? 6 : 3;
            case I32, I64, F32, F64 -> 3;
            case V128 -> 16;
            // The offset, the array and the memory, the call; a store puts the array back.
            case MEMARG, MEMARG_LANE -> op.prefix() == 0xFD ? 10 + ARRAY_RELOAD : 12;
            case SHUFFLE -> 40;
            case LANE -> 6;
            default -> 10;
        };
    }

    /** A loop header: the memory array's reload on entry, its interrupt poll and fuel charge, when compiled in. */
    static int loop(boolean interruptible, boolean fuel) {
        return ARRAY_RELOAD + (interruptible ? 30 : 0) + (fuel ? 28 : 0);
    }

    /** A branch that may have to drop operands first. */
    static int branch() {
        return 8;
    }

    /**
     * A {@code br_table} with {@code labels} labels among {@code open} open blocks: a
     * {@code tableswitch} of four bytes per label, or past {@link BrTableDispatch#MAX_SWITCH_LABELS}
     * a switch on the distinct targets; plus the trampolines of targets that drop operands.
     */
    static int brTable(int labels, int open) {
        int targets = Math.min(labels + 1, open);
        int table = labels > BrTableDispatch.MAX_SWITCH_LABELS ? 60 + 4 * targets + 12 * (labels / 8192 + 1) : 20 + 4 * labels;
        return table + 12 * targets;
    }
}
