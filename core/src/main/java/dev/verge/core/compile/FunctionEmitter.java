package dev.verge.core.compile;

import static dev.verge.core.compile.ModuleContext.kind;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one function body to one JVM method, as the visitor downstream of the validator. Wasm
 * locals become JVM locals, the Wasm operand stack is the JVM operand stack, and blocks become
 * labels; the operand types the code needs (for {@code drop}, {@code select} and branches that
 * leave operands behind) come from {@link OperandTypes}.
 *
 * <p>Code the validator calls unreachable (after {@code br}, {@code return}, ...) is not emitted:
 * only its block structure is followed, so the JVM never sees a stack it cannot type.
 */
final class FunctionEmitter implements InstrVisitor {
    /** Which method of a possibly split function this emitter writes. */
    record Role(boolean frameMode, boolean wide, SplitPlan plan, int piece, int frameSize) {
        static final Role PLAIN = new Role(false, false, null, -1, 0);

        boolean inPiece() {
            return piece >= 0;
        }
    }

    private final CodeBuilder cb;
    private final ModuleContext mc;
    private final OperandTypes types;
    private final FuncType type;
    private final Role role;
    private final int ctx;
    private final ValueCode values;
    private final LocalAccess locals;
    private final MemoryEmitter memory;
    private final SimdEmitter simd;
    private final PollEmitter polls;
    private final GlobalEmitter globals;
    private final List<Frame> frames = new ArrayList<>();
    private boolean reachable = true;
    /** Whether code is being written: false outside this method's part of a split function. */
    private boolean active;
    /** In a piece: the number of frames open where it starts (those are exits). */
    private int outerFrames;
    /** The local holding a call_indirect's element index while its arguments are packed (-1: none yet). */
    private int elementLocal = -1;
    /** In a method of a split function: the piece being called, whose instructions are skipped. */
    private SplitPlan.Piece skipping;
    /** In a piece: whether its first instruction was seen. */
    private boolean entered;

    FunctionEmitter(CodeBuilder cb, ModuleContext mc, OperandTypes types, FuncType type, List<ValType> declaredLocals, Role role) {
        this.cb = cb;
        this.mc = mc;
        this.types = types;
        this.type = type;
        this.role = role;
        int n = type.params().size() + declaredLocals.size();
        ValType[] localTypes = new ValType[n];
        for (int i = 0; i < type.params().size(); i++) {
            localTypes[i] = type.params().get(i);
        }
        for (int i = 0; i < declaredLocals.size(); i++) {
            localTypes[type.params().size() + i] = declaredLocals.get(i);
        }
        if (role.inPiece()) {
            // p(long[] nums, Object[] refs, Instance)
            this.ctx = 2;
            this.values = new ValueCode(cb, ctx);
            this.locals = LocalAccess.frame(cb, localTypes, 0, 1, values, mc.maxArity);
        } else if (role.wide()) {
            this.ctx = 2;
            this.values = new ValueCode(cb, ctx);
            this.locals = LocalAccess.frame(cb, localTypes, cb.allocateLocal(TypeKind.REFERENCE), cb.allocateLocal(TypeKind.REFERENCE), values, mc.maxArity);
        } else {
            int slot = 0;
            for (ValType t : type.params()) {
                slot += kind(t).slotSize();
            }
            this.ctx = slot;
            this.values = new ValueCode(cb, ctx);
            this.locals = role.frameMode()
                    ? LocalAccess.frame(cb, localTypes, cb.allocateLocal(TypeKind.REFERENCE), cb.allocateLocal(TypeKind.REFERENCE), values, mc.maxArity)
                    : LocalAccess.jvm(cb, localTypes, type.params().size(), values);
        }
        boolean hasMemory = !mc.module.allMemories().isEmpty();
        this.memory = new MemoryEmitter(cb, ctx, hasMemory, hasMemory && mc.memoryArrayUse.computeIfAbsent(mc.currentFunction,
                f -> MemoryUse.scalarAccessesMemory0(mc.module.codes().get(f - mc.functionTypes.size() + mc.module.functions().size()).body())));
        this.simd = new SimdEmitter(cb, memory);
        this.active = !role.inPiece();
        this.latePrologue = cb.newLabel();
        this.bodyStart = cb.newLabel();
        this.polls = new PollEmitter(cb, ctx, mc.config);
        this.globals = new GlobalEmitter(cb, mc, values);
    }

