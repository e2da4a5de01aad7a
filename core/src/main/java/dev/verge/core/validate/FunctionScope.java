package dev.verge.core.validate;

import static dev.verge.core.validate.Signatures.PARAMS;
import static dev.verge.core.validate.Signatures.PARAMS64;
import static dev.verge.core.validate.Signatures.RESULTS;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * What a function body is validated against: the module's index spaces, the function's locals
 * and results, and the downstream visitor; plus the queries the downstream may make. The
 * instruction rules themselves are in {@link FunctionValidator}.
 */
abstract class FunctionScope extends TypeStacks {
    final ValidModule m;
    InstrVisitor next = NoopVisitor.INSTANCE;

    ValType[] locals = new ValType[16];
    int localCount;
    ValType[] results = NONE;
    /** How many globals are visible: all of them, or in constant expressions only the imported. */
    int globalLimit;
    boolean constant;

    // The block type being opened, resolved without allocating (see blockType()).
    ValType[] blockParams;
    ValType[] blockResults;

    FunctionScope(ValidModule m) {
        super(m.limits().maxOperandStack(), m.limits().maxControlDepth());
        this.m = m;
    }

    /** Prepares for a function body: locals are the parameters then the declared locals. */
    void beginFunction(int functionIndex, List<Locals> declared) {
        this.functionIndex = functionIndex;
        this.offset = -1;
        int type = m.functionTypes[functionIndex];
        ValType[] params = m.typeParams[type];
        long count = params.length;
        for (Locals run : declared) {
            // Checked per run, so that a huge declared count cannot overflow the sum.
            count += run.count();
            if (count > m.limits().maxLocals()) {
                throw error("too many locals");
            }
        }
        if (count > m.limits().maxLocals()) {
            throw error("too many locals");
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

    // ---- queries for the downstream (public through FunctionValidator) ----

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

    /**
     * The lowest operand height the previous instruction popped down to (its height before, if it
     * popped nothing); read it in the downstream's {@code at}. Branches that leave the code
     * unreachable do not lower it: they drop operands without popping them.
     */
    public int lowestHeight() {
        return low;
    }

    /** The highest operand stack seen so far in this function. */
    public int maxOperandHeight() {
        return maxHeight;
    }

    /** The deepest control nesting seen so far in this function. */
    public int maxControlDepth() {
        return maxDepth;
    }

    // ---- shared parts of rules ----

    /** {@code table.set} ([i32 t]) and {@code table.fill} ([i32 t i32]); {@code c} null for two. */
    final void tableOp(Op op, int index, int n, ValType a, ValType b, ValType c) {
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

    final void threeOperands(Op op, int first, int second, ValType a, ValType b, ValType c) {
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
    final void fixed(Op op, int first, int second) {
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

    /** Checks a load or store's memory and alignment; returns its operand types. */
    final ValType[] memoryAccess(Op op, int alignLog2, int memoryIndex) {
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

    final int label(int label) {
        if (label < 0 || label >= depth) {
            throw error("unknown label " + Integer.toUnsignedString(label));
        }
        return label;
    }

    // ---- index spaces ----

    final void ended() {
        if (depth == 0) {
            throw error("instruction after the end of the function");
        }
    }

    final void function(int index) {
        if (index < 0 || index >= m.functions.length) {
            throw error("unknown function " + Integer.toUnsignedString(index));
        }
    }

    final int type(int index) {
        if (index < 0 || index >= m.types.length || m.types[index] == null) {
            throw error("unknown type " + Integer.toUnsignedString(index));
        }
        return index;
    }

    final ValType local(int index) {
        if (index < 0 || index >= localCount) {
            throw error("unknown local " + Integer.toUnsignedString(index));
        }
        return locals[index];
    }

    final GlobalType global(int index) {
        if (index < 0 || index >= globalLimit) {
            throw error("unknown global " + Integer.toUnsignedString(index));
        }
        return m.globals[index];
    }

    final TableType table(int index) {
        if (index < 0 || index >= m.tables.length) {
            throw error("unknown table " + Integer.toUnsignedString(index));
        }
        return m.tables[index];
    }

    final MemoryType memory(int index) {
        if (index < 0 || index >= m.memories.length) {
            throw error("unknown memory " + Integer.toUnsignedString(index));
        }
        return m.memories[index];
    }

    static ValType addressType(MemoryType mem) {
        return mem.is64() ? ValType.I64 : ValType.I32;
    }

    final RefType element(int index) {
        if (index < 0 || index >= m.elementTypes.length) {
            throw error("unknown elem segment " + Integer.toUnsignedString(index));
        }
        return m.elementTypes[index];
    }

    final void data(int index) {
        if (index < 0 || index >= m.dataSegments) {
            throw error("unknown data segment " + Integer.toUnsignedString(index));
        }
    }

    /** An instruction reached the validator that it has no rule for: a bug in the table, not in the input. */
    static IllegalStateException noRule(Op op) {
        return new IllegalStateException("no validation rule for " + op);
    }
}
