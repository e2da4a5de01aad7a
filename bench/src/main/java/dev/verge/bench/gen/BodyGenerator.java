package dev.verge.bench.gen;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes valid function bodies with a varied instruction mix: locals, constants, arithmetic and
 * conversions of all four number types (every fixed-signature instruction of the {@link Op}
 * table but SIMD), loads and stores, globals, direct and indirect calls, and structured control
 * ({@code block}, {@code loop}, {@code if}, {@code br_if}, {@code br_table}, typed {@code if}
 * expressions, {@code select}).
 *
 * <p>Validity is by construction: expressions are generated for a wanted type and leave exactly
 * one value of it; statements leave the stack as they found it; every block is void except the
 * typed {@code if} expressions, which contain no branches, so any branch's target is void.
 */
final class BodyGenerator {
    private static final NumType[] NUM_TYPES = NumType.values();
    private static final int MAX_EXPR_DEPTH = 4;
    private static final int MAX_BLOCK_NESTING = 3;
    /**
     * The instructions compilers emit most, chosen more often than the rest of the table so the
     * mix looks like real code rather than a uniform draw over 130 opcodes.
     */
    private static final Map<NumType, List<Op>> COMMON_OPS = Map.of(
            NumType.I32, List.of(Op.I32_ADD, Op.I32_SUB, Op.I32_MUL, Op.I32_AND, Op.I32_OR, Op.I32_XOR,
                    Op.I32_SHL, Op.I32_SHR_U, Op.I32_SHR_S, Op.I32_EQ, Op.I32_NE, Op.I32_LT_S,
                    Op.I32_LT_U, Op.I32_GT_S, Op.I32_EQZ),
            NumType.I64, List.of(Op.I64_ADD, Op.I64_SUB, Op.I64_MUL, Op.I64_AND, Op.I64_SHL,
                    Op.I64_SHR_U, Op.I64_EXTEND_I32_U, Op.I64_EXTEND_I32_S),
            NumType.F32, List.of(Op.F32_ADD, Op.F32_MUL),
            NumType.F64, List.of(Op.F64_ADD, Op.F64_SUB, Op.F64_MUL, Op.F64_CONVERT_I32_S));

    private final SplittableRandom random;
    private final ModuleLayout layout;
    private final Map<NumType, List<Op>> computeOps = new EnumMap<>(NumType.class);
    private final Map<NumType, List<Op>> loads = new EnumMap<>(NumType.class);
    private final Map<NumType, List<Op>> stores = new EnumMap<>(NumType.class);

    private WasmWriter out;
    private List<NumType> locals;
    private int labels;

    BodyGenerator(SplittableRandom random, ModuleLayout layout) {
        this.random = random;
        this.layout = layout;
        for (NumType t : NUM_TYPES) {
            computeOps.put(t, new ArrayList<>());
            loads.put(t, new ArrayList<>());
            stores.put(t, new ArrayList<>());
        }
        for (Op op : Op.values()) {
            if (op.prefix() == 0xFD || !op.hasFixedSignature() || usesVector(op)) {
                continue;
            }
            if (op.imm() == Imm.NONE && op.results().size() == 1) {
                computeOps.get((NumType) op.results().getFirst()).add(op);
            } else if (op.imm() == Imm.MEMARG && op.results().size() == 1) {
                loads.get((NumType) op.results().getFirst()).add(op);
            } else if (op.imm() == Imm.MEMARG && op.results().isEmpty()) {
                stores.get((NumType) op.params().get(1)).add(op);
            }
        }
    }

    private static boolean usesVector(Op op) {
        return op.params().contains(ValType.V128) || op.results().contains(ValType.V128);
    }

    /** Writes one body (locals and code, without its size prefix) for a function of this type. */
    WasmWriter body(Signature signature) {
        out = new WasmWriter();
        locals = new ArrayList<>(signature.params());
        labels = 0;
        // Local declarations: a few of each type, as compilers emit them.
        out.u32(NUM_TYPES.length);
        for (NumType t : NUM_TYPES) {
            int count = 1 + random.nextInt(3);
            out.u32(count);
            out.u8(t.code());
            for (int i = 0; i < count; i++) {
                locals.add(t);
            }
        }
        int statements = 6 + random.nextInt(24);
        for (int i = 0; i < statements; i++) {
            statement(0);
        }
        if (signature.result() != null) {
            expression(signature.result(), 0);
        }
        out.u8(Op.END.code());
        return out;
    }

    private void statement(int nesting) {
        int pick = random.nextInt(100);
        boolean canNest = nesting < MAX_BLOCK_NESTING;
        if (pick < 30) {
            NumType t = randomType();
            expression(t, 0);
            op(Op.LOCAL_SET);
            out.u32(localOf(t));
        } else if (pick < 45) {
            NumType t = randomType();
            address();
            expression(t, 1);
            memoryOp(pick(stores.get(t)));
        } else if (pick < 50) {
            NumType t = randomType();
            expression(t, 1);
            op(Op.GLOBAL_SET);
            out.u32(layout.mutableGlobal(t));
        } else if (pick < 58) {
            callStatement();
        } else if (pick < 66 && canNest) {
            block(Op.BLOCK, nesting);
        } else if (pick < 74 && canNest) {
            loop(nesting);
        } else if (pick < 82 && canNest) {
            ifElse(nesting);
        } else if (pick < 92 && labels > 0) {
            expression(NumType.I32, 1);
            op(Op.BR_IF);
            out.u32(random.nextInt(labels));
        } else if (pick < 94 && labels > 0) {
            expression(NumType.I32, 2);
            op(Op.BR_TABLE);
            int targets = 1 + random.nextInt(4);
            out.u32(targets);
            for (int i = 0; i <= targets; i++) {
                out.u32(random.nextInt(labels));
            }
        } else {
            expression(randomType(), 0);
            op(Op.DROP);
        }
    }

