package dev.verge.text;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.binary.WasmWriter;
import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.FuncType;
import java.util.ArrayList;
import java.util.List;

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
    /** Scratch buffers for folded instructions, one per nesting depth. */
    private final List<CodeWriter> scratch = new ArrayList<>();
    private int depth;

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
        depth = 0;
    }

    /** Parses instructions until {@code )}, {@code end}, {@code else} or the end of input. */
    void instrs(CodeWriter out) {
        while (true) {
            Token k = lx.kind();
            if (k == Token.LPAREN) {
                folded(out);
            } else if (k == Token.KEYWORD) {
                if (lx.isKeyword("end") || lx.isKeyword("else")) {
                    return;
                }
                plain(out);
            } else {
                return;
            }
        }
    }

    private Op op() {
        Op op = lx.kind() == Token.KEYWORD ? Op.byMnemonic(lx.text()) : null;
        if (op == null || op == Op.END || op == Op.ELSE) {
            throw lx.unexpected();
        }
        return op;
    }

    /** A flat instruction; structured ones run to their {@code end}. */
    private void plain(CodeWriter out) {
        int at = lx.start();
        Op op = op();
        lx.advance();
        switch (op) {
            case BLOCK, LOOP, IF -> flatBlock(op, out);
            default -> immediates(op, at, out);
        }
    }

    private void flatBlock(Op op, CodeWriter out) {
        String label = s.optId();
        out.block(op, blockType());
        labels.add(label);
        instrs(out);
        if (op == Op.IF && lx.isKeyword("else")) {
            lx.advance();
            endLabel(label);
            out.op(Op.ELSE);
            instrs(out);
        }
        s.keyword("end");
        endLabel(label);
        out.op(Op.END);
        labels.remove(labels.size() - 1);
    }

    /** An optional identifier after {@code end} or {@code else}: it must repeat the block's label. */
    private void endLabel(String label) {
        if (lx.kind() == Token.ID) {
            if (!lx.text().equals(label)) {
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
        s.lparen();
        int at = lx.start();
        Op op = op();
        lx.advance();
        switch (op) {
            case BLOCK, LOOP -> {
                String label = s.optId();
                out.block(op, blockType());
                labels.add(label);
                instrs(out);
                out.op(Op.END);
                labels.remove(labels.size() - 1);
            }
            case IF -> foldedIf(out);
            default -> {
                CodeWriter pending = scratch(depth);
                pending.out().reset();
                immediates(op, at, pending);
                depth++;
                while (lx.kind() == Token.LPAREN) {
                    folded(out);
                }
                depth--;
                out.out().bytes(pending.out());
            }
        }
        s.rparen();
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
        labels.add(label);
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
        labels.remove(labels.size() - 1);
    }

    private int label() {
        if (lx.kind() == Token.ID) {
            String id = lx.text();
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (id.equals(labels.get(i))) {
                    lx.advance();
                    return labels.size() - 1 - i;
                }
            }
            throw s.error("unknown label " + id);
        }
        return s.u32();
    }

    private int local() {
        if (locals == null) {
            if (lx.kind() == Token.ID) {
                throw s.error("unknown local " + lx.text());
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
        boolean is64 = memory < ctx.memory64.size() && ctx.memory64.get(memory);
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
