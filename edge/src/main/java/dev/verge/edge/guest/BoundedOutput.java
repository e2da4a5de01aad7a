package dev.verge.edge.guest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects a guest's output up to a limit. A write past the limit fails (the guest sees an I/O
 * error) and is remembered, so the server can refuse the response rather than truncate it.
 */
public final class BoundedOutput extends OutputStream {
    private final int limit;
    private byte[] buf = new byte[256];
    private int size;
    private boolean overflowed;

    public BoundedOutput(long limit) {
        this.limit = (int) Math.min(limit, Integer.MAX_VALUE - 8);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (len > limit - size) {
            overflowed = true;
            throw new IOException("output limit of " + limit + " bytes exceeded");
        }
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max((long) buf.length * 2, size + len)));
        }
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** Whether the guest tried to write more than the limit. */
    public synchronized boolean overflowed() {
        return overflowed;
    }

    /** The bytes written so far (the array may be longer than {@link #size()}). */
    public synchronized byte[] buffer() {
        return buf;
    }

    public synchronized int size() {
        return size;
    }
}
