package dev.verge.core.model;

/**
 * A value type: a number, a vector or a reference.
 *
 * <p>Sealed so that every consumer (validator, compiler, text printer) handles each kind
 * exhaustively. Number and vector types are singletons compared by identity; reference types are
 * records compared with {@code equals}, because Wasm 3.0 adds nullability and concrete heap types.
 */
public sealed interface ValType permits NumType, VecType, RefType {
    ValType I32 = NumType.I32;
    ValType I64 = NumType.I64;
    ValType F32 = NumType.F32;
    ValType F64 = NumType.F64;
    ValType V128 = VecType.V128;
    RefType FUNCREF = RefType.FUNCREF;
    RefType EXTERNREF = RefType.EXTERNREF;

    /** The binary encoding of this type when it has a one-byte short form, else -1. */
    int code();

    /** The text-format name, e.g. {@code i32} or {@code funcref}. */
    String text();
}
