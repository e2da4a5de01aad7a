package dev.verge.core;

/**
 * The root of every error Verge reports. Subclasses are named after the spec's outcomes
 * (malformed, invalid, and later unlinkable, uninstantiable, trap), so callers can tell them
 * apart without parsing messages.
 */
public abstract class VergeException extends RuntimeException {
    protected VergeException(String message) {
        super(message);
    }

    protected VergeException(String message, Throwable cause) {
        super(message, cause);
    }
}
