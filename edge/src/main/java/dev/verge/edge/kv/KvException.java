package dev.verge.edge.kv;

import dev.verge.core.VergeException;

/** A key-value store could not be read or written. */
public final class KvException extends VergeException {
    public KvException(String message, Throwable cause) {
        super(message, cause);
    }
}
