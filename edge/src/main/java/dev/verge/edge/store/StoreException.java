package dev.verge.edge.store;

import dev.verge.core.VergeException;

/** The app store could not be read or written, or was asked for something it does not hold. */
public final class StoreException extends VergeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
