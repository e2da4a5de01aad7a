package dev.verge.core.validate;

import dev.verge.core.instr.IgnoringVisitor;

/** The downstream of a plain validation: ignores everything (the JIT inlines the calls away). */
final class NoopVisitor extends IgnoringVisitor {
    static final NoopVisitor INSTANCE = new NoopVisitor();

    private NoopVisitor() {}
}