    private void callStatement() {
        int function = layout.randomFunction(random, null);
        Signature callee = layout.signatureOfFunction(function);
        arguments(callee);
        op(Op.CALL);
        out.u32(function);
        if (callee.result() != null) {
            op(Op.DROP);
        }
    }

    private void block(Op kind, int nesting) {
        op(kind);
        out.u8(0x40);
        labels++;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            statement(nesting + 1);
        }
        labels--;
        op(Op.END);
    }

    private void loop(int nesting) {
        int counter = localOf(NumType.I32);
        op(Op.LOOP);
        out.u8(0x40);
        labels++;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            statement(nesting + 1);
        }
        // counter = counter - 1; continue while non-zero: the shape of every counted loop.
        op(Op.LOCAL_GET);
        out.u32(counter);
        op(Op.I32_CONST);
        out.s32(1);
        op(Op.I32_SUB);
        op(Op.LOCAL_TEE);
        out.u32(counter);
        op(Op.BR_IF);
        out.u32(0);
        labels--;
        op(Op.END);
    }

    private void ifElse(int nesting) {
        expression(NumType.I32, 1);
        op(Op.IF);
        out.u8(0x40);
        labels++;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            statement(nesting + 1);
        }
        if (random.nextBoolean()) {
            op(Op.ELSE);
            count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                statement(nesting + 1);
            }
        }
        labels--;
        op(Op.END);
    }

    /** Leaves exactly one value of type {@code t} on the stack. */
    private void expression(NumType t, int depth) {
        if (depth >= MAX_EXPR_DEPTH || random.nextInt(100) < 25 + 15 * depth) {
            leaf(t);
            return;
        }
        int pick = random.nextInt(100);
        if (pick < 55) {
            Op op = pick(random.nextInt(3) < 2 ? COMMON_OPS.get(t) : computeOps.get(t));
            for (ValType param : op.params()) {
                expression((NumType) param, depth + 1);
            }
            op(op);
        } else if (pick < 70) {
            address();
            memoryOp(pick(loads.get(t)));
        } else if (pick < 80 && layout.hasFunctionReturning(t)) {
            int function = layout.randomFunction(random, t);
            arguments(layout.signatureOfFunction(function));
            op(Op.CALL);
            out.u32(function);
        } else if (pick < 83) {
            int type = layout.randomTypeReturning(random, t);
            arguments(layout.signature(type));
            expression(NumType.I32, MAX_EXPR_DEPTH);
            op(Op.CALL_INDIRECT);
            out.u32(type);
            out.u32(0);
        } else if (pick < 88) {
            expression(t, depth + 1);
            expression(t, depth + 1);
            expression(NumType.I32, depth + 1);
            op(Op.SELECT);
        } else if (pick < 93) {
            expression(NumType.I32, depth + 1);
            op(Op.IF);
            out.u8(t.code());
            expression(t, depth + 1);
            op(Op.ELSE);
            expression(t, depth + 1);
            op(Op.END);
        } else {
            expression(t, depth + 1);
            op(Op.LOCAL_TEE);
            out.u32(localOf(t));
        }
    }

    private void leaf(NumType t) {
        int pick = random.nextInt(100);
        if (pick < 60) {
            op(Op.LOCAL_GET);
            out.u32(localOf(t));
        } else if (pick < 90) {
            switch (t) {
                case I32 -> {
                    op(Op.I32_CONST);
                    out.s32(random.nextInt(2000) - 1000);
                }
                case I64 -> {
                    op(Op.I64_CONST);
                    out.s64(random.nextLong() >> random.nextInt(64));
                }
                case F32 -> {
                    op(Op.F32_CONST);
                    out.f32(random.nextInt(1000) / 8f);
                }
                case F64 -> {
                    op(Op.F64_CONST);
                    out.f64(random.nextDouble() * 1000);
                }
            }
        } else {
            op(Op.GLOBAL_GET);
            out.u32(layout.anyGlobal(random, t));
        }
    }

    private void address() {
        if (random.nextBoolean()) {
            op(Op.LOCAL_GET);
            out.u32(localOf(NumType.I32));
        } else {
            op(Op.I32_CONST);
            out.s32(random.nextInt(4096) & ~7);
        }
    }

    private void arguments(Signature callee) {
        for (NumType p : callee.params()) {
            expression(p, MAX_EXPR_DEPTH - 1);
        }
    }

    private void memoryOp(Op op) {
        op(op);
        int maxAlign = Integer.numberOfTrailingZeros(op.accessBytes());
        // Mostly natural alignment, as compilers emit; sometimes less.
        out.u32(random.nextInt(4) == 0 ? random.nextInt(maxAlign + 1) : maxAlign);
        out.u32(random.nextInt(8) == 0 ? random.nextInt(1 << 16) : random.nextInt(64));
    }

    private void op(Op op) {
        if (op.prefix() != 0) {
            out.u8(op.prefix());
            out.u32(op.code());
        } else {
            out.u8(op.code());
        }
    }

    private int localOf(NumType t) {
        // Every type has at least one declared local, so this terminates.
        while (true) {
            int index = random.nextInt(locals.size());
            if (locals.get(index) == t) {
                return index;
            }
        }
    }

    private NumType randomType() {
        int pick = random.nextInt(10);
        return pick < 5 ? NumType.I32 : pick < 7 ? NumType.I64 : pick < 9 ? NumType.F64 : NumType.F32;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
