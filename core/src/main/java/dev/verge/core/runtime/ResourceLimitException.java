package dev.verge.core.runtime;

import dev.verge.core.VergeException;

/**
 * Instantiation needs more than the engine's limits allow (a memory or table larger than
 * {@link EngineConfig} permits). Not a spec outcome: a guard of the host.
 */
public final class ResourceLimitException extends VergeException {
    public ResourceLimitException(String message) {
        super(message);
    }
}
