package dev.verge.core.model;

/** A heap type named by a type index (Wasm 3.0 typed references). */
public record ConcreteHeapType(int typeIndex) implements HeapType {}