    /** Emits the prologue: zeroed locals, the interrupt poll, fuel. */
    void begin() {
        frames.add(new Frame(null, null, null, List.of(), type.results(), 0, true));
        memory.prologue();
        polls.prologue();
        if (!role.inPiece()) {
            locals.prologue(type, role.frameSize(), role.wide());
            polls.fuel();
        }
        // What else the method needs first is known only at its end (see finish()).
        cb.goto_(latePrologue);
        cb.labelBinding(bodyStart);
    }

    /**
     * Begins a piece method, which is driven from its first instruction on: the frames open there
     * are the caller's ({@code outer}, only read; the innermost is copied, its spill count changes).
     */
    void beginPiece(List<Frame> outer) {
        frames.addAll(outer);
        frames.add(frames.removeLast().copyForPiece());
        outerFrames = frames.size();
        memory.prologue();
        polls.prologue();
        cb.goto_(latePrologue);
        cb.labelBinding(bodyStart);
    }

    private final Label latePrologue;
    private final Label bodyStart;
    /** Whether the code calls anything: only then does function entry poll for interrupts. */
    private boolean calls;
    private boolean finished;

    /**
     * Ends the method with the part of its prologue that depends on its body: the entry poll for
     * interrupts, in functions that call (a function without calls runs its loops, which poll,
     * and returns), and the loads of the globals it uses into locals. Entry jumps here first.
     */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        cb.labelBinding(latePrologue);
        if (calls && !role.inPiece()) {
            polls.entryPoll();
        }
        globals.loadCached(ctx);
        cb.goto_(bodyStart);
    }

    private boolean live() {
        return active && reachable;
    }

    private void push(Frame f) {
        f.index = frames.size();
        frames.add(f);
    }

    // ---- split functions: entering and leaving pieces ----

    @Override
    public void at(int offset) {
        SplitPlan plan = role.plan();
        if (plan == null) {
            return;
        }
        List<SplitPlan.Segment> starting = plan.segmentsAt(offset);
        int first = 0;
        SplitPlan.Piece own = role.inPiece() ? plan.pieces.get(role.piece()) : null;
        if (own != null && !entered) {
            enterPiece(own.segment());
            first = starting.indexOf(own.segment()) + 1;
        }
        if (skipping != null) {
            if (offset != skipping.end()) {
                return;
            }
            active = true;
            reachable = skipping.segment().endReachable();
            frames.getLast().spilled = types.height() - frames.getLast().base;
            skipping = null;
        }
        if (own != null && offset == own.end()) {
            if (reachable) {
                spillOperands(frames.getLast());
                cb.iconst_m1().ireturn();
            }
            active = false;
            reachable = false;
            finish();
            return;
        }
        Frame top = frames.getLast();
        if (top.segment != null && offset == top.segment.end()) {
            if (reachable) {
                spillOperands(top);
            }
            top.segment = null;
        }
        for (int i = first; i < starting.size() && live(); i++) {
            SplitPlan.Segment s = starting.get(i);
            // The part's operands go to the stack area (at a part's start: its parameters).
            spillOperands(top);
            if (s.isPiece()) {
                SplitPlan.Piece p = plan.pieces.get(s.piece());
                plan.called(p, new SplitPlan.Entry(types.checkpoint(s.low()), List.copyOf(frames)));
                callPiece(p);
                skipping = p;
                active = false;
            } else {
                loadOperands(s.low(), types.height());
                top.spilled = s.low() - top.base;
                top.segment = s;
            }
            break;
        }
    }

    /**
     * A piece's first instruction: it loads the operands it consumes; a group leaves them in the
     * stack area for the segments it holds.
     */
    private void enterPiece(SplitPlan.Segment own) {
        entered = true;
        active = true;
        reachable = true;
        Frame b = frames.getLast();
        if (own.group()) {
            b.spilled = types.height() - b.base;
        } else {
            loadOperands(own.low(), types.height());
            b.spilled = own.low() - b.base;
        }
    }

    /** Stores the operands of {@code f} that are on the JVM stack into the stack area. */
    private void spillOperands(Frame f) {
        int h = types.height();
        for (int k = h - 1; k >= f.base + f.spilled; k--) {
            locals.storeStack(types.operandType(h - 1 - k), k);
        }
        f.spilled = h - f.base;
    }

    /** Pushes the operands at heights {@code [from, to)} of the innermost frame from the stack area. */
    private void loadOperands(int from, int to) {
        int h = types.height();
        for (int k = from; k < to; k++) {
            locals.loadStack(types.operandType(h - 1 - k), k);
        }
    }

    /** At the end of a tiled part, brings what it leaves (its results) back onto the JVM stack. */
    private void unloadPart(Frame f) {
        if (f.spilled > 0) {
            loadOperands(f.base, f.base + f.spilled);
            f.spilled = 0;
        }
    }

    /**
     * Calls a piece and acts on what it returns: -1 continues after it; a frame index is a branch
     * to that frame, with the carried values in the transfer area.
     */
    private void callPiece(SplitPlan.Piece p) {
        cb.aload(locals.numsSlot()).aload(locals.refsSlot()).aload(ctx);
        cb.invokestatic(mc.thisClass, ModuleContext.pieceMethod(mc.currentFunction, p.index()), ModuleContext.PIECE_TYPE);
        memory.invalidate();
        Label cont = cb.newLabel();
        List<SwitchCase> cases = new ArrayList<>();
        List<Label> targets = new ArrayList<>();
        BitSet exits = p.exits();
        for (int t = exits.nextSetBit(0); t >= 0; t = exits.nextSetBit(t + 1)) {
            Label l = cb.newLabel();
            targets.add(l);
            cases.add(SwitchCase.of(t, l));
        }
        cb.lookupswitch(cont, cases);
        int k = 0;
        for (int t = exits.nextSetBit(0); t >= 0; t = exits.nextSetBit(t + 1)) {
            cb.labelBinding(targets.get(k++));
            Frame f = frames.get(t);
            List<ValType> carried = f.labelTypes();
            locals.loadTransfer(carried);
            jump(f, -carried.size());
        }
        cb.labelBinding(cont);
        if (!p.segment().endReachable()) {
            cb.invokestatic(RuntimeNames.TRAPS, "unreachable", RuntimeNames.TRAP_NO_ARGS).athrow();
        }
    }

    /** In a piece, leaves for frame {@code target} with its carried values on top of the stack. */
    private void exit(Frame target) {
        locals.storeTransfer(target.labelTypes());
        cb.loadConstant(target.index).ireturn();
    }

    private boolean isExit(Frame f) {
        return role.inPiece() && f.index < outerFrames;
    }

    private void returnFromFunction() {
        if (role.inPiece()) {
            exit(frames.getFirst());
        } else {
            values.emitReturn(type.results());
        }
    }

    private FuncType blockType(BlockType bt) {
        return switch (bt) {
            case BlockType.Empty e -> FuncType.EMPTY;
            case BlockType.Value v -> new FuncType(List.of(), List.of(v.type()));
            case BlockType.Index i -> mc.module.funcType(i.index());
        };
    }

    // ---- control ----

    @Override
    public void block(Op op, BlockType bt) {
        FuncType ft = blockType(bt);
        int cond = op == Op.IF ? 1 : 0;
        // Computed for frames this method does not emit too: a piece's branches measure from them.
        int base = types.height() - cond - ft.params().size();
        if (!live()) {
            push(new Frame(op, null, null, ft.params(), ft.results(), base, false));
            return;
        }
        Frame parent = frames.getLast();
        // Only the parent's operands on the JVM stack: those in the stack area are never dropped.
        int from = parent.base + parent.spilled;
        int count = base - from;
        ValType[] entry = new ValType[count];
        for (int k = 0; k < count; k++) {
            entry[k] = types.operandType(cond + ft.params().size() + (count - 1 - k));
        }
        switch (op) {
            case BLOCK -> push(new Frame(op, cb.newLabel(), null, ft.params(), ft.results(), base, true));
            case LOOP -> {
                // The header must see a current array: entries and back-edges reload a stale one.
                memory.ensureFresh();
                Label head = cb.newBoundLabel();
                push(new Frame(op, head, null, ft.params(), ft.results(), base, true));
                polls.loopPoll();
            }
            case IF -> {
                Label elseLabel = cb.newLabel();
                cb.ifeq(elseLabel);
                push(new Frame(op, cb.newLabel(), elseLabel, ft.params(), ft.results(), base, true));
                frames.getLast().memoryFreshAtEntry = memory.fresh();
            }
            default -> throw new IllegalStateException(op.mnemonic());
        }
        frames.getLast().entryTypes = List.of(entry);
        frames.getLast().entryFrom = from;
    }

    /**
     * Pops the operands on the JVM stack at heights {@code [f.base, top)}, in {@code f} and the
     * frames inside it (those in the stack area need nothing).
     */
    private void dropOperands(Frame f, int top) {
        int h = types.height();
        for (int i = frames.size() - 1; i >= f.index; i--) {
            Frame g = frames.get(i);
            int regionTop = Math.min(top, i == frames.size() - 1 ? top : frames.get(i + 1).base);
            for (int k = regionTop - 1; k >= g.base + g.spilled; k--) {
                if (i == frames.size() - 1) {
                    values.pop(types.operandType(h - 1 - k));
                } else {
                    List<ValType> below = frames.get(i + 1).entryTypes;
                    values.pop(below.get(k - frames.get(i + 1).entryFrom));
                }
            }
        }
    }

    /** Whether any operand at heights {@code [f.base, top)} is on the JVM stack. */
    private boolean hasJvmOperands(Frame f, int top) {
        for (int i = frames.size() - 1; i >= f.index; i--) {
            Frame g = frames.get(i);
            int regionTop = Math.min(top, i == frames.size() - 1 ? top : frames.get(i + 1).base);
            if (regionTop > g.base + g.spilled) {
                return true;
            }
        }
        return false;
    }

    private void elseOp() {
        Frame f = frames.getLast();
        if (!active) {
            return;
        }
        if (reachable) {
            unloadPart(f);
            branchedTo(f);
            cb.goto_(f.target);
            f.branched = true;
        }
        if (f.startReachable) {
            cb.labelBinding(f.elseLabel);
        }
        memory.setFresh(f.memoryFreshAtEntry);
        f.spilled = 0;
        f.hasElse = true;
        reachable = f.startReachable;
    }

    private void endOp() {
        Frame f = frames.removeLast();
        if (!active) {
            return;
        }
        if (reachable) {
            unloadPart(f);
        }
        if (f.kind == null) {
            if (reachable) {
                values.emitReturn(type.results());
            }
            reachable = false;
            finish();
            return;
        }
        if (!f.startReachable) {
            reachable = false;
            return;
        }
        boolean endReachable = reachable || (f.kind != Op.LOOP && f.branched);
        if (f.kind != Op.LOOP) {
            // The array is current at the end only if it is on every way there.
            boolean fresh = (!reachable || memory.fresh()) && !f.memoryStale;
            memory.setFresh(fresh && (f.kind != Op.IF || f.hasElse || f.memoryFreshAtEntry));
        }
        if (f.kind == Op.IF && !f.hasElse) {
            cb.labelBinding(f.elseLabel);
            endReachable = true;
        }
        if (f.kind != Op.LOOP && f.branched) {
            cb.labelBinding(f.target);
        }
        reachable = endReachable;
    }

    private Frame frame(int label) {
        return frames.get(frames.size() - 1 - label);
    }

    /**
     * Jumps to {@code f}'s label with its values, which are on top of the stack, first dropping the
     * operands between them and the label's base. {@code skip} operands on the validator's stack
     * (a condition or index already consumed) are not on the JVM stack any more.
     */
    private void jump(Frame f, int skip) {
        if (isExit(f)) {
            exit(f);
            return;
        }
        if (f.kind == null) {
            values.emitReturn(type.results());
            return;
        }
        List<ValType> carried = f.labelTypes();
        int top = types.height() - skip - carried.size();
        if (hasJvmOperands(f, top)) {
            int[] tmp = values.scratch(carried);
            values.storeAll(carried, tmp);
            dropOperands(f, top);
            values.loadAll(carried, tmp);
        }
        branchedTo(f);
        cb.goto_(f.target);
        f.branched = true;
    }

    /**
     * Before a jump to {@code f}'s label (which leaves the code after it as it is): a loop header
     * gets a current memory array, a block's end learns whether this way brings a stale one.
     */
    private void branchedTo(Frame f) {
        if (f.kind == Op.LOOP) {
            memory.reloadForBranch();
        } else if (!memory.fresh()) {
            f.memoryStale = true;
        }
    }

    private boolean needsSpill(Frame f, int skip) {
        return f.kind == null || isExit(f) || hasJvmOperands(f, types.height() - skip - f.labelTypes().size());
    }

    @Override
    public void branch(Op op, int label) {
        if (!live()) {
            return;
        }
        Frame f = frame(label);
        if (op == Op.BR) {
            jump(f, 0);
            reachable = false;
        } else if (!needsSpill(f, 1)) {
            if (f.kind == Op.LOOP) {
                // Reloaded before the test, so current on both ways.
                memory.ensureFresh();
            }
            branchedTo(f);
            cb.ifne(f.target);
            f.branched = true;
        } else {
            Label skip = cb.newLabel();
            cb.ifeq(skip);
            jump(f, 1);
            cb.labelBinding(skip);
        }
    }

    @Override
    public void brTable(int[] labels, int defaultLabel) {
        if (!live()) {
            return;
        }
        Map<Integer, Label> entry = new HashMap<>();
        List<Integer> trampolines = new ArrayList<>();
        List<Frame> direct = new ArrayList<>();
        int[] all = new int[labels.length + 1];
        System.arraycopy(labels, 0, all, 0, labels.length);
        all[labels.length] = defaultLabel;
        for (int l : all) {
            if (entry.containsKey(l)) {
                continue;
            }
            Frame f = frame(l);
            if (needsSpill(f, 1)) {
                entry.put(l, cb.newLabel());
                trampolines.add(l);
            } else {
                entry.put(l, f.target);
                f.branched = true;
                direct.add(f);
            }
        }
        if (direct.stream().anyMatch(f -> f.kind == Op.LOOP)) {
            memory.ensureFresh();
        }
        direct.forEach(this::branchedTo);
        if (labels.length == 0) {
            cb.pop();
            cb.goto_(entry.get(defaultLabel));
        } else if (labels.length > BrTableDispatch.MAX_SWITCH_LABELS) {
            BrTableDispatch.emit(cb, labels, defaultLabel, entry);
        } else {
            List<SwitchCase> cases = new ArrayList<>(labels.length);
            for (int i = 0; i < labels.length; i++) {
                cases.add(SwitchCase.of(i, entry.get(labels[i])));
            }
            cb.tableswitch(0, labels.length - 1, entry.get(defaultLabel), cases);
        }
        for (int l : trampolines) {
            cb.labelBinding(entry.get(l));
            jump(frame(l), 1);
        }
        reachable = false;
    }

    // ---- instructions without immediates ----

    @Override
    public void op(Op op) {
        if (op == Op.ELSE) {
            elseOp();
            return;
        }
        if (op == Op.END) {
            endOp();
            return;
        }
        if (!live()) {
            return;
        }
        switch (op) {
            case NOP -> {}
            case UNREACHABLE -> {
                cb.invokestatic(RuntimeNames.TRAPS, "unreachable", RuntimeNames.TRAP_NO_ARGS).athrow();
                reachable = false;
            }
            case RETURN -> {
                returnFromFunction();
                reachable = false;
            }
            case DROP -> values.pop(types.operandType(0));
            case SELECT -> values.select(types.operandType(1));
            case REF_IS_NULL -> {
                Label isNull = cb.newLabel();
                Label done = cb.newLabel();
                cb.ifnull(isNull).iconst_0().goto_(done);
                cb.labelBinding(isNull);
                cb.iconst_1();
                cb.labelBinding(done);
            }
            default -> {
                if (!NumericEmitter.handles(op)) {
                    throw new UnsupportedOperationException(op.mnemonic() + " is not supported");
                }
                NumericEmitter.emit(cb, op);
            }
        }
    }

    @Override
    public void selectTyped(List<ValType> selected) {
        if (live()) {
            values.select(selected.getFirst());
        }
    }

    @Override
    public void f32Const(int bits) {
        if (live()) {
            values.f32Const(bits);
        }
    }

    @Override
    public void f64Const(long bits) {
        if (live()) {
            values.f64Const(bits);
        }
    }


    @Override
    public void refNull(HeapType heap) {
        if (live()) {
            cb.aconst_null();
        }
    }

    // ---- constants ----

    @Override
    public void i32Const(int value) {
        if (live()) {
            PoolSafeConstants.loadInt(cb, value);
        }
    }

    @Override
    public void i64Const(long value) {
        if (live()) {
            PoolSafeConstants.loadLong(cb, value);
        }
    }

    // ---- indices: variables, calls, tables, memory ----

    @Override
    public void index(Op op, int index) {
        if (!live()) {
            return;
        }
        switch (op) {
            case LOCAL_GET -> locals.get(index);
            case LOCAL_SET -> locals.set(index);
            case LOCAL_TEE -> locals.tee(index);
            case GLOBAL_GET -> globals.get(index);
            case GLOBAL_SET -> globals.set(index);
            case CALL -> {
                calls = true;
                FuncType ft = mc.functionType(index);
                if (Calls.packed(cb, mc, index)) {
                    values.packArguments(ft.params());
                    Calls.callPacked(cb, index, ctx);
                    memory.invalidate();
                    values.unpack(ft.results());
                    return;
                }
                if (ModuleContext.isWide(ft)) {
                    values.packArguments(ft.params());
                }
                Calls.call(cb, mc, index, ft, ctx);
                memory.invalidate();
                if (ft.results().size() > 1) {
                    values.unpack(ft.results());
                }
            }
            case REF_FUNC -> {
                PoolSafeConstants.loadInt(cb, index);
                cb.aload(ctx)
                    .invokestatic(RuntimeNames.TABLE_ACCESS, "refFunc", MethodTypeDesc.of(RuntimeNames.OBJECT, ConstantDescs.CD_int, RuntimeNames.INSTANCE));
            }
            default -> memory.index(op, index);
        }
    }

    @Override
    public void index2(Op op, int first, int second) {
        if (!live()) {
            return;
        }
        if (op == Op.CALL_INDIRECT) {
            calls = true;
            FuncType ft = mc.module.funcType(first);
            long bridge = (long) first << 32 | second;
            if (!mc.indirectBridges.contains(bridge) && Calls.poolNearlyFull(cb)) {
                // No room for one more bridge: the packed convention needs no entry per signature.
                packArgumentsUnderElement(ft);
                Calls.callIndirectPacked(cb, first, second, ctx);
                memory.invalidate();
                values.unpack(ft.results());
                return;
            }
            mc.indirectBridges.add(bridge);
            if (ModuleContext.isWide(ft)) {
                packArgumentsUnderElement(ft);
            }
            cb.aload(ctx).invokestatic(mc.thisClass, ModuleContext.indirectMethod(first, second), ModuleContext.descriptor(ft, ConstantDescs.CD_int));
            memory.invalidate();
            if (ft.results().size() > 1) {
                values.unpack(ft.results());
            }
            return;
        }
        memory.index2(op, first, second);
    }

    /**
     * Packs a {@code call_indirect}'s arguments into the wide convention's arrays: the element
     * index is on top of them, so it waits in one local (shared by every such call) meanwhile.
     */
    private void packArgumentsUnderElement(FuncType ft) {
        if (elementLocal < 0) {
            elementLocal = cb.allocateLocal(TypeKind.INT);
        }
        cb.istore(elementLocal);
        values.packArguments(ft.params());
        cb.iload(elementLocal);
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        if (!live()) {
            return;
        }
        if (SimdEmitter.isVectorAccess(op)) {
            simd.access(op, offset, memoryIndex);
        } else {
            memory.access(op, offset, memoryIndex);
        }
    }

    // ---- SIMD: see SimdEmitter ----

    @Override
    public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
        if (live()) {
            simd.accessLane(op, offset, memoryIndex, lane);
        }
    }

    @Override
    public void lane(Op op, int lane) {
        if (live()) {
            simd.lane(op, lane);
        }
    }

    @Override
    public void shuffle(byte[] lanes) {
        if (live()) {
            simd.shuffle(lanes);
        }
    }

    @Override
    public void v128Const(long low, long high) {
        if (live()) {
            simd.constant(low, high);
        }
    }
}
