package dev.verge.core.runtime;

import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import java.util.Arrays;

/**
 * A table of references: {@link WasmFunction}s (or null) for {@code funcref}, any object (or null)
 * for {@code externref}. Shared by reference between the instances that export and import it.
 * Out-of-range indices throw a {@link Trap} of kind {@link TrapKind#OUT_OF_BOUNDS_TABLE_ACCESS}.
 */
public final class Table implements Extern {
    /** The elements; replaced by a larger array on growth. Read by compiled code. */
    Object[] elements;

    private final RefType elementType;
    private final long max;
    private final long declaredMax;

    /** A new table of {@code type}'s minimum size filled with {@code init}, limited to {@code limit} elements. */
    public Table(TableType type, Object init, long limit) {
        Limits l = type.limits();
        this.elementType = type.element();
        this.declaredMax = l.max();
        this.max = l.hasMax() ? Math.min(Integer.toUnsignedLong((int) l.max()), limit) : limit;
        if (l.min() > max) {
            throw new ResourceLimitException("table of " + l.min() + " elements exceeds the limit of " + max);
        }
        this.elements = new Object[(int) l.min()];
        if (init != null) {
            Arrays.fill(elements, init);
        }
    }

    /** A new table of {@code type} filled with null, limited by the default engine configuration. */
    public Table(TableType type) {
        this(type, null, EngineConfig.DEFAULT.maxTableSize());
    }

    /** The current type: the current size as minimum and the declared maximum. */
    public TableType type() {
        return new TableType(elementType, new Limits(size(), declaredMax));
    }

    public RefType elementType() {
        return elementType;
    }

    public int size() {
        return elements.length;
    }

    public Object get(int index) {
        Object[] e = elements;
        if (Integer.compareUnsigned(index, e.length) >= 0) {
            throw new Trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        return e[index];
    }

    public void set(int index, Object value) {
        Object[] e = elements;
        if (Integer.compareUnsigned(index, e.length) >= 0) {
            throw new Trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        checkValue(value);
        e[index] = value;
    }

    void checkValue(Object value) {
        if (value != null && elementType.equals(RefType.FUNCREF) && !(value instanceof WasmFunction)) {
            throw new IllegalArgumentException("a funcref table holds WasmFunction or null, not " + value.getClass().getName());
        }
    }

    /**
     * Grows by {@code delta} (unsigned) elements set to {@code init}, as {@code table.grow} does:
     * returns the old size, or -1 when the table cannot grow that much.
     */
    public int grow(int delta, Object init) {
        checkValue(init);
        int old = elements.length;
        long n = old + Integer.toUnsignedLong(delta);
        if (n > max) {
            return -1;
        }
        if (delta == 0) {
            return old;
        }
        Object[] grown;
        try {
            grown = Arrays.copyOf(elements, (int) n);
        } catch (OutOfMemoryError e) {
            return -1;
        }
        if (init != null) {
            Arrays.fill(grown, old, (int) n, init);
        }
        elements = grown;
        return old;
    }
}
