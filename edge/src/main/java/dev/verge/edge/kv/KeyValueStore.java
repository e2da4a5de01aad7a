package dev.verge.edge.kv;

import java.util.List;

/**
 * One app's key-value store. Keys are 1 to {@link #MAX_KEY_BYTES} bytes of UTF-8 without NUL or
 * newline; values at most {@link #MAX_VALUE_BYTES}. The embedded implementation is
 * {@link DiskKeyValueStore}; a shared store (Redis, a database) can implement this later.
 */
public interface KeyValueStore {
    /** Keys are file names when hex-encoded, and file names stop at 255 bytes. */
    int MAX_KEY_BYTES = 127;
    int MAX_VALUE_BYTES = 1 << 20;

    /** The value, or null when the key is absent. */
    byte[] get(String key);

    /** Sets a value, replacing any. */
    void set(String key, byte[] value);

    /** Removes a key; returns whether it was there. */
    boolean delete(String key);

    /** The keys starting with {@code prefix}, sorted, at most {@code limit} of them. */
    List<String> list(String prefix, int limit);

    /** Whether {@code key} is acceptable. */
    static boolean validKey(String key) {
        if (key == null || key.isEmpty() || key.indexOf('\0') >= 0 || key.indexOf('\n') >= 0) {
            return false;
        }
        return key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_KEY_BYTES;
    }
}
