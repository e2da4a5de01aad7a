package dev.verge.core.model;

/**
 * The size limits of a table or memory, in elements or pages. Longs, so that memory64's 64-bit
 * limits fit; {@code max} is {@link #NO_MAX} when absent.
 */
public record Limits(long min, long max) {
    public static final long NO_MAX = -1;

    public static Limits atLeast(long min) {
        return new Limits(min, NO_MAX);
    }

    public boolean hasMax() {
        return max != NO_MAX;
    }

    @Override
    public String toString() {
        return hasMax() ? min + " " + max : Long.toString(min);
    }
}
