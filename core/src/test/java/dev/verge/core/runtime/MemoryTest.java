package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loads and stores, bounds, growth and bulk memory. */
class MemoryTest {
    private static Instance module() {
        ModuleFixture m = new ModuleFixture();
        m.memory(new MemoryType(new Limits(1, 3)), "mem");
        m.activeData(0, 16, "hello".getBytes(StandardCharsets.US_ASCII));
        m.passiveData(new byte[] {1, 2, 3, 4});
        int load = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.memory(I32_LOAD8_U, 0, 16, 0);
        });
        int loadFar = m.func(sig(List.of(I32), List.of(I64)), c -> {
            c.index(LOCAL_GET, 0);
            c.memory(I64_LOAD, 3, 0xFFFFFFFFL, 0);
        });
        int store = m.func(sig(List.of(I32, I64), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.memory(I64_STORE, 3, 0, 0);
        });
        int grow = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.index(MEMORY_GROW, 0);
        });
        int size = m.func(sig(List.of(), List.of(I32)), c -> c.index(MEMORY_SIZE, 0));
        int fill = m.func(sig(List.of(I32, I32, I32), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 2);
            c.index(MEMORY_FILL, 0);
        });
        int copy = m.func(sig(List.of(I32, I32, I32), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 2);
            c.index2(MEMORY_COPY, 0, 0);
        });
        int init = m.func(sig(List.of(I32, I32, I32), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 2);
            c.index2(MEMORY_INIT, 1, 0);
        });
        int drop = m.func(sig(List.of(), List.of()), c -> c.index(DATA_DROP, 1));
        return m.exportFunction("load", load).exportFunction("loadFar", loadFar).exportFunction("store", store)
                .exportFunction("grow", grow).exportFunction("size", size).exportFunction("fill", fill)
                .exportFunction("copy", copy).exportFunction("init", init).exportFunction("drop", drop).instantiate();
    }

    private static TrapKind trapOf(Runnable r) {
        return assertThrows(Trap.class, r::run).kind();
    }

    @Test
    void dataSegmentsAreLoaded() {
        Instance i = module();
        assertArrayEquals(new Object[] {(int) 'h'}, i.function("load").call(0));
        assertEquals("hello", new String(i.memory("mem").readBytes(16, 5), StandardCharsets.US_ASCII));
    }

    @Test
    void effectiveAddressDoesNotOverflow() {
        Instance i = module();
        // base + offset = 0xFFFFFFFF + 0xFFFFFFFF would wrap to a small address in 32 bits.
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("loadFar").call(-1)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("load").call(65536 - 16)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("store").call(65529, 1L)));
        i.function("store").call(65528, 0x0102030405060708L);
        assertEquals(0x08, i.memory("mem").readU8(65528));
    }

    @Test
    void growKeepsContentsAndRespectsTheMaximum() {
        Instance i = module();
        i.function("store").call(8, -1L);
        assertArrayEquals(new Object[] {1}, i.function("grow").call(2));
        assertArrayEquals(new Object[] {3}, i.function("size").call());
        assertArrayEquals(new Object[] {-1}, i.function("grow").call(1));
        assertEquals(-1L, i.memory("mem").readI64(8));
        i.function("store").call(3 * 65536 - 8, 5L);
        assertEquals(5L, i.memory("mem").readI64(3 * 65536 - 8));
    }

    @Test
    void bulkOperations() {
        Instance i = module();
        Memory mem = i.memory("mem");
        i.function("fill").call(100, 0xAB, 4);
        assertEquals(0xAB, mem.readU8(103));
        i.function("copy").call(17, 16, 5);
        assertEquals("hhello", new String(mem.readBytes(16, 6), StandardCharsets.US_ASCII));
        i.function("init").call(200, 1, 3);
        assertArrayEquals(new byte[] {2, 3, 4}, mem.readBytes(200, 3));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("init").call(200, 2, 3)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("fill").call(65535, 0, 2)));
        i.function("drop").call();
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("init").call(0, 0, 1)));
        i.function("init").call(0, 0, 0);
    }

    /** Memories are backed lazily: untouched pages read as zero and the far end is reachable. */
    @Test
    void lazilyBackedMemoryReadsZerosAndReachesItsEnd() {
        Memory mem = new Memory(new MemoryType(new Limits(16, 300)));
        assertEquals(16, mem.pages());
        assertEquals(0L, mem.readI64(16 * 65536 - 8));
        mem.writeI32(16 * 65536 - 4, 42);
        assertEquals(42, mem.readI32(16 * 65536 - 4));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> mem.readI8(16 * 65536)));
        // Past the lazy limit the memory is allocated when it grows, so growth can fail instead of a later access.
        assertEquals(16, mem.grow(284));
        assertEquals(0, mem.readU8(300L * 65536 - 1));
        assertEquals(42, mem.readI32(16 * 65536 - 4));
    }

    @Test
    void hostAccessorsAreBoundedAndKeepNanBits() {
        Memory mem = module().memory("mem");
        mem.writeF32(0, Float.intBitsToFloat(0x7F800001));
        assertEquals(0x7F800001, mem.readI32(0));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> mem.readI32(65533)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> mem.writeBytes(-1, new byte[1])));
    }
}
