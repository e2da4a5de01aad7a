package dev.verge.text;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.binary.WasmWriter;
import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.FuncType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses instruction sequences, flat and folded, straight into their binary encoding through a
 * {@link CodeWriter}. Immediates are parsed by {@link Imm} shape from the one instruction table;
 * only the structured instructions and a few with optional or reordered immediates have code of
 * their own.
 */
final class InstrParser {
    private final Syntax s;
    private final Lexer lx;
    private final ModuleContext ctx;
    private final TypeParser types;
    /** The function's locals (parameters first); null in constant expressions. */
    private IndexSpace locals;
    /** Label identifiers, innermost last; null for an unnamed label. */
    private final List<String> labels = new ArrayList<>();
    /** For each label identifier, the depths (indices in {@link #labels}) binding it, innermost last. */
    private final Map<String, List<Integer>> labelDepths = new HashMap<>();
    /** Scratch buffers for folded instructions, one per nesting depth. */
    private final List<CodeWriter> scratch = new ArrayList<>();
    private int depth;
    /** The flat blocks open in the current instruction sequence: BLOCK, LOOP, IF, or ELSE once an if has one. */
    private final List<Op> flat = new ArrayList<>();
    /**
     * The deepest nesting of blocks and folded instructions accepted. Folded instructions are
     * parsed recursively, so this bounds the Java stack the parser needs.
     */
    static final int MAX_NESTING = 1000;
    /** The deepest nesting of blocks (flat ones need no recursion), as the validator's limit. */
    static final int MAX_BLOCKS = 65_536;

    InstrParser(Syntax syntax, ModuleContext ctx, TypeParser types) {
        this.s = syntax;
        this.lx = syntax.lx;
        this.ctx = ctx;
        this.types = types;
    }

    /** Starts a function body (or, with null, a constant expression) with its locals. */
    void begin(IndexSpace functionLocals) {
        this.locals = functionLocals;
        labels.clear();
        labelDepths.clear();
        flat.clear();
        depth = 0;
    }

    /**
     * Parses instructions until {@code )} or the end of input, or an {@code end} or {@code else}
     * that closes no block opened here. Flat blocks are tracked on an explicit stack, not by
     * recursion, so deeply nested flat code (a large {@code br_table} dispatch) cannot exhaust
     * the Java stack.
     */
    void instrs(CodeWriter out) {
        int base = flat.size();
        while (true) {
            Token k = lx.kind();
            if (k == Token.LPAREN) {
                folded(out);
            } else if (k == Token.KEYWORD && lx.isKeyword("end")) {
                if (flat.size() == base) {
                    return;
                }
                lx.advance();
                String label = labels.get(labels.size() - 1);
                endLabel(label);
                out.op(Op.END);
                exit();
                flat.remove(flat.size() - 1);
            } else if (k == Token.KEYWORD && lx.isKeyword("else")) {
                if (flat.size() == base || flat.get(flat.size() - 1) != Op.IF) {
                    if (flat.size() == base) {
                        return;
                    }
                    throw lx.unexpected();
                }
                lx.advance();
                endLabel(labels.get(labels.size() - 1));
                out.op(Op.ELSE);
                // An if has one else: what follows closes with end only.
                flat.set(flat.size() - 1, Op.ELSE);
            } else if (k == Token.KEYWORD) {
                int at = lx.start();
                Op op = op();
                lx.advance();
                if (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) {
                    String label = s.optId();
                    out.block(op, blockType());
                    enter(label);
                    flat.add(op);
                } else {
                    immediates(op, at, out);
                }
            } else {
                return;
            }
        }
    }

    /** Enters a block: binds its label, within the nesting limit. */
    private void enter(String label) {
        if (labels.size() >= MAX_BLOCKS) {
            throw s.error("nesting too deep");
        }
        if (label != null) {
            labelDepths.computeIfAbsent(label, k -> new ArrayList<>()).add(labels.size());
        }
        labels.add(label);
    }

    /** Leaves the innermost block. */
    private void exit() {
        String label = labels.remove(labels.size() - 1);
        if (label != null) {
            List<Integer> depths = labelDepths.get(label);
            depths.remove(depths.size() - 1);
        }
    }

    private Op op() {
        Op op = lx.kind() == Token.KEYWORD ? Op.byMnemonic(lx.text()) : null;
        if (op == null || op == Op.END || op == Op.ELSE) {
            throw lx.unexpected();
        }
        return op;
    }

