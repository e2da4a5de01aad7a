package dev.verge.core.validate;

import dev.verge.core.VergeException;

/**
 * The module is well-formed but not valid. The message is the spec's wording ("type mismatch",
 * "unknown local", ...); when the error is inside a function, {@link #functionIndex()} and
 * {@link #offset()} say where (else they are -1).
 */
public final class InvalidModuleException extends VergeException {
    private final String reason;
    private final int functionIndex;
    private final long offset;

    public InvalidModuleException(String reason) {
        this(reason, -1, -1);
    }

    public InvalidModuleException(String reason, int functionIndex, long offset) {
        super(describe(reason, functionIndex, offset));
        this.reason = reason;
        this.functionIndex = functionIndex;
        this.offset = offset;
    }

    private static String describe(String reason, int functionIndex, long offset) {
        StringBuilder sb = new StringBuilder(reason);
        if (functionIndex >= 0) {
            sb.append(" (in function ").append(functionIndex);
            if (offset >= 0) {
                sb.append(" at offset 0x").append(Long.toHexString(offset));
            }
            sb.append(')');
        } else if (offset >= 0) {
            sb.append(" (at offset 0x").append(Long.toHexString(offset)).append(')');
        }
        return sb.toString();
    }

    /** The spec's wording, without the location. */
    public String reason() {
        return reason;
    }

    public int functionIndex() {
        return functionIndex;
    }

    public long offset() {
        return offset;
    }
}
