package dev.verge.core.runtime;

/**
 * Why a guest stopped abnormally. Each kind carries the spec's message (the text the official test
 * suite's {@code assert_trap} expects), so the message is written in one place only.
 */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
    OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    NULL_REFERENCE("null reference"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    /** The embedder's deadline or interrupt request stopped the guest. */
    INTERRUPTED("interrupted"),
    /** The fuel budget ran out. */
    OUT_OF_FUEL("all fuel consumed"),
    /**
     * The host ran out of heap while committing a page of a paged memory (one past 2 GiB, whose
     * pages are allocated when first written): the guest asked for memory it was allowed to grow
     * into, but the JVM could not supply it.
     */
    MEMORY_EXHAUSTED("memory exhausted"),
    /** A host function failed with an exception that was not a trap. */
    HOST_ERROR("host function failed");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    /** The spec's message for this trap. */
    public String message() {
        return message;
    }
}
