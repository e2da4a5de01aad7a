package dev.verge.core.binary;

/**
 * A cursor over a range of a byte array that reads the binary format's primitive values: bytes,
 * LEB128 integers, little-endian floats and names.
 *
 * <p>Every read is bounded by the range given at construction and fails with a
 * {@link MalformedModuleException} carrying the spec's wording: running out of bytes is
 * "unexpected end of section or function", an encoding longer than the type allows is "integer
 * representation too long", and unused bits of the last byte that disagree with the value are
 * "integer too large". The LEB128 rules follow the reference interpreter bit for bit, because the
 * official suite checks which of the two messages a malformed integer gets.
 *
 * <p>Offsets in errors are absolute module offsets: the reader adds {@code base} to its array
 * index, so a reader over an expression that was sliced out of a module still reports where the
 * bytes were in the module.
 *
 * <p>Not thread-safe; allocates nothing except for names.
 */
public final class WasmReader {
    /** The message for running out of input, as the reference interpreter words it. */
    public static final String UNEXPECTED_END = "unexpected end of section or function";

    private final byte[] buf;
    private final int limit;
    private final int base;
    private int pos;

    /**
     * A reader over {@code buf[from, to)}.
     *
     * @param base what to add to an array index to get the module offset reported in errors
     */
    public WasmReader(byte[] buf, int from, int to, int base) {
        if (from < 0 || to > buf.length || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + buf.length);
        }
        this.buf = buf;
        this.pos = from;
        this.limit = to;
        this.base = base;
    }

    /** A reader over the whole array, with offsets equal to array indices. */
    public WasmReader(byte[] buf) {
        this(buf, 0, buf.length, 0);
    }

    /** The current array index. */
    public int pos() {
        return pos;
    }

    /** Moves the cursor; {@code newPos} must lie within the range. */
    public void seek(int newPos) {
        if (newPos < 0 || newPos > limit) {
            throw new IndexOutOfBoundsException(newPos);
        }
        pos = newPos;
    }

    /** The end of the range (exclusive). */
    public int limit() {
        return limit;
    }

    /** The module offset of an array index of this reader. */
    public long offsetOf(int index) {
        return (long) base + index;
    }

    /** The bytes left before the end of the range. */
    public int remaining() {
        return limit - pos;
    }

    /** Whether the whole range has been read. */
    public boolean atEnd() {
        return pos >= limit;
    }

    byte[] array() {
        return buf;
    }

    /** An error at the current position. */
    public MalformedModuleException error(String reason) {
        return new MalformedModuleException(reason, offsetOf(pos));
    }

    /** An error at an array index of this reader. */
    public MalformedModuleException errorAt(String reason, int index) {
        return new MalformedModuleException(reason, offsetOf(index));
    }

    /** The next byte without consuming it, or -1 at the end. */
    public int peek() {
        return pos < limit ? buf[pos] & 0xFF : -1;
    }

    /** One byte, unsigned. */
    public int u8() {
        if (pos >= limit) {
            throw error(UNEXPECTED_END);
        }
        return buf[pos++] & 0xFF;
    }

    /** Skips {@code n} bytes, which must be there. */
    public void skip(int n) {
        if (n < 0 || n > limit - pos) {
            throw error(UNEXPECTED_END);
        }
        pos += n;
    }

    /** A little-endian 32-bit word (the raw bits of an {@code f32}). */
    public int i32LE() {
        if (limit - pos < 4) {
            throw error(UNEXPECTED_END);
        }
        int p = pos;
        pos = p + 4;
        return (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8 | (buf[p + 2] & 0xFF) << 16 | (buf[p + 3] & 0xFF) << 24;
    }

    /** A little-endian 64-bit word (the raw bits of an {@code f64}, or half a {@code v128}). */
    public long i64LE() {
        long lo = i32LE() & 0xFFFFFFFFL;
        long hi = i32LE() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** An unsigned LEB128 of at most 32 bits, returned as an int holding the same 32 bits. */
    public int u32() {
        if (pos < limit) {
            int b = buf[pos];
            if (b >= 0) {
                pos++;
                return b;
            }
        }
        return (int) unsigned(32);
    }

    /** A u32 as a non-negative long. */
    public long u32Long() {
        return u32() & 0xFFFFFFFFL;
    }

    /** An unsigned LEB128 of at most 64 bits. */
    public long u64() {
        return unsigned(64);
    }

    /** An unsigned LEB128 of 1 bit, as the binary format's flag bytes are read. */
    public int u1() {
        return (int) unsigned(1);
    }

    /** A signed LEB128 of at most 32 bits. */
    public int s32() {
        if (pos < limit) {
            int b = buf[pos];
            if (b >= 0) {
                pos++;
                return b << 25 >> 25;
            }
        }
        return (int) signed(32);
    }

    /** A signed LEB128 of at most 33 bits (block types). */
    public long s33() {
        return signed(33);
    }

    /**
     * A signed LEB128 of at most 33 bits if one is there, else {@link Long#MIN_VALUE} with the
     * position unchanged: block types try this encoding first and fall back to a value type.
     */
    public long tryS33() {
        int start = pos;
        long result = 0;
        int shift = 0;
        for (int n = 33; n > 0; n -= 7) {
            if (pos >= limit) {
                pos = start;
                return Long.MIN_VALUE;
            }
            int b = buf[pos++] & 0xFF;
            if (n < 7) {
                int mask = (-1 << (n - 1)) & 0x7F;
                int high = b & mask;
                if (high != 0 && high != mask) {
                    pos = start;
                    return Long.MIN_VALUE;
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return (b & 0x40) != 0 ? result | -1L << shift : result;
            }
        }
        pos = start;
        return Long.MIN_VALUE;
    }

    /** A signed LEB128 of at most 64 bits. */
    public long s64() {
        return signed(64);
    }

    /**
     * An unsigned LEB128 of {@code bits} bits. As in the reference interpreter: each byte carries 7
     * bits; once fewer than 7 bits are left, the byte's value bits must fit in them ("integer too
     * large"), and a byte after the last one allowed is "integer representation too long".
     */
    private long unsigned(int bits) {
        long result = 0;
        int shift = 0;
        int n = bits;
        while (true) {
            if (n <= 0) {
                throw error("integer representation too long");
            }
            int b = u8();
            if (n < 7 && (b & 0x7F) >= 1 << n) {
                throw errorAt("integer too large", pos - 1);
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            n -= 7;
        }
    }

    /** A signed LEB128 of {@code bits} bits; the unused bits of the last byte must be a sign extension. */
    private long signed(int bits) {
        long result = 0;
        int shift = 0;
        int n = bits;
        while (true) {
            if (n <= 0) {
                throw error("integer representation too long");
            }
            int b = u8();
            if (n < 7) {
                int mask = (-1 << (n - 1)) & 0x7F;
                int high = b & mask;
                if (high != 0 && high != mask) {
                    throw errorAt("integer too large", pos - 1);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
            n -= 7;
        }
    }

    /**
     * A vector length or byte count. As in the reference interpreter, it must not exceed the bytes
     * left counted from where the length itself starts ("length out of bounds"); this is what
     * keeps a huge count from allocating anything.
     */
    public int length() {
        int start = pos;
        long n = u32Long();
        if (n > limit - start) {
            throw errorAt("length out of bounds", start);
        }
        return (int) n;
    }

    /** A name: a length-prefixed string that must be valid UTF-8 ("malformed UTF-8 encoding"). */
    public String name() {
        int start = pos;
        int n = length();
        if (n > limit - pos) {
            throw error(UNEXPECTED_END);
        }
        String s = Utf8.decode(buf, pos, n);
        if (s == null) {
            throw errorAt("malformed UTF-8 encoding", start);
        }
        pos += n;
        return s;
    }
}
