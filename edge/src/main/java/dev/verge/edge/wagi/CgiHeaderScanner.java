package dev.verge.edge.wagi;

/**
 * Finds the blank line that ends a CGI response's header section in output that arrives piece by
 * piece, looking at each byte once however the output is split (a guest writing its headers a
 * byte at a time must not make the host rescan them).
 */
public final class CgiHeaderScanner {
    private int lineStart;
    private int scanned;

    /**
     * Scans the bytes of {@code out} not scanned yet, up to {@code length}, and returns the offset
     * just past the blank line ({@code \n} or {@code \r\n}) that ends the headers, or -1 when it has
     * not come yet. {@code out} must hold the same bytes as at the previous calls, with more after.
     */
    public int scan(byte[] out, int length) {
        for (int i = scanned; i < length; i++) {
            if (out[i] == '\n') {
                int contentEnd = i > lineStart && out[i - 1] == '\r' ? i - 1 : i;
                if (contentEnd == lineStart) {
                    scanned = i + 1;
                    return i + 1;
                }
                lineStart = i + 1;
            }
        }
        scanned = length;
        return -1;
    }
}
