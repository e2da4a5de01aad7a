package dev.verge.core.validate;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.binary.DecoderLimits;
import dev.verge.core.binary.WasmReader;
import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.Expr;
import java.util.Arrays;

/**
 * {@link CodeReader}'s loop, calling a {@link FunctionValidator} directly: the validator's pass
 * over a function body.
 *
 * <p>Why a second loop: {@link CodeReader} calls its visitor through the {@code InstrVisitor}
 * interface, and since the decoder, the validator, the printer and others all go through that one
 * call site, the JIT sees it megamorphic and every instruction pays two interface dispatches that
 * cannot be inlined. Here the receiver's class is final and known, so the calls are direct and
 * inlined, which roughly doubles validation speed. Immediates are still read by
 * {@link CodeReader}'s shape readers, so the grammar lives in one place; this loop only dispatches.
 * It accepts and rejects what {@link CodeReader} does (a module built by hand, not decoded, may
 * hold malformed code), with the same errors.
 */
final class BodyReader {
    private static final DecoderLimits LIMITS = DecoderLimits.DEFAULTS;

    private static final byte KIND_BLOCK = 0;
    private static final byte KIND_IF = 1;
    private static final byte KIND_ELSE = 2;

    // What to do for each single-byte opcode: the hottest instructions go straight to their rule,
    // so that they cost one dispatch (the switch on this table) instead of two (shape, then
    // opcode); GENERAL goes through the shape switch.
    private static final byte GENERAL = 0;
    private static final byte FIXED = 1;
    private static final byte LOCAL_GET = 2;
    private static final byte LOCAL_SET = 3;
    private static final byte LOCAL_TEE = 4;
    private static final byte GLOBAL_GET = 5;
    private static final byte CALL = 6;
    private static final byte I32_CONST = 7;

    private static final byte[] RULES = new byte[256];
    private static final Op[] SINGLE = new Op[256];

    static {
        for (Op op : Op.values()) {
            if (op.prefix() != 0) {
                continue;
            }
            SINGLE[op.code()] = op;
            RULES[op.code()] = switch (op) {
                case LOCAL_GET -> LOCAL_GET;
                case LOCAL_SET -> LOCAL_SET;
                case LOCAL_TEE -> LOCAL_TEE;
                case GLOBAL_GET -> GLOBAL_GET;
                case CALL -> CALL;
                case I32_CONST -> I32_CONST;
                default -> op.imm() == Imm.NONE && Signatures.PARAMS[op.ordinal()] != null ? FIXED : GENERAL;
            };
        }
    }

    private BodyReader() {}

    /** Reads {@code expr}, which must end exactly with its closing {@code end}, into {@code v}. */
    static void read(Expr expr, FunctionValidator v) {
        Bytes code = expr.code();
        int from = code.arrayOffset();
        WasmReader r = new WasmReader(code.unsafeArray(), from, from + code.length(), expr.offset() - from);
        readInstructions(r, v, -1);
        if (!r.atEnd()) {
            throw r.error("section size mismatch");
        }
    }

    /**
     * Reads the instructions of {@code expr} from module offset {@code from} (an instruction
     * boundary) up to {@code to}, where {@code v} gets a last {@link FunctionValidator#at} call
     * and nothing more. The range must hold whole blocks only (it is a piece of an already
     * validated body, see {@link FunctionValidator#resume}).
     */
    static void readRange(Expr expr, int from, int to, FunctionValidator v) {
        Bytes code = expr.code();
        int start = code.arrayOffset();
        int delta = expr.offset() - start;
        WasmReader r = new WasmReader(code.unsafeArray(), from - delta, start + code.length(), delta);
        readInstructions(r, v, to - delta);
    }

    /** The loop; {@code stop} is the array index where to stop after {@code at}, or -1. */
    private static void readInstructions(WasmReader r, FunctionValidator v, int stop) {
        byte[] kinds = new byte[16];
        int depth = 0;
        int base = (int) r.offsetOf(0);
        while (true) {
            int start = r.pos();
            v.at(base + start);
            if (start == stop) {
                return;
            }
            int rule = r.remaining() > 0 ? RULES[r.peek()] : GENERAL;
            if (rule != GENERAL) {
                int code = r.u8();
                switch (rule) {
                    case FIXED -> {
                        Op op = SINGLE[code];
                        v.fixedOp(op, Signatures.PARAMS[op.ordinal()]);
                    }
                    case LOCAL_GET -> v.localGet(r.u32());
                    case LOCAL_SET -> v.localSet(r.u32());
                    case LOCAL_TEE -> v.localTee(r.u32());
                    case GLOBAL_GET -> v.globalGet(r.u32());
                    case CALL -> v.call(r.u32());
                    case I32_CONST -> v.i32Const(r.s32());
                    default -> throw new AssertionError(rule);
                }
                continue;
            }
            Op op = CodeReader.opcode(r);
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
                        if (depth == 0 || kinds[depth] != KIND_IF) {
                            throw r.errorAt("END opcode expected", start);
                        }
                        kinds[depth] = KIND_ELSE;
                    }
                    v.op(op);
                }
                case BLOCK -> {
                    var type = CodeReader.blockType(r);
                    depth++;
                    if (depth > LIMITS.maxNestingDepth()) {
                        CodeReader.checkNestingDepth(r, depth, start, LIMITS);
                    }
                    if (depth == kinds.length) {
                        kinds = Arrays.copyOf(kinds, kinds.length * 2);
                    }
                    kinds[depth] = op == Op.IF ? KIND_IF : KIND_BLOCK;
                    v.block(op, type);
                }
                case LABEL -> v.branch(op, r.u32());
                case BR_TABLE -> {
                    int[] labels = CodeReader.brTableLabels(r, LIMITS);
                    v.brTable(labels, r.u32());
                }
                case FUNC, LOCAL, GLOBAL, TABLE, ELEM, DATA -> v.index(op, r.u32());
                case MEMORY -> v.index(op, CodeReader.memoryIndex(r, LIMITS));
                case TYPE_TABLE, ELEM_TABLE, TABLE_TABLE -> {
                    int first = r.u32();
                    v.index2(op, first, r.u32());
                }
                case DATA_MEMORY -> {
                    int data = r.u32();
                    v.index2(op, data, CodeReader.memoryIndex(r, LIMITS));
                }
                case MEMORY_MEMORY -> {
                    int destination = CodeReader.memoryIndex(r, LIMITS);
                    v.index2(op, destination, CodeReader.memoryIndex(r, LIMITS));
                }
                case MEMARG -> {
                    long flags = CodeReader.memargFlags(r, LIMITS);
                    v.memory(op, (int) flags, r.u32Long(), (int) (flags >>> 32));
                }
                case MEMARG_LANE -> {
                    long flags = CodeReader.memargFlags(r, LIMITS);
                    long offset = r.u32Long();
                    v.memoryLane(op, (int) flags, offset, (int) (flags >>> 32), r.u8());
                }
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
                case SELECT_TYPES -> v.selectTyped(CodeReader.selectTypes(r, LIMITS));
                case HEAP_TYPE -> v.refNull(CodeReader.heapType(r));
                default -> throw new AssertionError("no reader for immediate shape " + op.imm());
            }
        }
    }
}