    /** An optional identifier after {@code end} or {@code else}: it must repeat the block's label. */
    private void endLabel(String label) {
        if (lx.kind() == Token.ID) {
            if (!lx.idName().equals(label)) {
                throw s.error("mismatching label");
            }
            lx.advance();
        }
    }

    private BlockType blockType() {
        return ctx.blockType(types.typeUse(false), s);
    }

    /** Exactly one folded instruction (an offset or element item abbreviation). */
    void foldedOne(CodeWriter out) {
        folded(out);
    }

    /** A folded instruction {@code (op immediates folded*)}: operands first, then the operator. */
    private void folded(CodeWriter out) {
        if (++depth > MAX_NESTING) {
            throw s.error("nesting too deep");
        }
        s.lparen();
        int at = lx.start();
        Op op = op();
        lx.advance();
        switch (op) {
            case BLOCK, LOOP -> {
                String label = s.optId();
                out.block(op, blockType());
                enter(label);
                instrs(out);
                out.op(Op.END);
                exit();
            }
            case IF -> foldedIf(out);
            default -> {
                CodeWriter pending = scratch(depth);
                pending.out().reset();
                immediates(op, at, pending);
                while (lx.kind() == Token.LPAREN) {
                    folded(out);
                }
                out.out().bytes(pending.out());
            }
        }
        s.rparen();
        depth--;
    }

    private CodeWriter scratch(int level) {
        while (scratch.size() <= level) {
            scratch.add(new CodeWriter(new WasmWriter(32)));
        }
        return scratch.get(level);
    }

    private void foldedIf(CodeWriter out) {
        String label = s.optId();
        BlockType bt = blockType();
        while (lx.kind() == Token.LPAREN && !lx.isParenKeyword("then")) {
            folded(out);
        }
        out.block(Op.IF, bt);
        enter(label);
        if (!s.openIf("then")) {
            throw lx.unexpected();
        }
        instrs(out);
        s.rparen();
        if (s.openIf("else")) {
            out.op(Op.ELSE);
            instrs(out);
            s.rparen();
        }
        out.op(Op.END);
        exit();
    }

    private int label() {
        if (lx.kind() == Token.ID) {
            String id = lx.idName();
            List<Integer> depths = labelDepths.get(id);
            if (depths != null && !depths.isEmpty()) {
                lx.advance();
                return labels.size() - 1 - depths.get(depths.size() - 1);
            }
            throw s.error("unknown label " + id);
        }
        return s.u32();
    }

    private int local() {
        if (locals == null) {
            if (lx.kind() == Token.ID) {
                throw s.error("unknown local " + lx.idName());
            }
            return s.u32();
        }
        return s.index(locals);
    }

    /** An optional index (table or memory), defaulting to 0. */
    private int optIndex(IndexSpace space) {
        return s.atIndex() ? s.index(space) : 0;
    }

    /** Parses the immediates of {@code op} (already consumed) and writes the instruction. */
    private void immediates(Op op, int at, CodeWriter w) {
        if (op == Op.SELECT && lx.isParenKeyword("result")) {
            // select with (result t*) is the typed form.
            FuncType f = types.signature(null);
            if (!f.params().isEmpty()) {
                throw s.errorAt(at, "unexpected token");
            }
            w.selectTyped(f.results());
            return;
        }
        switch (op.imm()) {
            case NONE -> w.op(op);
            case LABEL -> w.branch(op, label());
            case BR_TABLE -> {
                int[] all = new int[4];
                int n = 0;
                do {
                    if (n == all.length) {
                        all = java.util.Arrays.copyOf(all, n * 2);
                    }
                    all[n++] = label();
                } while (s.atIndex());
                w.brTable(java.util.Arrays.copyOf(all, n - 1), all[n - 1]);
            }
            case FUNC -> w.index(op, s.index(ctx.funcs));
            case LOCAL -> w.index(op, local());
            case GLOBAL -> w.index(op, s.index(ctx.globals));
            case TABLE -> w.index(op, optIndex(ctx.tables));
            case MEMORY -> w.index(op, optIndex(ctx.memories));
            case ELEM -> w.index(op, s.index(ctx.elems));
            case DATA -> {
                ctx.usesDataCount = true;
                w.index(op, s.index(ctx.datas));
            }
            case TYPE_TABLE -> {
                int table = optIndex(ctx.tables);
                TypeUse use = types.typeUse(false);
                w.index2(op, ctx.resolve(use, s), table);
            }
            case DATA_MEMORY -> {
                ctx.usesDataCount = true;
                // memory.init takes an optional memory index first (multi-memory).
                int memory = twoIndices() ? s.index(ctx.memories) : 0;
                w.index2(op, s.index(ctx.datas), memory);
            }
            case ELEM_TABLE -> {
                int table = twoIndices() ? s.index(ctx.tables) : 0;
                w.index2(op, s.index(ctx.elems), table);
            }
            case MEMORY_MEMORY -> {
                int dst = optIndex(ctx.memories);
                int src = s.atIndex() ? s.index(ctx.memories) : dst;
                w.index2(op, dst, src);
            }
            case TABLE_TABLE -> {
                int dst = optIndex(ctx.tables);
                int src = s.atIndex() ? s.index(ctx.tables) : dst;
                w.index2(op, dst, src);
            }
            case MEMARG -> memarg(op, w, false);
            case MEMARG_LANE -> memarg(op, w, true);
            case LANE -> w.lane(op, laneIndex());
            case SHUFFLE -> shuffle(at, w);
            case I32 -> w.i32Const(ConstParser.i32(s));
            case I64 -> w.i64Const(ConstParser.i64(s));
            case F32 -> w.f32Const(ConstParser.f32(s));
            case F64 -> w.f64Const(ConstParser.f64(s));
            case V128 -> {
                long[] v = ConstParser.v128(s, at);
                w.v128Const(v[0], v[1]);
            }
            case SELECT_TYPES -> throw new AssertionError("select t is reached through select");
            case HEAP_TYPE -> w.refNull(types.heapType());
            case BLOCK -> throw new AssertionError("structured instructions are parsed by the caller");
        }
    }

