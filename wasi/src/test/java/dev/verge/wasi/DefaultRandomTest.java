package dev.verge.wasi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The default source of random_get: a SecureRandom made on first use, never seeded into repeating. */
class DefaultRandomTest {
    @Test
    void theDefaultConfigurationUsesIt() {
        assertInstanceOf(DefaultRandom.class, WasiConfig.builder().build().random());
    }

    @Test
    void itGivesUnpredictableBytes() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        new DefaultRandom().nextBytes(a);
        new DefaultRandom().nextBytes(b);
        assertFalse(Arrays.equals(a, b), "two sources gave the same 32 bytes");
        assertFalse(Arrays.equals(a, new byte[32]));
    }

    @Test
    void seedingAddsToTheSeedInsteadOfReplacingIt() {
        DefaultRandom x = new DefaultRandom();
        DefaultRandom y = new DefaultRandom();
        x.setSeed(42);
        y.setSeed(42);
        assertFalse(x.nextLong() == y.nextLong() && x.nextLong() == y.nextLong(), "seeded alike, they repeat each other");
        int n = x.nextInt(10);
        assertTrue(n >= 0 && n < 10);
    }
}
