package dev.verge.edge.manifest;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the sizes ({@code "16MiB"}) and durations ({@code "50ms"}) written in manifests. */
final class Units {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KiB|MB|MiB|GB|GiB)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(us|ms|s|m)");

    private Units() {}

    /** A byte count: a bare integer or a string with a unit (B, KiB, MiB, GiB, KB, MB, GB). */
    static long size(String field, Object value) {
        if (value instanceof Number n) {
            return nonNegative(field, n.longValue());
        }
        Matcher m = SIZE.matcher(String.valueOf(value).trim());
        if (!m.matches()) {
            throw new ManifestException(field, "expected a size such as 65536, \"64KiB\" or \"16MiB\", got " + quote(value));
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "KB" -> 1000L;
            case "MB" -> 1000_000L;
            case "GB" -> 1000_000_000L;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ManifestException(field, "size too large: " + quote(value));
        }
    }

    /** A duration: a string such as {@code "50ms"}, {@code "2s"}, {@code "2m"} or {@code "500us"}. */
    static Duration duration(String field, Object value) {
        Matcher m = DURATION.matcher(String.valueOf(value).trim().toLowerCase(Locale.ROOT));
        if (!(value instanceof String) || !m.matches()) {
            throw new ManifestException(field, "expected a duration such as \"50ms\", \"2s\" or \"2m\", got " + quote(value));
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new ManifestException(field, "duration too large: " + quote(value));
        }
        Duration d = switch (m.group(2)) {
            case "us" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.isZero()) {
            throw new ManifestException(field, "must be greater than zero");
        }
        return d;
    }

    private static long nonNegative(String field, long v) {
        if (v < 0) {
            throw new ManifestException(field, "must not be negative");
        }
        return v;
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
