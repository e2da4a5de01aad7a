package dev.verge.edge.wagi;

import java.util.List;

/**
 * What WAGI needs to know about one HTTP request, already taken apart by the server.
 *
 * @param method the request method
 * @param path the decoded request path
 * @param rawPath the path as sent, still percent-encoded
 * @param query the query string without {@code ?}, or empty
 * @param headers every header in arrival order (repeats kept)
 * @param scheme {@code http} or {@code https}
 * @param protocol such as {@code HTTP/1.1}
 * @param serverName the host the client asked for (Host header, without port)
 * @param serverPort the port the server received the request on
 * @param remoteAddr the client's address
 * @param remotePort the client's port
 * @param scriptName the matched route's path part ({@code ""} for the root prefix)
 * @param matchedRoute the matched route as written in the manifest
 */
public record CgiRequest(
        String method,
        String path,
        String rawPath,
        String query,
        List<Header> headers,
        String scheme,
        String protocol,
        String serverName,
        int serverPort,
        String remoteAddr,
        int remotePort,
        String scriptName,
        String matchedRoute) {

    /** One header line. */
    public record Header(String name, String value) {}

    public CgiRequest {
        headers = List.copyOf(headers);
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
