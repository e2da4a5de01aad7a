package dev.verge.core.compile.fuzz;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.binary.WasmWriter;
import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.Locals;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates one valid function body, stack-directed: each step picks an instruction whose operands
 * the {@link TypeStack} has (or first pushes values that make them so), and the body ends by
 * closing every open frame with the types it promised. Loops usually get a counter that returns
 * from the function after a few iterations, so most calls finish before fuel runs out.
 */
final class BodyGenerator {
    /**
     * @param budget how many steps (roughly instructions) to generate
     * @param maxDepth the deepest nesting of blocks
     * @param extraLocals how many locals beyond the parameters to declare up front
     * @param nest whether to open blocks far more often than usual (deep nesting)
     */
    record Options(int budget, int maxDepth, int extraLocals, boolean nest) {}

    /** Instructions with a fixed signature and no immediates to choose (besides lanes), by their top operand. */
    private static final Map<ValType, List<Op>> BY_TOP = new HashMap<>();
    private static final List<Op> ALL_PURE = new ArrayList<>();
    private static final Map<Op, Integer> LANES = new EnumMap<>(Op.class);

    static {
        for (Op op : Op.values()) {
            boolean shape = op.imm() == Imm.NONE || op.imm() == Imm.LANE || op.imm() == Imm.SHUFFLE;
            if (!op.hasFixedSignature() || !shape || op == Op.NOP) {
                continue;
            }
            ALL_PURE.add(op);
            ValType top = op.params().isEmpty() ? null : op.params().getLast();
            BY_TOP.computeIfAbsent(top, k -> new ArrayList<>()).add(op);
            if (op.imm() == Imm.LANE) {
                String m = op.mnemonic();
                LANES.put(op, m.startsWith("i8x16") ? 16 : m.startsWith("i16x8") ? 8
                        : m.startsWith("i32x4") || m.startsWith("f32x4") ? 4 : 2);
            }
        }
    }

    final ModuleGenerator m;
    final Random r;
    final TypeStack s = new TypeStack();
    private final WasmWriter out = new WasmWriter(4096);
    final CodeWriter c = new CodeWriter(out);
    private final FuncType type;
    private final Options options;
    /** Parameters, then declared locals (more are added for loop counters). */
    final List<ValType> locals = new ArrayList<>();
    private final HeapOps heap;

    BodyGenerator(ModuleGenerator m, FuncType type, Options options) {
        this.m = m;
        this.r = m.random;
        this.type = type;
        this.options = options;
        this.heap = new HeapOps(this);
        locals.addAll(type.params());
        for (int i = 0; i < options.extraLocals(); i++) {
            locals.add(m.randomType());
        }
    }

    FunctionBody generate() {
        s.open(Op.BLOCK, List.of(), type.results());
        for (int i = 0; i < options.budget(); i++) {
            step();
        }
        while (s.depth() > 1) {
            close();
        }
        fixStack(type.results());
        c.op(Op.END);
        List<Locals> runs = new ArrayList<>();
        for (int i = type.params().size(); i < locals.size(); i++) {
            ValType t = locals.get(i);
            if (!runs.isEmpty() && runs.getLast().type().equals(t)) {
                runs.set(runs.size() - 1, new Locals(runs.getLast().count() + 1, t));
            } else {
                runs.add(new Locals(1, t));
            }
        }
        return new FunctionBody(runs, new Expr(Bytes.copyOf(out.toByteArray()), 0));
    }

