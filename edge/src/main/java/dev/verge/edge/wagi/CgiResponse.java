package dev.verge.edge.wagi;

import java.util.List;

/**
 * A guest's CGI output, parsed: status, headers in the order written (repeats kept), body.
 *
 * @param status the HTTP status
 * @param headers headers to send, without Status and without hop-by-hop or length headers
 * @param body the bytes after the blank line
 */
public record CgiResponse(int status, List<CgiRequest.Header> headers, byte[] body) {
    public CgiResponse {
        headers = List.copyOf(headers);
    }
}
