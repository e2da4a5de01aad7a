package dev.verge.edge.manifest;

import dev.verge.core.VergeException;

/** A manifest that cannot be deployed; the message names the offending field. */
public final class ManifestException extends VergeException {
    private final String field;

    public ManifestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The dotted path of the field at fault, such as {@code limits.memory} or {@code routes[1].path}. */
    public String field() {
        return field;
    }
}
