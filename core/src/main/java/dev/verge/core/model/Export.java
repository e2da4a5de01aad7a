package dev.verge.core.model;

/** An export: a name, a kind and an index into that kind's index space. */
public record Export(String name, ExternKind kind, int index) {}
