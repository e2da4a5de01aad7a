package dev.verge.core.runtime;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.Expr;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Evaluates constant expressions (global initialisers, segment offsets, element items) at
 * instantiation. The validator has already checked them, so this reads the few instructions a
 * constant expression may hold directly from their encoding: it is a handful of opcodes, and
 * instantiation must stay cheap.
 */
final class ConstEval {
    private final Bytes code;
    private int pos;

    private ConstEval(Bytes code) {
        this.code = code;
    }

    /** The value of {@code expr} in {@code instance} (numbers boxed, references as is). */
    static Object eval(Expr expr, Instance instance) {
        return new ConstEval(expr.code()).run(instance);
    }

    private Object run(Instance instance) {
        Deque<Object> stack = new ArrayDeque<>();
        Object nullRef = new Object();
        while (true) {
            int op = u8();
            switch (op) {
                case 0x0B -> {
                    Object v = stack.pop();
                    return v == nullRef ? null : v;
                }
                case 0x41 -> stack.push((int) sleb(32));
                case 0x42 -> stack.push(sleb(64));
                case 0x43 -> {
                    int bits = u8() | u8() << 8 | u8() << 16 | u8() << 24;
                    stack.push(Float.intBitsToFloat(bits));
                }
                case 0x44 -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits |= (long) u8() << (8 * i);
                    }
                    stack.push(Double.longBitsToDouble(bits));
                }
                case 0x23 -> {
                    Object v = instance.globals[(int) uleb()].get();
                    stack.push(v == null ? nullRef : v);
                }
                case 0xD0 -> {
                    sleb(33); // heap type
                    stack.push(nullRef);
                }
                case 0xFD -> {
                    uleb(); // the only constant SIMD instruction: v128.const (0x0C)
                    long lo = 0;
                    long hi = 0;
                    for (int i = 0; i < 8; i++) {
                        lo |= (long) u8() << (8 * i);
                    }
                    for (int i = 0; i < 8; i++) {
                        hi |= (long) u8() << (8 * i);
                    }
                    stack.push(V128.of(lo, hi));
                }
                case 0xD2 -> stack.push(instance.functions[(int) uleb()]);
                case 0x6A, 0x6B, 0x6C -> {
                    int b = (Integer) stack.pop();
                    int a = (Integer) stack.pop();
                    stack.push(op == 0x6A ? a + b : op == 0x6B ? a - b : a * b);
                }
                case 0x7C, 0x7D, 0x7E -> {
                    long b = (Long) stack.pop();
                    long a = (Long) stack.pop();
                    stack.push(op == 0x7C ? a + b : op == 0x7D ? a - b : a * b);
                }
                default -> throw new IllegalStateException("not a constant instruction: 0x" + Integer.toHexString(op));
            }
        }
    }

    private int u8() {
        return code.get(pos++) & 0xFF;
    }

    private long uleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    private long sleb(int bits) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }
}
