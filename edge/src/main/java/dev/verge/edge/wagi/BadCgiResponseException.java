package dev.verge.edge.wagi;

import dev.verge.core.VergeException;

/** A guest's output is not a CGI response; the server answers 502 and logs this message. */
public final class BadCgiResponseException extends VergeException {
    public BadCgiResponseException(String message) {
        super(message);
    }
}
