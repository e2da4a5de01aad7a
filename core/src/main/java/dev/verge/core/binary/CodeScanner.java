package dev.verge.core.binary;

import dev.verge.core.instr.Op;
import java.util.Arrays;

/**
 * Checks that bytes are a well-formed instruction sequence without reporting the instructions to
 * anyone: the decoder's pass over function bodies.
 *
 * <p>The decoder must report malformed code as malformed, before the validator looks at anything,
 * but it keeps bodies encoded, so it needs no visitor: this is {@link CodeReader}'s grammar with
 * the visitor calls taken out, which makes the decoder's pass over code several times cheaper
 * (no per-instruction interface call, no immediate objects). It accepts and rejects exactly what
 * {@link CodeReader} does, with the same message at the same offset; a test holds the two to
 * that.
 *
 * <p>The common instructions take a fast path: a {@code tableswitch} over a precomputed
 * opcode-to-shape table, and a position kept in a local variable while well-formed immediates are
 * skipped in place. Whatever the fast path is not sure of (prefixed opcodes, rare shapes, long or
 * truncated encodings) goes to the general path, which reads through the {@link WasmReader} and
 * so raises its errors.
 */
final class CodeScanner {
    private static final byte KIND_BLOCK = 0;
    private static final byte KIND_IF = 1;
    private static final byte KIND_ELSE = 2;

    // Fast-path shapes of single-byte opcodes; GENERAL is everything else.
    private static final byte GENERAL = 0;
    private static final byte PLAIN = 1;
    private static final byte END = 2;
    private static final byte U32 = 3;
    private static final byte S32 = 4;
    private static final byte S64 = 5;
    private static final byte BYTES4 = 6;
    private static final byte BYTES8 = 7;
    private static final byte MEMARG = 8;
    private static final byte BLOCK = 9;

    private static final byte[] SHAPES = new byte[256];

    static {
        for (Op op : Op.values()) {
            if (op.prefix() != 0) {
                continue;
            }
            SHAPES[op.code()] = switch (op.imm()) {
                case NONE -> op == Op.END ? END : op == Op.ELSE ? GENERAL : PLAIN;
                case LABEL, FUNC, LOCAL, GLOBAL, TABLE -> U32;
                case I32 -> S32;
                case I64 -> S64;
                case F32 -> BYTES4;
                case F64 -> BYTES8;
                case MEMARG -> MEMARG;
                case BLOCK -> BLOCK;
                default -> GENERAL;
            };
        }
    }

    private CodeScanner() {}

