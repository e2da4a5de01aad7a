package dev.verge.core.validate;

import static dev.verge.core.validate.Signatures.LANES;
import static dev.verge.core.validate.Signatures.PARAMS;
import static dev.verge.core.validate.Signatures.PARAMS64;
import static dev.verge.core.validate.Signatures.RESULTS;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Imm;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.ConcreteHeapType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.VecType;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Checks a function body instruction by instruction and forwards each checked instruction to a
 * downstream {@link InstrVisitor} (a compiler, or nothing), so that the downstream never keeps a
 * type stack of its own: it asks this validator.
 *
 * <p>The contract for the downstream: each visitor call arrives <em>after</em> the instruction has
 * been checked and <em>before</em> its effect on the stacks is applied. While handling an
 * instruction the downstream may therefore call {@link #operandType operandType(0)} for the
 * instruction's last operand, {@link #labelTypes} for a branch's target, and so on. For
 * {@code block}, {@code loop} and {@code if} the new frame is not open yet; for {@code else} and
 * {@code end} the frame being closed is still label 0.
 *
 * <p>Every instruction with a fixed signature in {@link Op} is checked by one generic rule; the
 * others (control, parametric, variable, reference, table and memory-size instructions) have one
 * small rule each. Messages follow the reference interpreter's wording.
 */
public final class FunctionValidator extends TypeStacks implements InstrVisitor {
    private final ValidModule m;
    private InstrVisitor next = NoopVisitor.INSTANCE;

    private ValType[] locals = new ValType[16];
    private int localCount;
    private ValType[] results = NONE;
    /** How many globals are visible: all of them, or in constant expressions only the imported. */
    private int globalLimit;
    private boolean constant;

    // The block type being opened, resolved without allocating (see blockType()).
    private ValType[] blockParams;
    private ValType[] blockResults;

    FunctionValidator(ValidModule m) {
        super(m.limits().maxOperandStack(), m.limits().maxControlDepth());
        this.m = m;
    }

    /**
     * Validates the {@code definedIndex}-th function the module defines and feeds every checked
     * instruction to the visitor that {@code downstream} makes. The factory receives this
     * validator so that the visitor can keep it and ask it for operand and label types.
     *
     * @throws InvalidModuleException if the body is invalid (it cannot be for a function of a
     *     {@link ValidModule}, unless the limits are lower than when it was validated)
     */
    public static void run(ValidModule m, int definedIndex, Function<FunctionValidator, InstrVisitor> downstream) {
        FunctionValidator v = new FunctionValidator(m);
        v.next = downstream.apply(v);
        v.validateFunction(definedIndex);
    }

    /** Validates one defined function's body; the stacks' high-water marks are left readable. */
    void validateFunction(int definedIndex) {
        int functionIndex = m.importedFunctions + definedIndex;
        beginFunction(functionIndex, m.module().codes().get(definedIndex).locals());
        CodeReader.read(m.module().codes().get(definedIndex).body(), this);
        finish();
    }

    /** Prepares for a function body: locals are the parameters then the declared locals. */
    void beginFunction(int functionIndex, List<Locals> declared) {
        this.functionIndex = functionIndex;
        this.offset = -1;
        int type = m.functionTypes[functionIndex];
        ValType[] params = m.typeParams[type];
        long count = params.length;
        for (Locals run : declared) {
            count += run.count();
            if (count > m.limits().maxLocals()) {
                throw error("too many locals");
            }
        }
        if (locals.length < count) {
            locals = new ValType[(int) count];
        }
        System.arraycopy(params, 0, locals, 0, params.length);
        int n = params.length;
        for (Locals run : declared) {
            Arrays.fill(locals, n, n + (int) run.count(), run.type());
            n += (int) run.count();
        }
        localCount = n;
        results = m.typeResults[type];
        globalLimit = m.globals.length;
        constant = false;
        reset();
        pushFrame(FrameKind.FUNCTION, NONE, results);
    }

    /**
     * Prepares for a constant expression of type {@code type}; in Wasm 2.0 it sees only the
     * imported globals. The caller puts a {@link ConstantExpressionChecker} in front.
     */
    void beginConstant(ValType type) {
        functionIndex = -1;
        offset = -1;
        localCount = 0;
        results = Signatures.single(type);
        globalLimit = m.importedGlobals;
        constant = true;
        reset();
        pushFrame(FrameKind.FUNCTION, NONE, results);
    }

    /** After the last instruction: the function's own frame must have been closed by its end. */
    void finish() {
        if (depth != 0) {
            throw error("unexpected end of function: " + depth + " unclosed block(s)");
        }
    }

    // ---- queries for the downstream ----

    /**
     * The type of the operand {@code fromTop} places below the top of the stack (0 is the top,
     * the current instruction's last operand), or null when it is unknown, which happens only in
     * unreachable code.
     */
    public ValType operandType(int fromTop) {
        return peek(fromTop);
    }

    /** The number of operands on the stack, over all open frames. */
    public int operandHeight() {
        return height;
    }

    /**
     * Whether the current instruction is dead code: it follows an {@code unreachable},
     * {@code br}, {@code br_table} or {@code return} in the same block.
     */
    public boolean isUnreachable() {
        return dead;
    }

    /** The number of open control frames, the function's own frame included. */
    public int controlDepth() {
        return depth;
    }

    /** The types a branch to {@code label} carries: a loop's parameters, else the results. */
    public List<ValType> labelTypes(int label) {
        return List.of(labelArray(label));
    }

    /** The number of values a branch to {@code label} carries, without allocating. */
    public int labelArity(int label) {
        return labelArray(label).length;
    }

    /** What opened the frame of {@code label} (0 is the innermost). */
    public FrameKind frameKind(int label) {
        return kinds[depth - 1 - label];
    }

    /** The operand height when the frame of {@code label} was entered, below its parameters. */
    public int frameHeight(int label) {
        return heights[depth - 1 - label];
    }

    /** The parameter types of the frame of {@code label}. */
    public List<ValType> frameParams(int label) {
        return List.of(starts[depth - 1 - label]);
    }

    /** The result types of the frame of {@code label}. */
    public List<ValType> frameResults(int label) {
        return List.of(ends[depth - 1 - label]);
    }

    /** The type of local {@code index} (parameters first); the index is valid once checked. */
    public ValType localType(int index) {
        return locals[index];
    }

    /** The function being validated, in the function index space; -1 for a constant expression. */
    public int functionIndex() {
        return functionIndex;
    }

    /** The module whose function this is. */
    public ValidModule module() {
        return m;
    }

    /** The highest operand stack seen so far in this function. */
    public int maxOperandHeight() {
        return maxHeight;
    }

    /** The deepest control nesting seen so far in this function. */
    public int maxControlDepth() {
        return maxDepth;
    }

    // ---- the visitor ----

    @Override
    public void at(int offset) {
        this.offset = offset;
        next.at(offset);
    }

    @Override
    public void op(Op op) {
        ended();
        int o = op.ordinal();
        ValType[] p = PARAMS[o];
        if (p != null) {
            check(p, 0);
            next.op(op);
            pop(p.length);
            push(RESULTS[o]);
            return;
        }
        switch (op) {
            case UNREACHABLE -> {
                next.op(op);
                markUnreachable();
            }
            case DROP -> {
                checkAvailable(1, 0);
                next.op(op);
                pop(1);
            }
            case SELECT -> select();
            case RETURN -> {
                check(results, 0);
                next.op(op);
                markUnreachable();
            }
            case ELSE -> elseArm();
            case END -> end();
            case REF_IS_NULL -> {
                checkAvailable(1, 0);
                ValType t = peek(0);
                if (t != null && !(t instanceof RefType)) {
                    throw error("type mismatch: instruction requires reference type but stack has " + name(t));
                }
                next.op(op);
                pop(1);
                push(ValType.I32);
            }
            default -> throw noRule(op);
        }
    }

    private void select() {
        check1(ValType.I32, 0);
        checkAvailable(2, 1);
        ValType t1 = peek(1);
        ValType t2 = peek(2);
        boolean bothNum = (t1 == null || t1 instanceof NumType) && (t2 == null || t2 instanceof NumType);
        boolean bothVec = (t1 == null || t1 instanceof VecType) && (t2 == null || t2 instanceof VecType);
        if (!bothNum && !bothVec) {
            ValType shown = t1 == null || t1 instanceof NumType || t1 instanceof VecType ? t2 : t1;
            throw error("type mismatch: instruction requires numeric or vector type but stack has " + name(shown));
        }
        if (t1 != t2 && t1 != null && t2 != null) {
            throw error("type mismatch: select operands " + name(t2) + " and " + name(t1) + " differ");
        }
        next.op(Op.SELECT);
        pop(3);
        push(t1 == null ? t2 : t1);
    }

    private void elseArm() {
        int f = depth - 1;
        if (kinds[f] != FrameKind.IF) {
            throw error("else without a matching if");
        }
        checkFrameEnd();
        next.op(Op.ELSE);
        height = floor;
        kinds[f] = FrameKind.ELSE;
        unreachable[f] = false;
        dead = false;
        push(starts[f]);
    }

    private void end() {
        int f = depth - 1;
        checkFrameEnd();
        if (kinds[f] == FrameKind.IF && !Arrays.equals(starts[f], ends[f])) {
            // An if without else has an empty else arm, which must turn the parameters into the results.
            throw error("type mismatch: if without else requires " + describe(ends[f]) + " but its parameters are "
                    + describe(starts[f]));
        }
        next.op(Op.END);
        popFrame();
        if (depth > 0) {
            push(ends[f]);
        }
    }

    @Override
    public void block(Op op, BlockType type) {
        ended();
        blockType(type);
        ValType[] p = blockParams;
        switch (op) {
            case BLOCK, LOOP -> {
                check(p, 0);
                next.block(op, type);
                pop(p.length);
                pushFrame(op == Op.BLOCK ? FrameKind.BLOCK : FrameKind.LOOP, p, blockResults);
            }
            case IF -> {
                check1(ValType.I32, 0);
                check(p, 1);
                next.block(op, type);
                pop(1);
                pop(p.length);
                pushFrame(FrameKind.IF, p, blockResults);
            }
            default -> throw noRule(op);
        }
    }

    private void blockType(BlockType type) {
        // instanceof tests, not a pattern switch: this runs for every block, loop and if.
        if (type instanceof BlockType.Value v) {
            blockParams = NONE;
            blockResults = Signatures.single(v.type());
        } else if (type instanceof BlockType.Index x) {
            int i = x.index();
            if (i < 0 || i >= m.types.length || m.types[i] == null) {
                throw error("unknown type " + Integer.toUnsignedString(i));
            }
            blockParams = m.typeParams[i];
            blockResults = m.typeResults[i];
        } else {
            blockParams = NONE;
            blockResults = NONE;
        }
    }

    @Override
    public void branch(Op op, int label) {
        ended();
        ValType[] types = labelArray(label(label));
        switch (op) {
            case BR -> {
                check(types, 0);
                next.branch(op, label);
                markUnreachable();
            }
            case BR_IF -> {
                check1(ValType.I32, 0);
                check(types, 1);
                next.branch(op, label);
                pop(1);
                // pop then push the label's types: unknown operands become known.
                pop(types.length);
                push(types);
            }
            default -> throw noRule(op);
        }
    }

    @Override
    public void brTable(int[] labels, int defaultLabel) {
        ended();
        check1(ValType.I32, 0);
        ValType[] expected = labelArray(label(defaultLabel));
        int arity = expected.length;
        checkAvailable(arity, 1);
        check(expected, 1);
        for (int l : labels) {
            ValType[] types = labelArray(label(l));
            if (types.length != arity) {
                throw error("type mismatch: br_table targets carry " + describe(expected) + " and " + describe(types));
            }
            check(types, 1);
        }
        next.brTable(labels, defaultLabel);
        markUnreachable();
    }

    private int label(int label) {
        if (label < 0 || label >= depth) {
            throw error("unknown label " + Integer.toUnsignedString(label));
        }
        return label;
    }

    @Override
    public void index(Op op, int index) {
        ended();
        switch (op) {
            case CALL -> {
                function(index);
                int type = m.functionTypes[index];
                ValType[] p = m.typeParams[type];
                check(p, 0);
                next.index(op, index);
                pop(p.length);
                push(m.typeResults[type]);
            }
            case REF_FUNC -> {
                function(index);
                if (!constant && !m.declaredReferences[index]) {
                    throw error("undeclared function reference " + index);
                }
                next.index(op, index);
                push(ValType.FUNCREF);
            }
            case LOCAL_GET -> {
                ValType t = local(index);
                next.index(op, index);
                push(t);
            }
            case LOCAL_SET -> {
                check1(local(index), 0);
                next.index(op, index);
                pop(1);
            }
            case LOCAL_TEE -> {
                ValType t = local(index);
                check1(t, 0);
                next.index(op, index);
                pop(1);
                push(t);
            }
            case GLOBAL_GET -> {
                ValType t = global(index).type();
                next.index(op, index);
                push(t);
            }
            case GLOBAL_SET -> {
                GlobalType g = global(index);
                if (!g.mutable()) {
                    throw error("global is immutable");
                }
                check1(g.type(), 0);
                next.index(op, index);
                pop(1);
            }
            case TABLE_GET -> {
                RefType t = table(index).element();
                check1(ValType.I32, 0);
                next.index(op, index);
                pop(1);
                push(t);
            }
            case TABLE_SET -> tableOp(op, index, 2, ValType.I32, table(index).element(), null);
            case TABLE_SIZE -> {
                table(index);
                next.index(op, index);
                push(ValType.I32);
            }
            case TABLE_GROW -> {
                RefType t = table(index).element();
                check1(ValType.I32, 0);
                check1(t, 1);
                next.index(op, index);
                pop(2);
                push(ValType.I32);
            }
            case TABLE_FILL -> tableOp(op, index, 3, ValType.I32, table(index).element(), ValType.I32);
            case MEMORY_SIZE -> {
                ValType at = addressType(memory(index));
                next.index(op, index);
                push(at);
            }
            case MEMORY_GROW -> {
                ValType at = addressType(memory(index));
                check1(at, 0);
                next.index(op, index);
                pop(1);
                push(at);
            }
            case MEMORY_FILL -> {
                ValType at = addressType(memory(index));
                threeOperands(op, index, 0, at, ValType.I32, at);
            }
            case ELEM_DROP -> {
                element(index);
                fixed(op, index, 0);
            }
            case DATA_DROP -> {
                data(index);
                fixed(op, index, 0);
            }
            default -> throw noRule(op);
        }
    }

    /** {@code table.set} ([i32 t]) and {@code table.fill} ([i32 t i32]); {@code c} null for two. */
    private void tableOp(Op op, int index, int n, ValType a, ValType b, ValType c) {
        if (c == null) {
            check1(b, 0);
            check1(a, 1);
        } else {
            check1(c, 0);
            check1(b, 1);
            check1(a, 2);
        }
        next.index(op, index);
        pop(n);
    }

    private void threeOperands(Op op, int first, int second, ValType a, ValType b, ValType c) {
        check1(c, 0);
        check1(b, 1);
        check1(a, 2);
        if (op.imm() == Imm.MEMORY) {
            next.index(op, first);
        } else {
            next.index2(op, first, second);
        }
        pop(3);
    }

    /** An instruction with index immediates and a fixed signature: the generic rule. */
    private void fixed(Op op, int first, int second) {
        int o = op.ordinal();
        ValType[] p = PARAMS[o];
        if (p == null) {
            throw noRule(op);
        }
        check(p, 0);
        if (op.imm() == Imm.ELEM || op.imm() == Imm.DATA) {
            next.index(op, first);
        } else {
            next.index2(op, first, second);
        }
        pop(p.length);
        push(RESULTS[o]);
    }

    @Override
    public void index2(Op op, int first, int second) {
        ended();
        switch (op) {
            case CALL_INDIRECT -> {
                TableType table = table(second);
                int type = type(first);
                if (!ValType.FUNCREF.equals(table.element())) {
                    throw error("type mismatch: instruction requires table of functions but table has "
                            + table.element().text());
                }
                ValType[] p = m.typeParams[type];
                check1(ValType.I32, 0);
                check(p, 1);
                next.index2(op, first, second);
                pop(1);
                pop(p.length);
                push(m.typeResults[type]);
            }
            case MEMORY_INIT -> {
                ValType at = addressType(memory(second));
                data(first);
                threeOperands(op, first, second, at, ValType.I32, ValType.I32);
            }
            case MEMORY_COPY -> {
                ValType to = addressType(memory(first));
                ValType from = addressType(memory(second));
                ValType n = to == ValType.I64 && from == ValType.I64 ? ValType.I64 : ValType.I32;
                threeOperands(op, first, second, to, from, n);
            }
            case TABLE_INIT -> {
                RefType t = table(second).element();
                RefType e = element(first);
                if (!t.equals(e)) {
                    throw error("type mismatch: element segment's type " + e.text()
                            + " does not match table's element type " + t.text());
                }
                fixed(op, first, second);
            }
            case TABLE_COPY -> {
                RefType to = table(first).element();
                RefType from = table(second).element();
                if (!to.equals(from)) {
                    throw error("type mismatch: source element type " + from.text()
                            + " does not match destination element type " + to.text());
                }
                fixed(op, first, second);
            }
            default -> throw noRule(op);
        }
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        ended();
        ValType[] p = memoryAccess(op, alignLog2, memoryIndex);
        check(p, 0);
        next.memory(op, alignLog2, offset, memoryIndex);
        pop(p.length);
        push(RESULTS[op.ordinal()]);
    }

    @Override
    public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
        ended();
        ValType[] p = memoryAccess(op, alignLog2, memoryIndex);
        if (lane < 0 || lane >= 16 / op.accessBytes()) {
            throw error("invalid lane index");
        }
        check(p, 0);
        next.memoryLane(op, alignLog2, offset, memoryIndex, lane);
        pop(p.length);
        push(RESULTS[op.ordinal()]);
    }

    /** Checks a load or store's memory and alignment; returns its operand types. */
    private ValType[] memoryAccess(Op op, int alignLog2, int memoryIndex) {
        MemoryType mem = memory(memoryIndex);
        if (alignLog2 < 0 || alignLog2 > 30 || (1 << alignLog2) > op.accessBytes()) {
            throw error("alignment must not be larger than natural");
        }
        ValType[] p = mem.is64() ? PARAMS64[op.ordinal()] : PARAMS[op.ordinal()];
        if (p == null) {
            throw noRule(op);
        }
        return p;
    }

    @Override
    public void lane(Op op, int lane) {
        ended();
        int o = op.ordinal();
        ValType[] p = PARAMS[o];
        if (p == null) {
            throw noRule(op);
        }
        if (lane < 0 || lane >= LANES[o]) {
            throw error("invalid lane index");
        }
        check(p, 0);
        next.lane(op, lane);
        pop(p.length);
        push(RESULTS[o]);
    }

    @Override
    public void shuffle(byte[] lanes) {
        ended();
        for (byte lane : lanes) {
            if ((lane & 0xFF) >= 32) {
                throw error("invalid lane index");
            }
        }
        check(Signatures.V128V128, 0);
        next.shuffle(lanes);
        pop(2);
        push(ValType.V128);
    }

    @Override
    public void i32Const(int value) {
        ended();
        next.i32Const(value);
        push(ValType.I32);
    }

    @Override
    public void i64Const(long value) {
        ended();
        next.i64Const(value);
        push(ValType.I64);
    }

    @Override
    public void f32Const(int bits) {
        ended();
        next.f32Const(bits);
        push(ValType.F32);
    }

    @Override
    public void f64Const(long bits) {
        ended();
        next.f64Const(bits);
        push(ValType.F64);
    }

    @Override
    public void v128Const(long low, long high) {
        ended();
        next.v128Const(low, high);
        push(ValType.V128);
    }

    @Override
    public void selectTyped(List<ValType> types) {
        ended();
        if (types.size() != 1) {
            throw error("invalid result arity other than 1 is not (yet) allowed");
        }
        ValType t = types.get(0);
        check1(ValType.I32, 0);
        check1(t, 1);
        check1(t, 2);
        next.selectTyped(types);
        pop(3);
        push(t);
    }

    @Override
    public void refNull(HeapType type) {
        ended();
        RefType t = switch (type) {
            case AbsHeapType a -> RefType.nullable(a);
            case ConcreteHeapType c -> {
                type(c.typeIndex());
                yield new RefType(true, c);
            }
        };
        next.refNull(type);
        push(t);
    }

    // ---- index spaces ----

    private void ended() {
        if (depth == 0) {
            throw error("instruction after the end of the function");
        }
    }

    private void function(int index) {
        if (index < 0 || index >= m.functions.length) {
            throw error("unknown function " + Integer.toUnsignedString(index));
        }
    }

    private int type(int index) {
        if (index < 0 || index >= m.types.length || m.types[index] == null) {
            throw error("unknown type " + Integer.toUnsignedString(index));
        }
        return index;
    }

    private ValType local(int index) {
        if (index < 0 || index >= localCount) {
            throw error("unknown local " + Integer.toUnsignedString(index));
        }
        return locals[index];
    }

    private GlobalType global(int index) {
        if (index < 0 || index >= globalLimit) {
            throw error("unknown global " + Integer.toUnsignedString(index));
        }
        return m.globals[index];
    }

    private TableType table(int index) {
        if (index < 0 || index >= m.tables.length) {
            throw error("unknown table " + Integer.toUnsignedString(index));
        }
        return m.tables[index];
    }

    private MemoryType memory(int index) {
        if (index < 0 || index >= m.memories.length) {
            throw error("unknown memory " + Integer.toUnsignedString(index));
        }
        return m.memories[index];
    }

    private static ValType addressType(MemoryType mem) {
        return mem.is64() ? ValType.I64 : ValType.I32;
    }

    private RefType element(int index) {
        if (index < 0 || index >= m.elementTypes.length) {
            throw error("unknown elem segment " + Integer.toUnsignedString(index));
        }
        return m.elementTypes[index];
    }

    private void data(int index) {
        if (index < 0 || index >= m.dataSegments) {
            throw error("unknown data segment " + Integer.toUnsignedString(index));
        }
    }

    /** An instruction reached the validator that it has no rule for: a bug in the table, not in the input. */
    private static IllegalStateException noRule(Op op) {
        return new IllegalStateException("no validation rule for " + op);
    }
}
