package dev.verge.core.model;

/**
 * What a reference points to: an abstract heap type ({@code func}, {@code extern}, and in 3.0
 * {@code any}, {@code eq}, ...) or a concrete type index (3.0 typed function references and GC).
 */
public sealed interface HeapType permits AbsHeapType, ConcreteHeapType {}
