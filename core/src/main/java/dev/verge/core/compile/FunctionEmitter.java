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
    /** An open block, loop, if, or the function body itself (kind null). */
    private static final class Frame {
        final Op kind;
        final Label target;
        final Label elseLabel;
        final List<ValType> params;
        final List<ValType> results;
        final int base;
        final boolean startReachable;
        /**
         * The types of the enclosing frame's operands below this frame's base, bottom first: the
         * validator answers only for the innermost frame, so a branch out of several frames reads
         * the operands it must drop from here.
         */
        List<ValType> entryTypes = List.of();
        boolean branched;
        boolean hasElse;

        Frame(Op kind, Label target, Label elseLabel, List<ValType> params, List<ValType> results, int base, boolean startReachable) {
            this.kind = kind;
            this.target = target;
            this.elseLabel = elseLabel;
            this.params = params;
            this.results = results;
            this.base = base;
            this.startReachable = startReachable;
        }

        List<ValType> labelTypes() {
            return kind == Op.LOOP ? params : results;
        }
    }

    private final CodeBuilder cb;
    private final ModuleContext mc;
    private final OperandTypes types;
    private final FuncType type;
    private final ValType[] localTypes;
    private final int[] slots;
    private final int ctx;
    private final ValueCode values;
    private final MemoryEmitter memory;
    private final List<Frame> frames = new ArrayList<>();
    private boolean reachable = true;

    FunctionEmitter(CodeBuilder cb, ModuleContext mc, OperandTypes types, FuncType type, List<ValType> declaredLocals) {
        this.cb = cb;
        this.mc = mc;
        this.types = types;
        this.type = type;
        int n = type.params().size() + declaredLocals.size();
        this.localTypes = new ValType[n];
        this.slots = new int[n];
        int slot = 0;
        for (int i = 0; i < type.params().size(); i++) {
            localTypes[i] = type.params().get(i);
            slots[i] = slot;
            slot += kind(localTypes[i]).slotSize();
        }
        this.ctx = slot;
        for (int i = 0; i < declaredLocals.size(); i++) {
            int li = type.params().size() + i;
            localTypes[li] = declaredLocals.get(i);
            TypeKind k = kind(localTypes[li]);
            slots[li] = cb.allocateLocal(k);
        }
        this.values = new ValueCode(cb, ctx);
        this.memory = new MemoryEmitter(cb, ctx);
    }

    /** Emits the prologue: zeroed locals, the interrupt poll, fuel. */
    void begin() {
        for (int i = type.params().size(); i < localTypes.length; i++) {
            TypeKind k = kind(localTypes[i]);
            switch (k) {
                case INT -> cb.iconst_0();
                case LONG -> cb.lconst_0();
                case FLOAT -> cb.fconst_0();
                case DOUBLE -> cb.dconst_0();
                default -> cb.aconst_null();
            }
            cb.storeLocal(k, slots[i]);
        }
        frames.add(new Frame(null, null, null, List.of(), type.results(), 0, true));
        poll();
    }

    private void poll() {
        if (mc.config.interruptible()) {
            Label ok = cb.newLabel();
            cb.aload(ctx).getfield(RuntimeNames.INSTANCE, "interrupted", ConstantDescs.CD_boolean).ifeq(ok);
            cb.aload(ctx).invokestatic(RuntimeNames.TRAPS, "interrupted", RuntimeNames.TRAP_OF_INSTANCE).athrow();
            cb.labelBinding(ok);
        }
        if (mc.config.fuel()) {
            Label ok = cb.newLabel();
            cb.aload(ctx).dup().getfield(RuntimeNames.INSTANCE, "fuel", ConstantDescs.CD_long).lconst_1().lsub().dup2_x1();
            cb.putfield(RuntimeNames.INSTANCE, "fuel", ConstantDescs.CD_long);
            cb.lconst_0().lcmp().ifge(ok);
            cb.aload(ctx).invokestatic(RuntimeNames.TRAPS, "outOfFuel", RuntimeNames.TRAP_OF_INSTANCE).athrow();
            cb.labelBinding(ok);
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
        if (!reachable) {
            frames.add(new Frame(op, null, null, ft.params(), ft.results(), 0, false));
            return;
        }
        int cond = op == Op.IF ? 1 : 0;
        int base = types.height() - cond - ft.params().size();
        Frame parent = frames.getLast();
        int count = base - parent.base;
        ValType[] entry = new ValType[count];
        for (int k = 0; k < count; k++) {
            entry[k] = types.operandType(cond + ft.params().size() + (count - 1 - k));
        }
        switch (op) {
            case BLOCK -> frames.add(new Frame(op, cb.newLabel(), null, ft.params(), ft.results(), base, true));
            case LOOP -> {
                Label head = cb.newBoundLabel();
                frames.add(new Frame(op, head, null, ft.params(), ft.results(), base, true));
                poll();
            }
            case IF -> {
                Label elseLabel = cb.newLabel();
                cb.ifeq(elseLabel);
                frames.add(new Frame(op, cb.newLabel(), elseLabel, ft.params(), ft.results(), base, true));
            }
            default -> throw new IllegalStateException(op.mnemonic());
        }
        frames.getLast().entryTypes = List.of(entry);
    }

    /** The type of the operand {@code depth} below the top, in whichever open frame it is. */
    private ValType typeAt(int depth) {
        int d = depth;
        Frame current = frames.getLast();
        int inCurrent = types.height() - current.base;
        if (d < inCurrent) {
            return types.operandType(d);
        }
        d -= inCurrent;
        for (int i = frames.size() - 1; i > 0; i--) {
            List<ValType> below = frames.get(i).entryTypes;
            if (d < below.size()) {
                return below.get(below.size() - 1 - d);
            }
            d -= below.size();
        }
        throw new IllegalStateException("operand " + depth + " is below the function's stack");
    }

    private void elseOp() {
        Frame f = frames.getLast();
        if (reachable) {
            cb.goto_(f.target);
            f.branched = true;
        }
        if (f.startReachable) {
            cb.labelBinding(f.elseLabel);
        }
        f.hasElse = true;
        reachable = f.startReachable;
    }

    private void endOp() {
        Frame f = frames.removeLast();
        if (f.kind == null) {
            if (reachable) {
                values.emitReturn(type.results());
            }
            reachable = false;
            return;
        }
        if (!f.startReachable) {
            reachable = false;
            return;
        }
        boolean endReachable = reachable || (f.kind != Op.LOOP && f.branched);
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
        if (f.kind == null) {
            values.emitReturn(type.results());
            return;
        }
        List<ValType> carried = f.labelTypes();
        int n = carried.size();
        int extra = types.height() - skip - n - f.base;
        if (extra > 0) {
            int[] tmp = values.scratch(carried);
            values.storeAll(carried, tmp);
            for (int j = 0; j < extra; j++) {
                values.pop(typeAt(skip + n + j));
            }
            values.loadAll(carried, tmp);
        }
        cb.goto_(f.target);
        f.branched = true;
    }

    private boolean needsSpill(Frame f, int skip) {
        return f.kind == null || types.height() - skip - f.labelTypes().size() - f.base > 0;
    }

    @Override
    public void branch(Op op, int label) {
        if (!reachable) {
            return;
        }
        Frame f = frame(label);
        if (op == Op.BR) {
            jump(f, 0);
            reachable = false;
        } else if (!needsSpill(f, 1)) {
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
        if (!reachable) {
            return;
        }
        Map<Integer, Label> entry = new HashMap<>();
        List<Integer> trampolines = new ArrayList<>();
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
            }
        }
        if (labels.length == 0) {
            cb.pop();
            cb.goto_(entry.get(defaultLabel));
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
        if (!reachable) {
            return;
        }
        switch (op) {
            case NOP -> {}
            case UNREACHABLE -> {
                cb.invokestatic(RuntimeNames.TRAPS, "unreachable", RuntimeNames.TRAP_NO_ARGS).athrow();
                reachable = false;
            }
            case RETURN -> {
                values.emitReturn(type.results());
                reachable = false;
            }
            case DROP -> values.pop(types.operandType(0));
            case SELECT -> select(types.operandType(1));
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

    private void select(ValType t) {
        Label takeFirst = cb.newLabel();
        Label done = cb.newLabel();
        boolean wide = kind(t).slotSize() == 2;
        cb.ifne(takeFirst);
        if (wide) {
            cb.dup2_x2().pop2().pop2();
        } else {
            cb.swap().pop();
        }
        cb.goto_(done);
        cb.labelBinding(takeFirst);
        if (wide) {
            cb.pop2();
        } else {
            cb.pop();
        }
        cb.labelBinding(done);
    }

    @Override
    public void selectTyped(List<ValType> selected) {
        if (reachable) {
            select(selected.getFirst());
        }
    }

    @Override
    public void refNull(HeapType heap) {
        if (reachable) {
            cb.aconst_null();
        }
    }

    // ---- constants ----

    @Override
    public void i32Const(int value) {
        if (reachable) {
            cb.loadConstant(value);
        }
    }

    @Override
    public void i64Const(long value) {
        if (reachable) {
            cb.loadConstant(value);
        }
    }

    @Override
    public void f32Const(int bits) {
        if (!reachable) {
            return;
        }
        float f = Float.intBitsToFloat(bits);
        if (Float.isNaN(f)) {
            // The constant pool may canonicalise NaNs; build the exact bits at run time.
            cb.loadConstant(bits).invokestatic(ConstantDescs.CD_Float, "intBitsToFloat", MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int));
        } else {
            cb.loadConstant(f);
        }
    }

    @Override
    public void f64Const(long bits) {
        if (!reachable) {
            return;
        }
        double d = Double.longBitsToDouble(bits);
        if (Double.isNaN(d)) {
            cb.loadConstant(bits).invokestatic(ConstantDescs.CD_Double, "longBitsToDouble", MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long));
        } else {
            cb.loadConstant(d);
        }
    }

    // ---- indices: variables, calls, tables, memory ----

    @Override
    public void index(Op op, int index) {
        if (!reachable) {
            return;
        }
        switch (op) {
            case LOCAL_GET -> cb.loadLocal(kind(localTypes[index]), slots[index]);
            case LOCAL_SET -> cb.storeLocal(kind(localTypes[index]), slots[index]);
            case LOCAL_TEE -> {
                TypeKind k = kind(localTypes[index]);
                if (k.slotSize() == 2) {
                    cb.dup2();
                } else {
                    cb.dup();
                }
                cb.storeLocal(k, slots[index]);
            }
            case GLOBAL_GET -> globalGet(index);
            case GLOBAL_SET -> globalSet(index);
            case CALL -> {
                FuncType ft = mc.functionType(index);
                cb.aload(ctx).invokestatic(mc.thisClass, ModuleContext.functionMethod(index), ModuleContext.descriptor(ft));
                if (ft.results().size() > 1) {
                    values.unpack(ft.results());
                }
            }
            case REF_FUNC -> cb.loadConstant(index).aload(ctx)
                    .invokestatic(RuntimeNames.TABLE_ACCESS, "refFunc", MethodTypeDesc.of(RuntimeNames.OBJECT, ConstantDescs.CD_int, RuntimeNames.INSTANCE));
            default -> memory.index(op, index);
        }
    }

    private void globalRef(int index) {
        cb.aload(ctx).getfield(RuntimeNames.INSTANCE, "globals", RuntimeNames.GLOBAL_ARRAY).loadConstant(index).aaload();
    }

    private void globalGet(int index) {
        ValType t = mc.module.allGlobals().get(index).type();
        globalRef(index);
        if (kind(t) == TypeKind.REFERENCE) {
            cb.getfield(RuntimeNames.GLOBAL, "ref", RuntimeNames.OBJECT);
        } else {
            cb.getfield(RuntimeNames.GLOBAL, "bits", ConstantDescs.CD_long);
            values.fromBits(t);
        }
    }

    private void globalSet(int index) {
        ValType t = mc.module.allGlobals().get(index).type();
        if (kind(t) == TypeKind.REFERENCE) {
            globalRef(index);
            cb.swap().putfield(RuntimeNames.GLOBAL, "ref", RuntimeNames.OBJECT);
        } else {
            values.toBits(t);
            globalRef(index);
            cb.dup_x2().pop().putfield(RuntimeNames.GLOBAL, "bits", ConstantDescs.CD_long);
        }
    }

    @Override
    public void index2(Op op, int first, int second) {
        if (!reachable) {
            return;
        }
        if (op == Op.CALL_INDIRECT) {
            FuncType ft = mc.module.funcType(first);
            mc.indirectBridges.add((long) first << 32 | second);
            cb.aload(ctx).invokestatic(mc.thisClass, ModuleContext.indirectMethod(first, second), ModuleContext.descriptor(ft, ConstantDescs.CD_int));
            if (ft.results().size() > 1) {
                values.unpack(ft.results());
            }
            return;
        }
        memory.index2(op, first, second);
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        if (reachable) {
            memory.access(op, offset, memoryIndex);
        }
    }

    // ---- SIMD: not supported yet ----

    @Override
    public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
        throw new UnsupportedOperationException(op.mnemonic() + " (SIMD) is not supported");
    }

    @Override
    public void lane(Op op, int lane) {
        throw new UnsupportedOperationException(op.mnemonic() + " (SIMD) is not supported");
    }

    @Override
    public void shuffle(byte[] lanes) {
        throw new UnsupportedOperationException("i8x16.shuffle (SIMD) is not supported");
    }

    @Override
    public void v128Const(long low, long high) {
        throw new UnsupportedOperationException("v128.const (SIMD) is not supported");
    }
}
