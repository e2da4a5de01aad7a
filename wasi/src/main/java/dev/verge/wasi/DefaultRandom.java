package dev.verge.wasi;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The default source of {@code random_get}: a {@link SecureRandom}, made when the guest first asks
 * for random bytes. Making one looks up the JDK's security providers, about 0.03 CPU-s in a fresh
 * JVM, which most command-line guests would pay at every start without ever calling
 * {@code random_get}.
 */
final class DefaultRandom extends Random {
    private static final long serialVersionUID = 1L;

    private transient volatile SecureRandom secure;
    /** False while {@link Random}'s constructor runs (it calls {@link #setSeed}). */
    private final boolean constructed;

    DefaultRandom() {
        super(0L);
        constructed = true;
    }

    private SecureRandom secure() {
        SecureRandom s = secure;
        if (s == null) {
            synchronized (this) {
                s = secure;
                if (s == null) {
                    s = new SecureRandom();
                    secure = s;
                }
            }
        }
        return s;
    }

    @Override
    protected int next(int bits) {
        return secure().nextInt() >>> (32 - bits);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        secure().nextBytes(bytes);
    }

    /** Adds to the seed, as {@link SecureRandom#setSeed(long)} does (never replaces it). */
    @Override
    public void setSeed(long seed) {
        if (constructed) {
            secure().setSeed(seed);
        }
    }
}
