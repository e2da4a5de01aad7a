package dev.verge.core.binary;

import dev.verge.core.VergeException;

/**
 * The bytes are not a module in the binary format. The message is the spec's wording where the
 * official suite names one ("unexpected end", "integer too large", ...); {@link #offset()} is the
 * byte offset where decoding stopped.
 */
public final class MalformedModuleException extends VergeException {
    private final String reason;
    private final long offset;

    public MalformedModuleException(String reason, long offset) {
        super(reason + " (at offset 0x" + Long.toHexString(offset) + ")");
        this.reason = reason;
        this.offset = offset;
    }

    /** The spec's wording, without the offset. */
    public String reason() {
        return reason;
    }

    public long offset() {
        return offset;
    }
}
