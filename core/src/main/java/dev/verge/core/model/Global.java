package dev.verge.core.model;

/** A global defined by the module: its type and its constant initializer. */
public record Global(GlobalType type, Expr init) {}
