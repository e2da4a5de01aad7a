package dev.verge.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The paged representation against a plain {@code byte[]} model: random writes of every width,
 * fills, overlapping copies and buffer transfers, aimed mostly at page boundaries (where accesses
 * span two pages), must leave a paged memory and a flat one byte-for-byte equal to the model.
 */
class PagedMemoryModelTest {
    private static final int PAGES = 4;
    private static final int SIZE = PAGES * 65536;

    /** An address near a page boundary most of the time, anywhere otherwise. */
    private static long address(Random r, int room) {
        long a = r.nextInt(4) == 0 ? r.nextInt(SIZE) : (long) r.nextInt(PAGES) * 65536 + r.nextInt(24) - 12;
        return Math.clamp(a, 0, SIZE - room);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void pagedAndFlatMemoriesMatchAByteArray(long seed) {
        Random r = new Random(seed);
        byte[] model = new byte[SIZE];
        MemoryType type = new MemoryType(new Limits(PAGES, PAGES));
        Memory paged = new Memory(type, PAGES, true);
        Memory flat = new Memory(type, PAGES, false);
        assertEquals(true, paged.isPaged());
        assertEquals(false, flat.isPaged());
        for (int step = 0; step < 2000; step++) {
            long opSeed = seed * 1_000_003 + step;
            applyRandom(new Random(opSeed), paged, null);
            applyRandom(new Random(opSeed), flat, null);
            applyRandom(new Random(opSeed), null, model);
            long a = address(r, 8);
            assertEquals((long) Memory.I64.get(model, (int) a), paged.readI64(a), "i64 at " + a);
            assertEquals((int) Memory.I32.get(model, (int) a), paged.readI32(a), "i32 at " + a);
            assertEquals((short) Memory.I16.get(model, (int) a), paged.readI16(a), "i16 at " + a);
        }
        assertArrayEquals(model, paged.readBytes(0, SIZE));
        assertArrayEquals(model, flat.readBytes(0, SIZE));
    }

    /** One random operation on {@code m} (when not null), else on the {@code model} array. */
    private static void applyRandom(Random r, Memory m, byte[] model) {
        long v = r.nextLong();
        switch (r.nextInt(8)) {
            case 0 -> {
                long a = address(r, 1);
                if (m != null) m.writeI8(a, (byte) v); else model[(int) a] = (byte) v;
            }
            case 1 -> {
                long a = address(r, 2);
                if (m != null) m.writeI16(a, (short) v); else Memory.I16.set(model, (int) a, (short) v);
            }
            case 2 -> {
                long a = address(r, 4);
                if (m != null) m.writeI32(a, (int) v); else Memory.I32.set(model, (int) a, (int) v);
            }
            case 3 -> {
                long a = address(r, 8);
                if (m != null) m.writeI64(a, v); else Memory.I64.set(model, (int) a, v);
            }
            case 4 -> {
                int len = r.nextInt(3 * 65536);
                long a = address(r, len);
                byte value = r.nextBoolean() ? 0 : (byte) v;
                if (m != null) m.fill(a, len, value); else java.util.Arrays.fill(model, (int) a, (int) a + len, value);
            }
            case 5 -> {
                int len = r.nextInt(2 * 65536);
                long src = address(r, len);
                long dst = r.nextBoolean() ? Math.clamp(src + r.nextInt(64) - 32, 0, SIZE - len) : address(r, len);
                if (m != null) m.copyWithin(dst, src, len); else System.arraycopy(model, (int) src, model, (int) dst, len);
            }
            case 6 -> {
                byte[] data = new byte[r.nextInt(70_000)];
                r.nextBytes(data);
                long a = address(r, data.length);
                if (m != null) m.writeBytes(a, ByteBuffer.wrap(data)); else System.arraycopy(data, 0, model, (int) a, data.length);
            }
            default -> {
                byte[] data = new byte[r.nextInt(70_000)];
                r.nextBytes(data);
                long a = address(r, data.length);
                if (m != null) m.writeBytes(a, data); else System.arraycopy(data, 0, model, (int) a, data.length);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bufferReadsSpanPagesAndTrapOutside(boolean isPaged) {
        Memory m = new Memory(new MemoryType(new Limits(2, 2)), 2, isPaged);
        m.writeI64(65532, 0x0807060504030201L);
        ByteBuffer out = ByteBuffer.allocate(8);
        m.readBytes(65532, out);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, out.array());
        assertThrows(Trap.class, () -> m.readBytes(2 * 65536 - 7, ByteBuffer.allocate(8)));
        assertThrows(Trap.class, () -> m.fill(2 * 65536 - 7, 8, (byte) 1));
        assertThrows(Trap.class, () -> m.copyWithin(0, 2 * 65536 - 7, 8));
        assertEquals(0, m.readI8(2 * 65536 - 7), "a trapping fill writes nothing");
    }
}
