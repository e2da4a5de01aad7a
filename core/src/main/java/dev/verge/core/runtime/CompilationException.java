package dev.verge.core.runtime;

import dev.verge.core.VergeException;

/**
 * A valid module could not be turned into JVM code: a feature the compiler does not support yet
 * (SIMD), or a JVM limit no fallback covers. The message says which function and why.
 */
public final class CompilationException extends VergeException {
    public CompilationException(String message, Throwable cause) {
        super(message, cause);
    }
}
