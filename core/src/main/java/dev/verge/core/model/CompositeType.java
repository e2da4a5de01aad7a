package dev.verge.core.model;

/**
 * The shape of a defined type. Wasm 2.0 has function types only; Wasm 3.0 adds struct and array
 * types as further permitted implementations.
 */
public sealed interface CompositeType permits FuncType {}
