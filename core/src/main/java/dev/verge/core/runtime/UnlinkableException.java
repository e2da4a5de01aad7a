package dev.verge.core.runtime;

import dev.verge.core.VergeException;

/**
 * A module's imports cannot be satisfied: the spec's "unknown import" or "incompatible import
 * type". {@link #reason()} is the spec's wording, the message adds which import.
 */
public final class UnlinkableException extends VergeException {
    private final String reason;

    public UnlinkableException(String reason, String module, String name) {
        super(reason + " (" + module + "." + name + ")");
        this.reason = reason;
    }

    /** The spec's wording, without the import's name. */
    public String reason() {
        return reason;
    }
}
