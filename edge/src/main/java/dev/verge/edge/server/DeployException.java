package dev.verge.edge.server;

import dev.verge.core.VergeException;

/** A deploy, rollback or delete that was refused; nothing changed. */
public final class DeployException extends VergeException {
    public DeployException(String message) {
        super(message);
    }
}