    /**
     * Reads instructions from the reader's position through the {@code end} that closes the
     * sequence, leaving the reader just after it.
     *
     * @return whether the code names a data segment ({@code memory.init} or {@code data.drop}),
     *     which makes the data count section required
     */
    static boolean scan(WasmReader r, DecoderLimits limits) {
        byte[] kinds = new byte[16];
        int depth = 0;
        boolean usesData = false;
        byte[] b = r.array();
        int limit = r.limit();
        int pos = r.pos();
        while (true) {
            if (pos < limit) {
                int next = fast(b, pos, limit);
                if (next >= 0) {
                    pos = next;
                    continue;
                }
                int shape = SHAPES[b[pos] & 0xFF];
                if (shape == END) {
                    if (depth == 0) {
                        r.seek(pos + 1);
                        return usesData;
                    }
                    depth--;
                    pos++;
                    continue;
                }
                if (shape == BLOCK) {
                    int t = pos + 1 < limit ? b[pos + 1] & 0xFF : -1;
                    if (t == 0x40 || TypeReader.valueTypeOfCode(t) != null) {
                        depth++;
                        if (depth > limits.maxNestingDepth()) {
                            CodeReader.checkNestingDepth(r, depth, pos, limits);
                        }
                        if (depth == kinds.length) {
                            kinds = Arrays.copyOf(kinds, kinds.length * 2);
                        }
                        kinds[depth] = b[pos] == 0x04 ? KIND_IF : KIND_BLOCK;
                        pos += 2;
                        continue;
                    }
                }
            }
            // The general path, through the reader.
            r.seek(pos);
            int start = pos;
            Op op = CodeReader.opcode(r);
            switch (op.imm()) {
                case NONE -> {
                    if (op == Op.END) {
                        if (depth == 0) {
                            return usesData;
                        }
                        depth--;
                    } else if (op == Op.ELSE) {
                        if (depth == 0 || kinds[depth] != KIND_IF) {
                            throw r.errorAt("END opcode expected", start);
                        }
                        kinds[depth] = KIND_ELSE;
                    }
                }
                case BLOCK -> {
                    // The empty block type, the common case, without building a BlockType.
                    if (r.peek() == 0x40) {
                        r.u8();
                    } else {
                        CodeReader.blockType(r);
                    }
                    depth++;
                    if (depth > limits.maxNestingDepth()) {
                        CodeReader.checkNestingDepth(r, depth, start, limits);
                    }
                    if (depth == kinds.length) {
                        kinds = Arrays.copyOf(kinds, kinds.length * 2);
                    }
                    kinds[depth] = op == Op.IF ? KIND_IF : KIND_BLOCK;
                }
                case LABEL, FUNC, LOCAL, GLOBAL, TABLE, ELEM -> r.u32();
                case DATA -> {
                    r.u32();
                    usesData |= op == Op.DATA_DROP;
                }
                case BR_TABLE -> {
                    int at = r.pos();
                    int n = r.length();
                    DecoderLimits.check("br_table targets", n, limits.maxBrTableTargets(), r.offsetOf(at));
                    for (int i = 0; i <= n; i++) {
                        r.u32();
                    }
                }
                case MEMORY -> CodeReader.memoryIndex(r, limits);
                case TYPE_TABLE, ELEM_TABLE, TABLE_TABLE -> {
                    r.u32();
                    r.u32();
                }
                case DATA_MEMORY -> {
                    r.u32();
                    CodeReader.memoryIndex(r, limits);
                    usesData |= op == Op.MEMORY_INIT;
                }
                case MEMORY_MEMORY -> {
                    CodeReader.memoryIndex(r, limits);
                    CodeReader.memoryIndex(r, limits);
                }
                case MEMARG -> {
                    CodeReader.memargFlags(r, limits);
                    r.u32();
                }
                case MEMARG_LANE -> {
                    CodeReader.memargFlags(r, limits);
                    r.u32();
                    r.u8();
                }
                case LANE -> r.u8();
                case SHUFFLE -> {
                    for (int i = 0; i < 16; i++) {
                        r.u8();
                    }
                }
                case I32 -> r.s32();
                case I64 -> r.s64();
                case F32 -> r.i32LE();
                case F64 -> r.i64LE();
                case V128 -> {
                    r.i64LE();
                    r.i64LE();
                }
                case SELECT_TYPES -> CodeReader.selectTypes(r, limits);
                case HEAP_TYPE -> CodeReader.heapType(r);
                default -> throw new AssertionError("no reader for immediate shape " + op.imm());
            }
            pos = r.pos();
        }
    }

    /**
     * Skips the instruction at {@code pos} if it has a fast-path shape and a well-formed encoding
     * that lies entirely before {@code limit}: returns the position after it, else -1 (also for
     * {@code end} and blocks, which change the nesting and are the caller's).
     */
    private static int fast(byte[] b, int pos, int limit) {
        int p = pos + 1;
        return switch (SHAPES[b[pos] & 0xFF]) {
            case PLAIN -> p;
            case U32 -> ShortLeb.end(b, p, limit, 5);
            case S32 -> ShortLeb.end(b, p, limit, 5);
            case S64 -> ShortLeb.end(b, p, limit, 10);
            case BYTES4 -> p + 4 <= limit ? p + 4 : -1;
            case BYTES8 -> p + 8 <= limit ? p + 8 : -1;
            case MEMARG -> {
                // An alignment exponent in one byte below 32 is well formed with or without
                // multi-memory (whose flag is bit 6); then the offset.
                if (p < limit && b[p] >= 0 && b[p] < 32) {
                    yield ShortLeb.end(b, p + 1, limit, 5);
                }
                yield -1;
            }
            default -> -1;
        };
    }
}
