package dev.verge.core.model;

/**
 * A reference type: a heap type and whether {@code null} is a value of it. Wasm 2.0's
 * {@code funcref} and {@code externref} are the nullable references to {@code func} and
 * {@code extern}.
 */
public record RefType(boolean nullable, HeapType heap) implements ValType {
    public static final RefType FUNCREF = new RefType(true, AbsHeapType.FUNC);
    public static final RefType EXTERNREF = new RefType(true, AbsHeapType.EXTERN);

    /** The short form {@code (ref null ht)} when {@code ht} is abstract. */
    public static RefType nullable(AbsHeapType heap) {
        if (heap == AbsHeapType.FUNC) {
            return FUNCREF;
        }
        if (heap == AbsHeapType.EXTERN) {
            return EXTERNREF;
        }
        return new RefType(true, heap);
    }

    @Override
    public int code() {
        return nullable && heap instanceof AbsHeapType a ? a.code() : -1;
    }

    @Override
    public String text() {
        if (this.equals(FUNCREF)) {
            return "funcref";
        }
        if (this.equals(EXTERNREF)) {
            return "externref";
        }
        String h = heap instanceof AbsHeapType a ? a.text() : Integer.toString(((ConcreteHeapType) heap).typeIndex());
        return nullable ? "(ref null " + h + ")" : "(ref " + h + ")";
    }

    @Override
    public String toString() {
        return text();
    }
}