    private void step() {
        if (s.size() > 24 && s.available() > 0 && r.nextInt(3) == 0) {
            drop();
            return;
        }
        if (options.nest() && s.depth() < options.maxDepth() && r.nextInt(3) == 0) {
            open();
            return;
        }
        int w = r.nextInt(100);
        if (w < 28) {
            numeric();
        } else if (w < 37) {
            produce(m.randomType());
        } else if (w < 46) {
            local();
        } else if (w < 49) {
            global();
        } else if (w < 57) {
            if (s.depth() < options.maxDepth()) {
                open();
            } else {
                numeric();
            }
        } else if (w < 63) {
            if (s.depth() > 1) {
                close();
            } else {
                numeric();
            }
        } else if (w < 69) {
            branch();
        } else if (w < 73) {
            call();
        } else if (w < 83) {
            heap.memory();
        } else if (w < 88) {
            heap.table();
        } else if (w < 94) {
            selectOrDrop();
        } else if (w < 95) {
            if (r.nextInt(5) == 0) {
                c.op(Op.UNREACHABLE);
                s.markUnreachable();
            } else {
                c.op(Op.NOP);
            }
        } else {
            numeric();
        }
    }

    // ---- values

    /** Emits code that pushes a value of type {@code t}: a local, a global or a constant. */
    void produce(ValType t) {
        int k = r.nextInt(10);
        if (k < 3) {
            List<Integer> candidates = localsOf(t);
            if (!candidates.isEmpty()) {
                c.index(Op.LOCAL_GET, candidates.get(r.nextInt(candidates.size())));
                s.push(t);
                return;
            }
        } else if (k < 4) {
            for (int i = 0; i < m.globals.size(); i++) {
                if (m.globals.get(i).type().type().equals(t)) {
                    c.index(Op.GLOBAL_GET, i);
                    s.push(t);
                    return;
                }
            }
        } else if (k < 5 && t == ValType.V128 && m.simd) {
            c.i32Const(Values.i32(r));
            c.op(Op.I32X4_SPLAT);
            s.push(t);
            return;
        }
        m.constant(c, t);
        s.push(t);
    }

    /** Pushes each of {@code types} in order unless the stack already ends with them. */
    void ensure(List<ValType> types) {
        if (!s.matches(types)) {
            for (ValType t : types) {
                produce(t);
            }
        }
    }

    /** A small i32 (an address, a length, an index), or sometimes any i32. */
    void smallI32(int bound) {
        c.i32Const(r.nextInt(8) == 0 ? Values.i32(r) : r.nextInt(Math.max(1, bound)));
        s.push(ValType.I32);
    }

