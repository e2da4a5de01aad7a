package dev.verge.core.compile.fuzz;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory, table and reference instructions of a {@link BodyGenerator}. Addresses, lengths and
 * indices are mostly small constants inside the initial size, so accesses succeed often enough for
 * execution to get somewhere, with the occasional wild one that traps.
 */
final class HeapOps {
    private static final List<Op> ACCESSES = new ArrayList<>();

    static {
        for (Op op : Op.values()) {
            if (op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE) {
                ACCESSES.add(op);
            }
        }
    }

    private final BodyGenerator g;

    HeapOps(BodyGenerator g) {
        this.g = g;
    }

    private int memoryBytes() {
        MemoryType mem = g.m.memory;
        return (int) Math.min(mem.limits().min() * MemoryType.PAGE_SIZE + 32, Integer.MAX_VALUE);
    }

    /** An i32 operand from the stack when one is there and the coin says so, else a small constant. */
    private void address() {
        if (g.s.peek(0) == ValType.I32 && g.r.nextInt(4) == 0) {
            return;
        }
        g.smallI32(memoryBytes());
    }

    void memory() {
        if (g.m.memory == null) {
            g.produce(g.m.randomType());
            return;
        }
        int k = g.r.nextInt(20);
        if (k < 12) {
            access();
        } else if (k < 14) {
            g.c.index(Op.MEMORY_SIZE, 0);
            g.s.push(ValType.I32);
        } else if (k < 16) {
            if (g.s.peek(0) != ValType.I32 || g.r.nextBoolean()) {
                g.smallI32(3);
            }
            g.c.index(Op.MEMORY_GROW, 0);
            g.s.pop(1);
            g.s.push(ValType.I32);
        } else {
            int data = g.m.data.size();
            int which = g.r.nextInt(4);
            if (which >= 2 && data == 0) {
                which = 0;
            }
            if (which == 3) {
                g.c.index(Op.DATA_DROP, g.r.nextInt(data));
                return;
            }
            threeI32(memoryBytes(), which == 0 ? 256 : memoryBytes(), 64);
            switch (which) {
                case 0 -> g.c.index(Op.MEMORY_FILL, 0);
                case 1 -> g.c.index2(Op.MEMORY_COPY, 0, 0);
                default -> g.c.index2(Op.MEMORY_INIT, g.r.nextInt(data), 0);
            }
            g.s.pop(3);
        }
    }

    /** Three i32 operands: the stack's when it has them, else constants below the bounds. */
    private void threeI32(int first, int second, int third) {
        if (g.s.available() >= 3 && g.s.matches(List.of(ValType.I32, ValType.I32, ValType.I32)) && g.r.nextInt(3) == 0) {
            return;
        }
        g.smallI32(first);
        g.smallI32(second);
        g.smallI32(third);
    }

    private void access() {
        Op op;
        do {
            op = ACCESSES.get(g.r.nextInt(ACCESSES.size()));
        } while (!g.m.simd && (op.params().contains(ValType.V128) || op.results().contains(ValType.V128)));
        int maxAlign = Integer.numberOfTrailingZeros(op.accessBytes());
        int align = g.r.nextInt(maxAlign + 1);
        long offset = switch (g.r.nextInt(20)) {
            case 0 -> g.r.nextInt() & 0xFFFF_FFFFL;
            case 1 -> 0xFFFF_FFFFL;
            case 2, 3 -> g.r.nextInt(70_000);
            default -> g.r.nextInt(64);
        };
        if (!g.s.matches(op.params()) || g.r.nextInt(3) != 0) {
            address();
            for (int i = 1; i < op.params().size(); i++) {
                g.produce(op.params().get(i));
            }
        }
        if (op.imm() == Imm.MEMARG_LANE) {
            g.c.memoryLane(op, align, offset, 0, g.r.nextInt(16 / op.accessBytes()));
        } else {
            g.c.memory(op, align, offset, 0);
        }
        g.s.pop(op.params().size());
        g.s.push(op.results());
    }

    void table() {
        if (g.r.nextInt(4) == 0 || g.m.tables.isEmpty()) {
            reference();
            return;
        }
        int t = g.r.nextInt(g.m.tables.size());
        TableType table = g.m.tables.get(t);
        RefType elem = table.element();
        int size = (int) table.limits().min() + 2;
        switch (g.r.nextInt(9)) {
            case 0, 1 -> {
                g.smallI32(size);
                g.c.index(Op.TABLE_GET, t);
                g.s.pop(1);
                g.s.push(elem);
            }
            case 2 -> {
                g.smallI32(size);
                g.produce(elem);
                g.c.index(Op.TABLE_SET, t);
                g.s.pop(2);
            }
            case 3 -> {
                g.c.index(Op.TABLE_SIZE, t);
                g.s.push(ValType.I32);
            }
            case 4 -> {
                g.produce(elem);
                g.smallI32(3);
                g.c.index(Op.TABLE_GROW, t);
                g.s.pop(2);
                g.s.push(ValType.I32);
            }
            case 5 -> {
                g.smallI32(size);
                g.produce(elem);
                g.smallI32(4);
                g.c.index(Op.TABLE_FILL, t);
                g.s.pop(3);
            }
            case 6 -> {
                int source = sameElement(elem);
                threeI32(size, size, 4);
                g.c.index2(Op.TABLE_COPY, t, source);
                g.s.pop(3);
            }
            default -> {
                List<Integer> segments = new ArrayList<>();
                for (int i = 0; i < g.m.elements.size(); i++) {
                    ElementSegment e = g.m.elements.get(i);
                    if (e.type().equals(elem) || g.r.nextInt(8) == 0 && !(e.mode() instanceof SegmentMode.Active)) {
                        segments.add(i);
                    }
                }
                if (segments.isEmpty()) {
                    reference();
                    return;
                }
                int seg = segments.get(g.r.nextInt(segments.size()));
                if (!g.m.elements.get(seg).type().equals(elem) || g.r.nextInt(3) == 0) {
                    g.c.index(Op.ELEM_DROP, seg);
                    return;
                }
                threeI32(size, 6, 4);
                g.c.index2(Op.TABLE_INIT, seg, t);
                g.s.pop(3);
            }
        }
    }

    /** A table with element type {@code elem} (there is at least the one asking). */
    private int sameElement(RefType elem) {
        List<Integer> same = new ArrayList<>();
        for (int i = 0; i < g.m.tables.size(); i++) {
            if (g.m.tables.get(i).element().equals(elem)) {
                same.add(i);
            }
        }
        return same.get(g.r.nextInt(same.size()));
    }

    private void reference() {
        ValType top = g.s.peek(0);
        if (top instanceof RefType && g.r.nextBoolean()) {
            g.c.op(Op.REF_IS_NULL);
            g.s.pop(1);
            g.s.push(ValType.I32);
        } else if (g.r.nextBoolean()) {
            g.c.index(Op.REF_FUNC, g.r.nextInt(g.m.functionTypes.size()));
            g.s.push(ValType.FUNCREF);
        } else {
            g.produce(g.r.nextBoolean() ? ValType.FUNCREF : ValType.EXTERNREF);
            g.c.op(Op.REF_IS_NULL);
            g.s.pop(1);
            g.s.push(ValType.I32);
        }
    }
}
