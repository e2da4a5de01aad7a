package dev.verge.core.model;

/** The vector type of the SIMD proposal. */
public enum VecType implements ValType {
    V128;

    @Override
    public int code() {
        return 0x7B;
    }

    @Override
    public String text() {
        return "v128";
    }

    @Override
    public String toString() {
        return "v128";
    }
}
