package dev.verge.core.runtime;

import dev.verge.core.VergeException;

/**
 * Bytes given to {@link Engine#deserialize} are not a compiled module that this engine can load:
 * not one at all, damaged, or made by another Verge build, Java version or engine configuration.
 * {@link #reason()} says which; the message says what to do (usually: compile the module again).
 */
public final class SerializedModuleException extends VergeException {
    /** Why a serialized module was refused. */
    public enum Reason {
        /** The bytes do not start with the serialized-module magic. */
        NOT_SERIALIZED,
        /** A serialized module of a format version this build does not read. */
        FORMAT_VERSION,
        /** Fewer bytes than the header announces. */
        TRUNCATED,
        /** The checksum does not match, or the content does not parse. */
        CORRUPT,
        /** Made by another Verge build or another Java runtime. */
        OTHER_BUILD,
        /** Compiled under engine options that change the generated code (fuel, interruption). */
        OTHER_CONFIG,
        /** The stored code could not be defined by this JVM. */
        REJECTED
    }

    private final Reason reason;

    public SerializedModuleException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SerializedModuleException(Reason reason, String message, Throwable cause) {
        super("cannot load compiled module: " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
