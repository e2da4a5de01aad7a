package dev.verge.edge.manifest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One allowed outbound destination, written {@code scheme://host:port}. The scheme is
 * {@code http}, {@code https} or {@code *}; the host a name, {@code *} or {@code *.suffix}; the
 * port a number or {@code *}, and when omitted the scheme's default port.
 *
 * @param scheme lower-case scheme or {@code *}
 * @param host lower-case host, {@code *}, or {@code *.suffix}
 * @param port the port, or -1 for any
 */
public record OutboundRule(String scheme, String host, int port) {
    private static final Pattern FORM = Pattern.compile("(\\*|https?)://(\\*|(?:\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(?::(\\*|\\d{1,5}))?");

    /** Parses a rule as written in a manifest. */
    public static OutboundRule parse(String field, String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ManifestException(field, "expected scheme://host:port (with * wildcards), got \"" + text + "\"");
        }
        String scheme = m.group(1);
        String portText = m.group(4);
        int port;
        if (portText == null) {
            port = switch (scheme) {
                case "http" -> 80;
                case "https" -> 443;
                default -> throw new ManifestException(field, "a * scheme needs an explicit port (or :*)");
            };
        } else if (portText.equals("*")) {
            port = -1;
        } else {
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw new ManifestException(field, "port out of range: " + port);
            }
        }
        return new OutboundRule(scheme, m.group(2), port);
    }

    /** Whether a request to this scheme, host and port (all already strictly parsed) is allowed. */
    public boolean allows(String requestScheme, String requestHost, int requestPort) {
        String s = requestScheme.toLowerCase(Locale.ROOT);
        String h = requestHost.toLowerCase(Locale.ROOT);
        if (!scheme.equals("*") && !scheme.equals(s)) {
            return false;
        }
        if (port != -1 && port != requestPort) {
            return false;
        }
        if (host.equals("*")) {
            return true;
        }
        if (host.startsWith("*.")) {
            return h.endsWith(host.substring(1)) && h.length() > host.length() - 1;
        }
        return host.equals(h);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + (port == -1 ? "*" : Integer.toString(port));
    }
}
