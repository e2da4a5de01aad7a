package dev.verge.core.runtime;

import dev.verge.core.model.FuncType;
import java.util.Arrays;

/**
 * Table and reference instructions of compiled code, and the lookup of {@code call_indirect}.
 * Arguments come in the order compiled code has them: Wasm operands, then immediates, then the
 * instance. References are typed {@code Object} on the JVM stack.
 */
final class TableAccess {
    private TableAccess() {}

    static Object get(int index, int table, Instance instance) {
        Object[] e = instance.tables[table].elements;
        if (Integer.compareUnsigned(index, e.length) >= 0) {
            throw Traps.tableOutOfBounds();
        }
        return e[index];
    }

    static void set(int index, Object value, int table, Instance instance) {
        Object[] e = instance.tables[table].elements;
        if (Integer.compareUnsigned(index, e.length) >= 0) {
            throw Traps.tableOutOfBounds();
        }
        e[index] = value;
    }

    static int size(int table, Instance instance) {
        return instance.tables[table].size();
    }

    static int grow(Object init, int delta, int table, Instance instance) {
        return instance.tables[table].grow(delta, init);
    }

    static void fill(int index, Object value, int n, int table, Instance instance) {
        Object[] e = instance.tables[table].elements;
        long i = index & 0xFFFFFFFFL;
        long len = n & 0xFFFFFFFFL;
        if (i + len > e.length) {
            throw Traps.tableOutOfBounds();
        }
        Arrays.fill(e, (int) i, (int) (i + len), value);
    }

    static void copy(int dst, int src, int n, int dstTable, int srcTable, Instance instance) {
        Object[] d = instance.tables[dstTable].elements;
        Object[] s = instance.tables[srcTable].elements;
        long di = dst & 0xFFFFFFFFL;
        long si = src & 0xFFFFFFFFL;
        long len = n & 0xFFFFFFFFL;
        if (di + len > d.length || si + len > s.length) {
            throw Traps.tableOutOfBounds();
        }
        System.arraycopy(s, (int) si, d, (int) di, (int) len);
    }

    static void init(int dst, int src, int n, int segment, int table, Instance instance) {
        Object[] d = instance.tables[table].elements;
        Object[] s = instance.elements[segment];
        long di = dst & 0xFFFFFFFFL;
        long si = src & 0xFFFFFFFFL;
        long len = n & 0xFFFFFFFFL;
        if (di + len > d.length || si + len > s.length) {
            throw Traps.tableOutOfBounds();
        }
        System.arraycopy(s, (int) si, d, (int) di, (int) len);
    }

    static void elemDrop(int segment, Instance instance) {
        instance.elements[segment] = new Object[0];
    }

    static Object refFunc(int function, Instance instance) {
        return instance.functions[function];
    }

    /**
     * The function {@code call_indirect} calls: the table element at {@code index}, checked to be
     * in bounds, not null and of the expected type (structurally equal).
     */
    static WasmFunction indirect(int index, int table, int typeIndex, Instance instance) {
        Object[] e = instance.tables[table].elements;
        if (Integer.compareUnsigned(index, e.length) >= 0) {
            throw Traps.trap(TrapKind.UNDEFINED_ELEMENT);
        }
        Object o = e[index];
        if (o == null) {
            throw Traps.trap(TrapKind.UNINITIALIZED_ELEMENT, Integer.toString(index));
        }
        WasmFunction f = (WasmFunction) o;
        FuncType expected = instance.module.type(typeIndex);
        if (f.type != expected && !f.type.equals(expected)) {
            throw Traps.trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }
}
