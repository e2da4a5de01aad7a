package dev.verge.core.model;

/**
 * Abstract heap types. Wasm 2.0 has only {@code func} and {@code extern}; the rest are Wasm 3.0's
 * and are listed so that the type system can grow without changing its shape.
 */
public enum AbsHeapType implements HeapType {
    FUNC(0x70, "func"),
    EXTERN(0x6F, "extern"),
    ANY(0x6E, "any"),
    EQ(0x6D, "eq"),
    I31(0x6C, "i31"),
    STRUCT(0x6B, "struct"),
    ARRAY(0x6A, "array"),
    EXN(0x69, "exn"),
    NOEXN(0x74, "noexn"),
    NOFUNC(0x73, "nofunc"),
    NOEXTERN(0x72, "noextern"),
    NONE(0x71, "none");

    private final int code;
    private final String text;

    AbsHeapType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The one-byte binary encoding. */
    public int code() {
        return code;
    }

    /** The text-format keyword. */
    public String text() {
        return text;
    }

    /** The heap type with this binary code, or null. */
    public static AbsHeapType ofCode(int code) {
        for (AbsHeapType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
