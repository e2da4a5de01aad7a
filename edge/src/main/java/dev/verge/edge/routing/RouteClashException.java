package dev.verge.edge.routing;

import dev.verge.core.VergeException;

/** Two apps claim the same route; the deploy that would cause it is refused. */
public final class RouteClashException extends VergeException {
    public RouteClashException(String message) {
        super(message);
    }
}
