package dev.verge.cli;

import java.time.Duration;
import java.util.Locale;

/** Parsers for the values of {@code verge run}'s options, each failing with a usage error. */
final class RunOptions {
    private RunOptions() {}

    /** A {@code --dir} value: {@code HOST}, {@code HOST::GUEST} or {@code HOST::GUEST::ro}. */
    record Dir(String host, String guest, boolean readOnly) {
        static Dir parse(String value, boolean readOnly) {
            String[] parts = parts(value);
            if (parts.length == 3 && (parts[2].equals("ro") || parts[2].equals("readonly"))) {
                return new Dir(nonEmpty(parts[0], value), nonEmpty(parts[1], value), true);
            }
            if (parts.length == 2) {
                return new Dir(nonEmpty(parts[0], value), nonEmpty(parts[1], value), readOnly);
            }
            if (parts.length == 1) {
                return new Dir(nonEmpty(parts[0], value), parts[0], readOnly);
            }
            throw new CliFailure("invalid --dir '" + value + "': expected HOST, HOST::GUEST or HOST::GUEST::ro", VergeCommand.USAGE);
        }

        /**
         * {@code value} split at each {@code ::}, as {@code value.split("::", -1)} would: not
         * with {@link String#split}, which compiles a regular expression for a two-character
         * separator, and {@link java.util.regex.Pattern}'s classes cost a fresh JVM about 0.2 ms
         * of CPU at every {@code verge run --dir}.
         */
        static String[] parts(String value) {
            java.util.List<String> out = new java.util.ArrayList<>(3);
            int from = 0;
            for (int at = value.indexOf("::"); at >= 0; at = value.indexOf("::", from)) {
                out.add(value.substring(from, at));
                from = at + 2;
            }
            out.add(value.substring(from));
            return out.toArray(new String[0]);
        }

        private static String nonEmpty(String s, String whole) {
            if (s.isEmpty()) {
                throw new CliFailure("invalid --dir '" + whole + "': empty path", VergeCommand.USAGE);
            }
            return s;
        }
    }

    /**
     * A duration: a number with {@code ms}, {@code s}, {@code m} or {@code h}, or a plain number
     * of seconds (as {@code wasmtime run --wasm timeout=}).
     */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            throw new CliFailure("invalid --timeout '" + value + "': expected e.g. 500ms, 10s, 2m", VergeCommand.USAGE);
        }
    }

    /** A size in bytes: a number with an optional {@code K}, {@code M} or {@code G} (binary units). */
    static long size(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.endsWith("IB")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("B")) {
            v = v.substring(0, v.length() - 1);
        }
        long unit = 1;
        if (v.endsWith("K")) {
            unit = 1L << 10;
        } else if (v.endsWith("M")) {
            unit = 1L << 20;
        } else if (v.endsWith("G")) {
            unit = 1L << 30;
        }
        if (unit != 1) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CliFailure("invalid --max-memory '" + value + "': expected e.g. 64M, 1G", VergeCommand.USAGE);
        }
    }

    /** A signed or unsigned integer of {@code bits} bits, decimal or {@code 0x} hex, as its bit pattern. */
    private static long integer(String text, int bits) {
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
            radix = 16;
        }
        long v = Long.parseUnsignedLong(digits, radix);
        if (bits == 32 && Long.compareUnsigned(v, negative ? 1L << 31 : 0xFFFF_FFFFL) > 0) {
            throw new NumberFormatException();
        }
        if (bits == 64 && negative && Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
            throw new NumberFormatException();
        }
        return negative ? -v : v;
    }

    /** An argument of {@code --invoke} converted to the parameter's type. */
    static Object value(dev.verge.core.model.ValType type, String text) {
        try {
            return switch (type) {
                case dev.verge.core.model.NumType n -> switch (n) {
                    case I32 -> (int) integer(text, 32);
                    case I64 -> integer(text, 64);
                    case F32 -> Float.parseFloat(text);
                    case F64 -> Double.parseDouble(text);
                };
                default -> throw new CliFailure("cannot pass a " + type + " from the command line", VergeCommand.USAGE);
            };
        } catch (NumberFormatException e) {
            throw new CliFailure("invalid " + type + " argument '" + text + "'", VergeCommand.USAGE);
        }
    }
}
