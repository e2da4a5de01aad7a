package dev.verge.core.model;

/**
 * An instruction sequence in its binary encoding, ending with {@code end}: a function body or a
 * constant expression. Kept encoded (not as instruction objects) so decoding allocates nothing per
 * instruction; consumers read it with {@code dev.verge.core.binary.CodeReader}, which drives an
 * {@code InstrVisitor}.
 *
 * @param code the instruction bytes, including the final {@code end}
 * @param offset where {@code code} starts in the module's binary, for error messages
 */
public record Expr(Bytes code, int offset) {}
