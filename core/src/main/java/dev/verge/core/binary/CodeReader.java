package dev.verge.core.binary;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.Expr;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes an instruction sequence and drives an {@link InstrVisitor}, one call per instruction.
 *
 * <p>Immediates are read by their shape ({@link Op#imm()}), never by opcode, so an instruction
 * added to {@link Op} is decoded without a change here. The reader checks the binary grammar only:
 * opcodes exist, immediates are well encoded, blocks nest and the sequence ends with the
 * {@code end} that closes it, with nothing after. Types and indices are the validator's business.
 *
 * <p>Index immediates are u32 values carried in an {@code int}: an index of 2<sup>31</sup> or more
 * arrives negative, and consumers must treat it as out of range.
 *
 * <p>The visitor's {@link InstrVisitor#at} receives each instruction's absolute module offset,
 * taken from {@link Expr#offset()}.
 */
public final class CodeReader {
    /** Instructions by opcode, and by sub-opcode after each prefix; built once from {@link Op}. */
    private static final Op[] SINGLE = new Op[256];
    private static final Op[] PREFIX_FC;
    private static final Op[] PREFIX_FD;

    private static final byte KIND_BLOCK = 0;
    private static final byte KIND_IF = 1;
    private static final byte KIND_ELSE = 2;

    static {
        int maxFc = -1;
        int maxFd = -1;
        for (Op op : Op.values()) {
            if (op.prefix() == 0xFC) {
                maxFc = Math.max(maxFc, op.code());
            } else if (op.prefix() == 0xFD) {
                maxFd = Math.max(maxFd, op.code());
            }
        }
        PREFIX_FC = new Op[maxFc + 1];
        PREFIX_FD = new Op[maxFd + 1];
        for (Op op : Op.values()) {
            switch (op.prefix()) {
                case 0 -> SINGLE[op.code()] = op;
                case 0xFC -> PREFIX_FC[op.code()] = op;
                case 0xFD -> PREFIX_FD[op.code()] = op;
                default -> throw new AssertionError(op);
            }
        }
    }

    private CodeReader() {}

    /** Decodes {@code expr} with the default limits. */
    public static void read(Expr expr, InstrVisitor visitor) {
        read(expr, visitor, DecoderLimits.DEFAULTS);
    }

    /**
     * Decodes {@code expr}, calling {@code visitor} for each instruction in order, the final
     * {@code end} included.
     *
     * @throws MalformedModuleException if the bytes are not an instruction sequence closed by its
     *     final {@code end}, or exceed a limit (nesting depth, br_table size, select types)
     */
    public static void read(Expr expr, InstrVisitor visitor, DecoderLimits limits) {
        Bytes code = expr.code();
        int from = code.arrayOffset();
        WasmReader r = new WasmReader(code.unsafeArray(), from, from + code.length(), expr.offset() - from);
        readInstructions(r, visitor, limits);
        if (!r.atEnd()) {
            throw r.error("section size mismatch");
        }
    }

    /**
     * Reads instructions from the reader's position through the {@code end} that closes the
     * sequence, leaving the reader just after it. The module decoder calls this with a reader over
     * the rest of the module, as the reference interpreter does, and then checks the sizes.
     */
    static void readInstructions(WasmReader r, InstrVisitor v, DecoderLimits limits) {
        byte[] kinds = new byte[16];
        int depth = 0;
        while (true) {
            int start = r.pos();
            v.at((int) r.offsetOf(start));
            Op op = opcode(r);
            switch (op.imm()) {
                case NONE -> {
                    if (op == Op.END) {
                        v.op(op);
                        if (depth == 0) {
                            return;
                        }
                        depth--;
                        continue;
                    }
                    if (op == Op.ELSE) {
                        // Outside an if, or after its else, the reference decoder stops the
                        // block here and then wants its end.
                        if (depth == 0 || kinds[depth] != KIND_IF) {
                            throw r.errorAt("END opcode expected", start);
                        }
                        kinds[depth] = KIND_ELSE;
                    }
                    v.op(op);
                }
                case BLOCK -> {
                    BlockType type = blockType(r);
                    depth++;
                    if (depth > limits.maxNestingDepth()) {
                        checkNestingDepth(r, depth, start, limits);
                    }
                    if (depth == kinds.length) {
                        kinds = Arrays.copyOf(kinds, kinds.length * 2);
                    }
                    kinds[depth] = op == Op.IF ? KIND_IF : KIND_BLOCK;
                    v.block(op, type);
                }
                case LABEL -> v.branch(op, r.u32());
                case BR_TABLE -> brTable(r, v, limits);
                case FUNC, LOCAL, GLOBAL, TABLE, ELEM, DATA -> v.index(op, r.u32());
                case MEMORY -> v.index(op, memoryIndex(r, limits));
                case TYPE_TABLE, ELEM_TABLE, TABLE_TABLE -> {
                    int first = r.u32();
                    v.index2(op, first, r.u32());
                }
                case DATA_MEMORY -> {
                    int data = r.u32();
                    v.index2(op, data, memoryIndex(r, limits));
                }
                case MEMORY_MEMORY -> {
                    int destination = memoryIndex(r, limits);
                    v.index2(op, destination, memoryIndex(r, limits));
                }
                case MEMARG -> memarg(r, v, op, limits, false);
                case MEMARG_LANE -> memarg(r, v, op, limits, true);
                case LANE -> v.lane(op, r.u8());
                case SHUFFLE -> {
                    byte[] lanes = new byte[16];
                    for (int i = 0; i < 16; i++) {
                        lanes[i] = (byte) r.u8();
                    }
                    v.shuffle(lanes);
                }
                case I32 -> v.i32Const(r.s32());
                case I64 -> v.i64Const(r.s64());
                case F32 -> v.f32Const(r.i32LE());
                case F64 -> v.f64Const(r.i64LE());
                case V128 -> {
                    long low = r.i64LE();
                    v.v128Const(low, r.i64LE());
                }
                case SELECT_TYPES -> selectTypes(r, v, limits);
                case HEAP_TYPE -> v.refNull(heapType(r));
                default -> throw new AssertionError("no reader for immediate shape " + op.imm());
            }
        }
    }

    /**
     * The instruction at the reader's position, its opcode (and sub-opcode) consumed.
     *
     * @throws MalformedModuleException for an opcode that {@link Op} does not define
     */
    public static Op opcode(WasmReader r) {
        int start = r.pos();
        int b = r.u8();
        Op op;
        if (b == 0xFC || b == 0xFD) {
            int sub = r.u32();
            Op[] table = b == 0xFC ? PREFIX_FC : PREFIX_FD;
            op = sub >= 0 && sub < table.length ? table[sub] : null;
            if (op == null) {
                throw r.errorAt("illegal opcode " + hex(b) + " " + Integer.toUnsignedString(sub, 16), start);
            }
        } else {
            op = SINGLE[b];
            if (op == null) {
                throw r.errorAt("illegal opcode " + hex(b), start);
            }
        }
        return op;
    }

    private static String hex(int b) {
        return b < 0x10 ? "0" + Integer.toHexString(b) : Integer.toHexString(b);
    }

    /**
     * A block type: {@code 0x40} for none, a value type, or a non-negative s33 type index. As in
     * the reference decoder, an encoding that is none of these fails the way a value type would.
     */
    public static BlockType blockType(WasmReader r) {
        int b = r.peek();
        if (b == 0x40) {
            r.u8();
            return BlockType.EMPTY;
        }
        if (b >= 0 && b < 0x40) {
            r.u8();
            return new BlockType.Index(b);
        }
        if (b >= 0x40 && b < 0x80) {
            return BlockType.of(TypeReader.valueType(r));
        }
        int start = r.pos();
        long index = r.tryS33();
        if (index >= 0) {
            return new BlockType.Index((int) index);
        }
        r.seek(start);
        return BlockType.of(TypeReader.valueType(r));
    }

    private static void brTable(WasmReader r, InstrVisitor v, DecoderLimits limits) {
        int[] labels = brTableLabels(r, limits);
        v.brTable(labels, r.u32());
    }

    /**
     * Fails if {@code depth} nested blocks exceed the limit; {@code start} is the array index of
     * the block instruction that opens the deepest.
     */
    public static void checkNestingDepth(WasmReader r, int depth, int start, DecoderLimits limits) {
        DecoderLimits.check("nested blocks", depth, limits.maxNestingDepth(), r.offsetOf(start));
    }

    /** A {@code br_table}'s label vector (the default label follows it). */
    public static int[] brTableLabels(WasmReader r, DecoderLimits limits) {
        int start = r.pos();
        int n = r.length();
        DecoderLimits.check("br_table targets", n, limits.maxBrTableTargets(), r.offsetOf(start));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.u32();
        }
        return labels;
    }

    /**
     * A memory index: in Wasm 2.0 a reserved byte that must be zero (not a LEB128: {@code 80 00}
     * is malformed), with multi-memory a u32.
     */
    public static int memoryIndex(WasmReader r, DecoderLimits limits) {
        if (limits.multiMemory()) {
            return r.u32();
        }
        int b = r.u8();
        if (b != 0) {
            throw r.errorAt("zero byte expected", r.pos() - 1);
        }
        return 0;
    }

    /**
     * A memarg: alignment exponent flags, then (with multi-memory, when flag bit 6 is set) a
     * memory index, then the offset; for lane accesses a lane byte follows.
     */
    private static void memarg(WasmReader r, InstrVisitor v, Op op, DecoderLimits limits, boolean lane) {
        long flagsAndMemory = memargFlags(r, limits);
        int flags = (int) flagsAndMemory;
        int memory = (int) (flagsAndMemory >>> 32);
        long offset = r.u32Long();
        if (lane) {
            v.memoryLane(op, flags, offset, memory, r.u8());
        } else {
            v.memory(op, flags, offset, memory);
        }
    }

    /**
     * The start of a memarg, up to its offset: the alignment exponent in the low 32 bits of the
     * result and the memory index in the high 32 (packed, so that reading it allocates nothing).
     */
    public static long memargFlags(WasmReader r, DecoderLimits limits) {
        int flags = r.u32();
        int memory = 0;
        if (limits.multiMemory() && (flags & 0x40) != 0) {
            flags &= ~0x40;
            memory = r.u32();
        }
        if (Integer.compareUnsigned(flags, 32) >= 0) {
            throw r.errorAt("malformed memop flags", r.pos() - 1);
        }
        return (long) memory << 32 | (flags & 0xFFFF_FFFFL);
    }

    private static void selectTypes(WasmReader r, InstrVisitor v, DecoderLimits limits) {
        v.selectTyped(selectTypes(r, limits));
    }

    /** The value types of a typed {@code select}. */
    public static List<ValType> selectTypes(WasmReader r, DecoderLimits limits) {
        int start = r.pos();
        int n = r.length();
        DecoderLimits.check("select types", n, limits.maxSelectTypes(), r.offsetOf(start));
        ValType[] types = new ValType[n];
        for (int i = 0; i < n; i++) {
            types[i] = TypeReader.valueType(r);
        }
        return List.of(types);
    }

    /** The heap type of a {@code ref.null}. */
    public static HeapType heapType(WasmReader r) {
        return TypeReader.refType(r).heap();
    }
}