    private List<Integer> localsOf(ValType t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < locals.size(); i++) {
            if (locals.get(i).equals(t)) {
                out.add(i);
            }
        }
        return out;
    }

    // ---- plain instructions

    private void numeric() {
        for (int attempt = 0; attempt < 4; attempt++) {
            List<Op> pool = s.available() > 0 && r.nextInt(5) != 0 ? BY_TOP.get(s.peek(0)) : ALL_PURE;
            if (pool == null) {
                continue;
            }
            Op op = pool.get(r.nextInt(pool.size()));
            if (usable(op) && s.matches(op.params())) {
                emitPure(op);
                return;
            }
        }
        Op op;
        do {
            op = ALL_PURE.get(r.nextInt(ALL_PURE.size()));
        } while (!usable(op));
        for (ValType t : op.params()) {
            produce(t);
        }
        emitPure(op);
    }

    private boolean usable(Op op) {
        return m.simd || (!op.params().contains(ValType.V128) && !op.results().contains(ValType.V128));
    }

    private void emitPure(Op op) {
        switch (op.imm()) {
            case LANE -> c.lane(op, r.nextInt(LANES.get(op)));
            case SHUFFLE -> {
                byte[] lanes = new byte[16];
                for (int i = 0; i < 16; i++) {
                    lanes[i] = (byte) r.nextInt(32);
                }
                c.shuffle(lanes);
            }
            default -> c.op(op);
        }
        s.pop(op.params().size());
        s.push(op.results());
    }

    private void local() {
        int i = r.nextInt(locals.size() + 1) - 1;
        if (i < 0 || r.nextBoolean()) {
            if (locals.isEmpty()) {
                produce(m.randomType());
                return;
            }
            int l = r.nextInt(locals.size());
            c.index(Op.LOCAL_GET, l);
            s.push(locals.get(l));
            return;
        }
        ValType t = locals.get(i);
        ensure(List.of(t));
        boolean tee = r.nextBoolean();
        c.index(tee ? Op.LOCAL_TEE : Op.LOCAL_SET, i);
        s.pop(1);
        if (tee) {
            s.push(t);
        }
    }

    private void global() {
        if (m.globals.isEmpty()) {
            produce(m.randomType());
            return;
        }
        int i = r.nextInt(m.globals.size());
        Global g = m.globals.get(i);
        if (g.type().mutable() && r.nextBoolean()) {
            ensure(List.of(g.type().type()));
            c.index(Op.GLOBAL_SET, i);
            s.pop(1);
        } else {
            c.index(Op.GLOBAL_GET, i);
            s.push(g.type().type());
        }
    }

    private void drop() {
        c.op(Op.DROP);
        s.pop(1);
    }

    private void selectOrDrop() {
        if (r.nextInt(3) == 0) {
            if (s.available() > 0) {
                drop();
            } else {
                produce(m.randomType());
                drop();
            }
            return;
        }
        ValType t = s.available() >= 3 ? s.peek(1) : m.randomType();
        List<ValType> need = List.of(t, t, ValType.I32);
        if (s.available() < 3 || !s.matches(need)) {
            t = m.randomType();
            produce(t);
            produce(t);
            produce(ValType.I32);
        }
        boolean ref = !(t == ValType.I32 || t == ValType.I64 || t == ValType.F32 || t == ValType.F64 || t == ValType.V128);
        if (ref || r.nextBoolean()) {
            c.selectTyped(List.of(t));
        } else {
            c.op(Op.SELECT);
        }
        s.pop(3);
        s.push(t);
    }

    // ---- control

    private void open() {
        int pick = r.nextInt(10);
        Op kind = pick < 4 ? Op.BLOCK : pick < 7 ? Op.LOOP : Op.IF;
        if (kind == Op.IF && (s.peek(0) != ValType.I32 || r.nextInt(3) == 0)) {
            condition();
        }
        int below = kind == Op.IF ? 1 : 0;
        int realBelow = Math.max(0, s.available() - below);
        int p = r.nextInt(2) == 0 ? 0 : r.nextInt(Math.min(3, realBelow) + 1);
        List<ValType> params = new ArrayList<>();
        for (int i = p - 1; i >= 0; i--) {
            params.add(s.peek(below + i));
        }
        List<ValType> results = switch (r.nextInt(5)) {
            case 0, 1 -> List.of();
            case 2, 3 -> List.of(m.randomType());
            default -> m.randomTypes(3);
        };
        BlockType bt;
        if (params.isEmpty() && results.size() <= 1 && r.nextInt(5) != 0) {
            bt = results.isEmpty() ? BlockType.EMPTY : BlockType.of(results.getFirst());
        } else {
            bt = new BlockType.Index(m.typeIndex(new FuncType(params, results)));
        }
        c.block(kind, bt);
        s.pop(below);
        s.open(kind, params, results);
        if (kind == Op.LOOP && r.nextInt(7) != 0) {
            boundLoop();
        }
    }

    /** An i32 for {@code if}, {@code br_if}, {@code select}: often 0 or 1 so both ways are taken. */
    private void condition() {
        if (r.nextBoolean()) {
            c.i32Const(r.nextInt(2));
            s.push(ValType.I32);
        } else {
            produce(ValType.I32);
        }
    }

    /** At the top of a loop: return from the function once this loop has run a few times in this call. */
    private void boundLoop() {
        int counter = locals.size();
        locals.add(ValType.I32);
        c.index(Op.LOCAL_GET, counter);
        c.i32Const(1 + r.nextInt(12));
        c.op(Op.I32_GE_U);
        c.block(Op.IF, BlockType.EMPTY);
        int height = s.size();
        for (ValType t : type.results()) {
            produce(t);
        }
        s.pop(s.size() - height);
        c.op(Op.RETURN);
        c.op(Op.END);
        c.index(Op.LOCAL_GET, counter);
        c.i32Const(1);
        c.op(Op.I32_ADD);
        c.index(Op.LOCAL_SET, counter);
    }

    /** Ends the innermost frame (or starts the else arm of an {@code if}). */
    private void close() {
        TypeStack.Frame f = s.top();
        fixStack(f.results);
        if (f.kind == Op.IF && !f.hasElse && (!f.params.equals(f.results) || r.nextBoolean())) {
            c.op(Op.ELSE);
            s.startElse();
            return;
        }
        c.op(Op.END);
        s.close();
    }

    /** Leaves exactly {@code results} on the innermost frame: drops what does not fit, produces what is missing. */
    private void fixStack(List<ValType> results) {
        int n = results.size();
        if (s.top().unreachable) {
            while (!(s.available() <= n && s.matches(results))) {
                drop();
            }
            return;
        }
        int k = 0;
        while (k < Math.min(s.available(), n) && s.fromBottom(k).equals(results.get(k))) {
            k++;
        }
        while (s.available() > k) {
            drop();
        }
        for (int i = k; i < n; i++) {
            produce(results.get(i));
        }
    }

    private void branch() {
        int depth = r.nextInt(s.depth());
        List<ValType> label = s.frame(depth).labelTypes();
        switch (r.nextInt(10)) {
            case 0, 1, 2 -> {
                ensure(label);
                c.branch(Op.BR, depth);
                s.markUnreachable();
            }
            case 3, 4, 5, 6 -> {
                List<ValType> need = new ArrayList<>(label);
                need.add(ValType.I32);
                if (!s.matches(need)) {
                    ensure(label);
                    condition();
                }
                c.branch(Op.BR_IF, depth);
                s.pop(need.size());
                s.push(label);
            }
            case 7, 8 -> {
                List<Integer> same = new ArrayList<>();
                for (int d = 0; d < s.depth(); d++) {
                    if (s.frame(d).labelTypes().equals(label)) {
                        same.add(d);
                    }
                }
                int[] targets = new int[r.nextInt(6)];
                for (int i = 0; i < targets.length; i++) {
                    targets[i] = same.get(r.nextInt(same.size()));
                }
                ensure(label);
                if (r.nextBoolean()) {
                    smallI32(targets.length + 2);
                } else {
                    produce(ValType.I32);
                }
                c.brTable(targets, depth);
                s.markUnreachable();
            }
            default -> {
                ensure(type.results());
                c.op(Op.RETURN);
                s.markUnreachable();
            }
        }
    }

    private void call() {
        int tableIndex = -1;
        for (int i = 0; i < m.tables.size(); i++) {
            if (m.tables.get(i).element().equals(ValType.FUNCREF) && (tableIndex < 0 || r.nextBoolean())) {
                tableIndex = i;
            }
        }
        int callee = r.nextInt(m.functionTypes.size());
        // Calling itself or an earlier function may recurse without end; fuel and the stack bound it.
        FuncType t = m.functionTypes.get(callee);
        if (tableIndex < 0 || r.nextInt(3) != 0) {
            ensure(t.params());
            c.index(Op.CALL, callee);
            s.pop(t.params().size());
        } else {
            if (r.nextInt(4) == 0) {
                t = new FuncType(m.randomTypes(2), m.randomTypes(2));
            }
            List<ValType> need = new ArrayList<>(t.params());
            need.add(ValType.I32);
            if (!s.matches(need)) {
                ensure(t.params());
                smallI32((int) m.tables.get(tableIndex).limits().min() + 2);
            }
            c.index2(Op.CALL_INDIRECT, m.typeIndex(t), tableIndex);
            s.pop(need.size());
        }
        s.push(t.results());
    }
}
