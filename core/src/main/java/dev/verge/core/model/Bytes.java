package dev.verge.core.model;

import java.util.Arrays;

/**
 * An immutable view of a range of bytes. The decoder shares one copy of the module's bytes among
 * all function bodies, expressions and data segments instead of copying each one; nothing outside
 * this class can write to the array.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

    private final byte[] array;
    private final int offset;
    private final int length;

    private Bytes(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a copy of {@code data}. */
    public static Bytes copyOf(byte[] data) {
        return new Bytes(data.clone(), 0, data.length);
    }

    /**
     * Wraps {@code array} without copying. The caller hands over the array and must never change
     * it afterwards.
     */
    public static Bytes wrap(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " of " + array.length);
        }
        return new Bytes(array, offset, length);
    }

    public int length() {
        return length;
    }

    public byte get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return array[offset + index];
    }

    /** A sub-range of this view, sharing the same bytes. */
    public Bytes slice(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + length);
        }
        return new Bytes(array, offset + from, to - from);
    }

    public void copyTo(byte[] destination, int destinationOffset) {
        System.arraycopy(array, offset, destination, destinationOffset, length);
    }

    public byte[] toArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /**
     * The backing array, for readers in this engine that decode in place. Package-private
     * accessors are not possible across packages, so this is public but must be treated as
     * read-only: use {@link #arrayOffset()} and {@link #length()} to stay within the view.
     */
    public byte[] unsafeArray() {
        return array;
    }

    public int arrayOffset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b
                && Arrays.equals(array, offset, offset + length, b.array, b.offset, b.offset + b.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "Bytes[" + length + "]";
    }
}
