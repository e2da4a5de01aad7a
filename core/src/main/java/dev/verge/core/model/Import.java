package dev.verge.core.model;

/** An import: a two-level name and the type required of what is supplied. */
public record Import(String module, String name, ExternType type) {}
