package dev.verge.core.binary;

import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.ConcreteHeapType;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.ValType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the binary format's primitive encodings: LEB128 integers, names,
 * little-endian floats and value types. The encoder and the text parser write through it.
 */
public final class WasmWriter {
    private byte[] buf;
    private int size;

    /** An empty writer with a small initial buffer. */
    public WasmWriter() {
        this(64);
    }

    /** An empty writer whose buffer starts at {@code initialCapacity} bytes and grows as needed. */
    public WasmWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The number of bytes written so far. */
    public int size() {
        return size;
    }

    /** Forgets everything written, keeping the buffer for reuse. */
    public void reset() {
        size = 0;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            long wanted = Math.max((long) buf.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("module too large to encode");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    /** One byte, the low eight bits of {@code b}. */
    public WasmWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    /** Raw bytes, without a length. */
    public WasmWriter bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    /** A range of raw bytes, without a length. */
    public WasmWriter bytes(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, buf, size, length);
        size += length;
        return this;
    }

    /** The bytes of a view, without a length. */
    public WasmWriter bytes(Bytes data) {
        ensure(data.length());
        data.copyTo(buf, size);
        size += data.length();
        return this;
    }

    /** Appends everything another writer holds. */
    public WasmWriter bytes(WasmWriter other) {
        return bytes(other.buf, 0, other.size);
    }

    /** An unsigned LEB128 of a 32-bit value (read as unsigned). */
    public WasmWriter u32(int value) {
        return u64(value & 0xFFFFFFFFL);
    }

    /** An unsigned LEB128 of a 64-bit value (read as unsigned). */
    public WasmWriter u64(long value) {
        ensure(10);
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            if (value != 0) {
                b |= 0x80;
            }
            buf[size++] = (byte) b;
        } while (value != 0);
        return this;
    }

    /** A signed LEB128 of a 32-bit value. */
    public WasmWriter s32(int value) {
        return s64(value);
    }

    /** A signed LEB128 (also used for s33 block type indices). */
    public WasmWriter s64(long value) {
        ensure(10);
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            if (done) {
                buf[size++] = (byte) b;
                return this;
            }
            buf[size++] = (byte) (b | 0x80);
        }
    }

    /** An {@code f32} as its four little-endian bytes. */
    public WasmWriter f32(int bits) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    /** An {@code f64} (or eight bytes of a {@code v128}) little-endian. */
    public WasmWriter f64(long bits) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    /** A name: its UTF-8 length, then its UTF-8 bytes. */
    public WasmWriter name(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        return bytes(utf8);
    }

    /** A value type: its one-byte code, or for Wasm 3.0 typed references the long form. */
    public WasmWriter valType(ValType type) {
        int code = type.code();
        if (code >= 0) {
            return u8(code);
        }
        RefType ref = (RefType) type;
        u8(ref.nullable() ? 0x63 : 0x64);
        return heapType(ref.heap());
    }

    /** A heap type: its one-byte code when abstract, else its type index as an s33. */
    public WasmWriter heapType(HeapType heap) {
        if (heap instanceof AbsHeapType a) {
            return u8(a.code());
        }
        return s64(((ConcreteHeapType) heap).typeIndex());
    }

    /** Writes a section: its id, its size, then its content. */
    public WasmWriter section(int id, WasmWriter content) {
        u8(id);
        u32(content.size);
        return bytes(content);
    }
}