    private boolean twoIndices() {
        return s.atIndex() && (lx.peekKind() == Token.NAT || lx.peekKind() == Token.ID);
    }

    private void memarg(Op op, CodeWriter w, boolean lane) {
        int memory = 0;
        if (lx.kind() == Token.ID || lx.kind() == Token.NAT && (!lane || lx.peekKind() == Token.NAT || peekIsMemargKeyword())) {
            memory = s.index(ctx.memories);
        }
        boolean is64 = memory >= 0 && memory < ctx.memory64.size() && ctx.memory64.get(memory);
        long offset = 0;
        if (lx.kind() == Token.KEYWORD && lx.text().startsWith("offset=")) {
            String digits = lx.text().substring(7);
            try {
                offset = is64 ? NumberParser.parseU64(digits) : NumberParser.parseU32(digits) & 0xFFFFFFFFL;
            } catch (NumberFormatException e) {
                throw s.error(e.getMessage());
            }
            lx.advance();
        }
        int alignLog2 = Integer.numberOfTrailingZeros(op.accessBytes());
        if (lx.kind() == Token.KEYWORD && lx.text().startsWith("align=")) {
            long align;
            try {
                align = NumberParser.parseU64(lx.text().substring(6));
            } catch (NumberFormatException e) {
                throw s.error("integer constant out of range");
            }
            if (align == 0 || Long.bitCount(align) != 1) {
                throw s.error("alignment must be a power of two");
            }
            alignLog2 = Long.numberOfTrailingZeros(align);
            lx.advance();
        }
        if (lane) {
            w.memoryLane(op, alignLog2, offset, memory, laneIndex());
        } else {
            w.memory(op, alignLog2, offset, memory);
        }
    }

    private boolean peekIsMemargKeyword() {
        if (lx.peekKind() != Token.KEYWORD) {
            return false;
        }
        String t = lx.peekText();
        return t.startsWith("offset=") || t.startsWith("align=");
    }

    private int laneIndex() {
        if (lx.kind() != Token.NAT) {
            throw lx.unexpected();
        }
        try {
            long v = NumberParser.parseU64(lx.text());
            if (v > 255) {
                throw s.error("malformed lane index");
            }
            lx.advance();
            return (int) v;
        } catch (NumberFormatException e) {
            throw s.error("malformed lane index");
        }
    }

    private void shuffle(int at, CodeWriter w) {
        byte[] lanes = new byte[16];
        int n = 0;
        while (lx.kind() != Token.RPAREN && lx.kind() != Token.LPAREN && lx.kind() != Token.EOF
                && !(lx.kind() == Token.KEYWORD && Op.byMnemonic(lx.text()) != null)) {
            if (lx.kind() != Token.NAT) {
                if (lx.kind() == Token.INT || lx.kind() == Token.FLOAT) {
                    throw s.error("malformed lane index");
                }
                throw lx.unexpected();
            }
            int lane = laneIndex();
            if (n < 16) {
                lanes[n] = (byte) lane;
            }
            n++;
        }
        if (n != 16) {
            throw s.errorAt(at, "invalid lane length");
        }
        w.shuffle(lanes);
    }
}
