package dev.verge.core.validate;

import static dev.verge.core.validate.Signatures.LANES;
import static dev.verge.core.validate.Signatures.PARAMS;
import static dev.verge.core.validate.Signatures.RESULTS;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.ConcreteHeapType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.HeapType;
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
public final class FunctionValidator extends FunctionScope implements InstrVisitor {
    FunctionValidator(ValidModule m) {
        super(m);
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
        v.recordValid(definedIndex);
    }

    /** Notes in the module that function {@code definedIndex} was just validated, and its high-water marks. */
    void recordValid(int definedIndex) {
        m.maxOperandHeights[definedIndex] = maxOperandHeight();
        m.maxControlDepths[definedIndex] = maxControlDepth();
        m.validatedBodies[definedIndex] = true;
    }

    /** Validates one defined function's body; the stacks' high-water marks are left readable. */
    void validateFunction(int definedIndex) {
        int functionIndex = m.importedFunctions + definedIndex;
        beginFunction(functionIndex, m.module().codes().get(definedIndex).locals());
        BodyReader.read(m.module().codes().get(definedIndex).body(), this);
        finish();
    }

    // ---- the visitor ----

    @Override
    public void at(int offset) {
        this.offset = offset;
        next.at(offset);
        low = height;
    }

    /**
     * The validator's state before the current instruction, for {@link #resume}: call it from the
     * downstream's {@code at}. The operands below height {@code keepFrom} are left out (the code
     * resumed from here must not pop them; it is validated code, so the caller knows), and
     * heights are counted from {@code keepFrom} in the resumed validator.
     */
    public ValidatorCheckpoint checkpoint(int keepFrom) {
        return new ValidatorCheckpoint(this, keepFrom);
    }

    /**
     * Validates the instructions of function {@code definedIndex} from the checkpoint's offset up
     * to module offset {@code to} (an instruction boundary at the same nesting level), feeding them
     * to the visitor {@code downstream} makes, whose last call is {@code at(to)}. Costs the range,
     * not the function: the compiler emits a function split into pieces this way, one pass each.
     */
    public static void resume(ValidModule m, int definedIndex, ValidatorCheckpoint c, int to,
            Function<FunctionValidator, InstrVisitor> downstream) {
        FunctionValidator v = new FunctionValidator(m);
        c.restore(v);
        v.next = downstream.apply(v);
        BodyReader.readRange(m.module().codes().get(definedIndex).body(), c.offset(), to, v);
    }

    @Override
    public void op(Op op) {
        ended();
        int o = op.ordinal();
        ValType[] p = PARAMS[o];
        if (p != null) {
            fixedOp(op, p);
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

    @Override
    public void index(Op op, int index) {
        ended();
        switch (op) {
            case CALL -> call(index);
            case REF_FUNC -> {
                function(index);
                if (!constant && !m.declaredReferences[index]) {
                    throw error("undeclared function reference " + index);
                }
                next.index(op, index);
                push(ValType.FUNCREF);
            }
            case LOCAL_GET -> localGet(index);
            case LOCAL_SET -> localSet(index);
            case LOCAL_TEE -> localTee(index);
            case GLOBAL_GET -> globalGet(index);
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

    // ---- the hottest rules, which BodyReader calls directly, without a second dispatch ----

    /** An instruction without immediates whose signature {@code p} is fixed (all numeric ones). */
    void fixedOp(Op op, ValType[] p) {
        ended();
        check(p, 0);
        next.op(op);
        pop(p.length);
        push(RESULTS[op.ordinal()]);
    }

    void localGet(int index) {
        ended();
        ValType t = local(index);
        next.index(Op.LOCAL_GET, index);
        push(t);
    }

    void localSet(int index) {
        ended();
        check1(local(index), 0);
        next.index(Op.LOCAL_SET, index);
        pop(1);
    }

    void localTee(int index) {
        ended();
        ValType t = local(index);
        check1(t, 0);
        next.index(Op.LOCAL_TEE, index);
        pop(1);
        push(t);
    }

    void globalGet(int index) {
        ended();
        ValType t = global(index).type();
        next.index(Op.GLOBAL_GET, index);
        push(t);
    }

    void call(int index) {
        ended();
        function(index);
        int type = m.functionTypes[index];
        ValType[] p = m.typeParams[type];
        check(p, 0);
        next.index(Op.CALL, index);
        pop(p.length);
        push(m.typeResults[type]);
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

}
