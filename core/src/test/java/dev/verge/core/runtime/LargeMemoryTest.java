package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Memories past 2 GiB, up to the 65,536 pages (4 GiB) of a 32-bit memory: growth, loads and stores
 * at the last addresses below 2^32, traps exactly at the end, bulk operations across the 2 GiB
 * line, data segments, and a memory shared between instances. These memories are paged and
 * committed lazily, so each test holds only the few pages it touches.
 */
class LargeMemoryTest {
    private static final long FOUR_GIB = 1L << 32;
    private static final long TWO_GIB = 1L << 31;
    /** What a test may hold on the heap for a memory: the pages it touched, and then some. */
    private static final long FEW_PAGES = 64L << 16;

    /** A module with memory {@code type} (imported from env.mem when {@code imported}) and accessors. */
    private static ModuleFixture module(MemoryType type, boolean imported) {
        ModuleFixture m = new ModuleFixture();
        if (imported) {
            m.importMemory("env", "mem", type);
        } else {
            m.memory(type, "mem");
        }
        m.passiveData(new byte[] {1, 2, 3});
        int load64 = m.func(sig(List.of(I32), List.of(I64)), c -> {
            c.index(LOCAL_GET, 0);
            c.memory(I64_LOAD, 3, 0, 0);
        });
        int store64 = m.func(sig(List.of(I32, I64), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.memory(I64_STORE, 3, 0, 0);
        });
        int load32At12 = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.memory(I32_LOAD, 2, 12, 0);
        });
        int store8 = m.func(sig(List.of(I32, I32), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 1);
            c.memory(I32_STORE8, 0, 0, 0);
        });
        int load8 = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.memory(I32_LOAD8_U, 0, 0, 0);
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
            c.index2(MEMORY_INIT, 0, 0);
        });
        return m.exportFunction("load64", load64).exportFunction("store64", store64)
                .exportFunction("load32At12", load32At12).exportFunction("store8", store8)
                .exportFunction("load8", load8).exportFunction("grow", grow).exportFunction("size", size)
                .exportFunction("fill", fill).exportFunction("copy", copy).exportFunction("init", init);
    }

    private static Instance instance(long minPages) {
        return new Linker().instantiate(module(new MemoryType(new Limits(minPages, -1)), false).compile());
    }

    private static TrapKind trapOf(Runnable r) {
        return assertThrows(Trap.class, r::run).kind();
    }

    private static Object call(Instance i, String name, Object... args) {
        Object[] results = i.function(name).call(args);
        return results.length == 0 ? null : results[0];
    }

    @Test
    void growsTo65536PagesAndNoFurther() {
        Instance i = instance(1);
        assertEquals(1, call(i, "grow", 65535));
        assertEquals(65536, call(i, "size"));
        assertEquals(-1, call(i, "grow", 1));
        assertEquals(65536, call(i, "grow", 0));
        Memory mem = i.memory("mem");
        assertEquals(FOUR_GIB, mem.byteSize());
        assertTrue(mem.isPaged());
        assertTrue(mem.committedBytes() <= FEW_PAGES, "growth alone commits nothing");
    }

    @Test
    void growBeyondTheTypeOrEngineLimitFails() {
        Instance declared = new Linker().instantiate(module(new MemoryType(new Limits(1, 40000)), false).compile());
        assertEquals(1, call(declared, "grow", 39999));
        assertEquals(-1, call(declared, "grow", 1));
        ModuleFixture unbounded = module(new MemoryType(new Limits(1, -1)), false);
        Engine limited = new Engine(EngineConfig.DEFAULT.withMaxMemoryPages(50000));
        Instance capped = new Linker().instantiate(limited.compile(unbounded.build()));
        assertEquals(-1, call(capped, "grow", 50000));
        assertEquals(1, call(capped, "grow", 49999));
        assertEquals(-1, call(capped, "grow", -1), "a delta read as unsigned: 2^32 - 1 pages");
    }

    @Test
    void engineLimitsAcceptExactly4GiB() {
        assertEquals(65536, EngineConfig.DEFAULT.maxMemoryPages());
        assertEquals(65536, EngineConfig.DEFAULT.withMaxMemoryPages(65536).maxMemoryPages());
        assertThrows(IllegalArgumentException.class, () -> EngineConfig.DEFAULT.withMaxMemoryPages(65537));
    }

    @Test
    void loadsAndStoresReachTheLastAddressBelow4GiB() {
        Instance i = instance(65536);
        call(i, "store64", (int) 0xFFFF_FFF8L, 0x0102_0304_0506_0708L);
        assertEquals(0x0102_0304_0506_0708L, call(i, "load64", (int) 0xFFFF_FFF8L));
        assertEquals(0x01, call(i, "load8", -1));
        // 0xFFFFFFF0 + 12 reaches the last four bytes through the static offset.
        assertEquals(0x0102_0304, call(i, "load32At12", (int) 0xFFFF_FFF0L));
        call(i, "store8", (int) 0xFFFF_FFF0L, 0x7F);
        assertEquals(0x7F, call(i, "load8", (int) 0xFFFF_FFF0L));
        assertEquals(0L, call(i, "load64", (int) 0x8000_0000L), "untouched memory reads as zero");
        assertTrue(i.memory("mem").committedBytes() <= FEW_PAGES);
    }

    @Test
    void accessesTrapExactlyAtTheEnd() {
        Instance i = instance(65536);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> call(i, "load64", (int) 0xFFFF_FFF9L)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> call(i, "store64", (int) 0xFFFF_FFF9L, -1L)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> call(i, "load32At12", (int) 0xFFFF_FFF1L)));
        // base 0xFFFFFFFF + offset 12 is past 2^32: no 32-bit wrap-around to address 11.
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> call(i, "load32At12", -1)));
        assertEquals(0L, call(i, "load64", (int) 0xFFFF_FFF8L), "the trapping store wrote nothing");

        Instance part = instance(40000);
        long end = 40000L * 65536;
        call(part, "store64", (int) (end - 8), 5L);
        assertEquals(5L, call(part, "load64", (int) (end - 8)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> call(part, "load64", (int) (end - 7))));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> call(part, "load8", (int) end)));
        assertEquals(40000, call(part, "grow", 1));
        assertEquals(0, call(part, "load8", (int) end), "grown pages read as zero");
    }

    @Test
    void bulkOperationsCrossThe2GiBLine() {
        Instance i = instance(65536);
        Memory mem = i.memory("mem");
        i.function("fill").call((int) (TWO_GIB - 3), 0xAB, 6);
        assertArrayEquals(new byte[] {0, (byte) 0xAB, (byte) 0xAB, (byte) 0xAB, (byte) 0xAB, (byte) 0xAB, (byte) 0xAB, 0},
                mem.readBytes(TWO_GIB - 4, 8));
        // From just below 2 GiB to the very end of memory.
        i.function("copy").call((int) (FOUR_GIB - 6), (int) (TWO_GIB - 3), 6);
        assertArrayEquals(new byte[] {0, (byte) 0xAB, (byte) 0xAB, (byte) 0xAB, (byte) 0xAB, (byte) 0xAB, (byte) 0xAB},
                mem.readBytes(FOUR_GIB - 7, 7));
        // Overlapping, backwards across the line: the source is read before it is overwritten.
        mem.writeBytes(TWO_GIB - 2, new byte[] {1, 2, 3, 4});
        i.function("copy").call((int) (TWO_GIB - 1), (int) (TWO_GIB - 2), 4);
        assertArrayEquals(new byte[] {1, 1, 2, 3, 4}, mem.readBytes(TWO_GIB - 2, 5));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("fill").call((int) (FOUR_GIB - 2), 1, 3)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("copy").call(0, (int) (FOUR_GIB - 2), 3)));
        assertEquals(0xAB, mem.readU8(FOUR_GIB - 2), "the trapping fill wrote nothing");
        // A fill of 4 GiB of zeros is cheap: never-written pages stay uncommitted.
        mem.fill(0, FOUR_GIB, (byte) 0);
        assertEquals(0, mem.readU8(TWO_GIB));
        assertTrue(mem.committedBytes() <= FEW_PAGES);
    }

    @Test
    void memoryInitAndDataSegmentsNearTheEnd() {
        Instance i = instance(65536);
        i.function("init").call((int) (FOUR_GIB - 3), 0, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, i.memory("mem").readBytes(FOUR_GIB - 3, 3));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> i.function("init").call((int) (FOUR_GIB - 2), 0, 3)));

        ModuleFixture active = new ModuleFixture();
        active.memory(new MemoryType(new Limits(65536, 65536)), "mem");
        active.activeData(0, (int) (FOUR_GIB - 5), new byte[] {9, 8, 7, 6, 5});
        active.activeData(0, (int) (TWO_GIB - 1), new byte[] {4, 4});
        Memory mem = active.instantiate().memory("mem");
        assertArrayEquals(new byte[] {9, 8, 7, 6, 5}, mem.readBytes(FOUR_GIB - 5, 5));
        assertArrayEquals(new byte[] {0, 4, 4, 0}, mem.readBytes(TWO_GIB - 2, 4));

        ModuleFixture tooFar = new ModuleFixture();
        tooFar.memory(new MemoryType(new Limits(65536, 65536)), "mem");
        tooFar.activeData(0, (int) (FOUR_GIB - 4), new byte[] {1, 2, 3, 4, 5});
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(tooFar::instantiate));
    }

    @Test
    void growingPast2GiBKeepsTheContents() {
        Instance i = instance(1);
        call(i, "store64", 100, 0x1122_3344_5566_7788L);
        assertFalse(i.memory("mem").isPaged());
        assertEquals(1, call(i, "grow", 40000));
        assertTrue(i.memory("mem").isPaged());
        assertEquals(0x1122_3344_5566_7788L, call(i, "load64", 100));
        call(i, "store64", (int) (40001L * 65536 - 8), 7L);
        assertEquals(7L, call(i, "load64", (int) (40001L * 65536 - 8)));
    }

    @Test
    void aMemoryGrownPast2GiBIsSharedBetweenInstances() {
        Instance owner = instance(1);
        Linker linker = new Linker().define("env", "mem", owner.memory("mem"));
        Instance user = linker.instantiate(module(new MemoryType(new Limits(1, -1)), true).compile());
        assertEquals(1, call(user, "grow", 65535));
        assertEquals(65536, call(owner, "size"));
        call(user, "store64", (int) 0xFFFF_FFF8L, 42L);
        assertEquals(42L, call(owner, "load64", (int) 0xFFFF_FFF8L));
        assertEquals(42L, owner.memory("mem").readI64(0xFFFF_FFF8L));

        Memory host = new Memory(new MemoryType(new Limits(65536, 65536)));
        Instance importer = new Linker().define("env", "mem", host)
                .instantiate(module(new MemoryType(new Limits(65536, 65536)), true).compile());
        host.writeI32(FOUR_GIB - 4, 0x0A0B_0C0D);
        assertEquals(0x0A0B_0C0D, call(importer, "load32At12", (int) (FOUR_GIB - 16)));
    }

    @Test
    void javaAccessorsTakeAddressesUpTo4GiB() {
        Memory mem = new Memory(new MemoryType(new Limits(65536, -1)));
        assertEquals(65536, mem.pages());
        mem.writeI64(FOUR_GIB - 8, -2L);
        assertEquals(-2L, mem.readI64(FOUR_GIB - 8));
        mem.writeF64(FOUR_GIB - 16, Double.longBitsToDouble(0x7FF0_0000_0000_0001L));
        assertEquals(0x7FF0_0000_0000_0001L, mem.readI64(FOUR_GIB - 16), "NaN payload kept");
        // A write that spans two pages at the 2 GiB line.
        mem.writeI32(TWO_GIB - 2, 0x0403_0201);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, mem.readBytes(TWO_GIB - 2, 4));
        ByteBuffer in = ByteBuffer.wrap(new byte[] {5, 6, 7});
        mem.writeBytes(FOUR_GIB - 3, in);
        ByteBuffer out = ByteBuffer.allocate(3);
        mem.readBytes(FOUR_GIB - 3, out);
        assertArrayEquals(new byte[] {5, 6, 7}, out.array());
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> mem.readI8(FOUR_GIB)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> mem.readI64(FOUR_GIB - 7)));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> mem.writeBytes(FOUR_GIB - 2, new byte[3])));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> mem.readBytes(-1, 1)));
        assertEquals(-1, mem.grow(1));
    }

    @Test
    void theEngineCanPageEveryMemory() {
        ModuleFixture m = module(new MemoryType(new Limits(1, 2)), false);
        Engine paging = new Engine(EngineConfig.DEFAULT.withPagedMemory(true));
        Instance i = new Linker().instantiate(paging.compile(m.build()));
        assertTrue(i.memory("mem").isPaged());
        assertEquals(1, call(i, "grow", 1));
        call(i, "store64", 65532, 0x0102_0304_0506_0708L);
        assertEquals(0x0102_0304_0506_0708L, call(i, "load64", 65532), "a value spanning two pages");
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trapOf(() -> call(i, "load64", 65536 - 7 + 65536)));
        assertEquals(-1, call(i, "grow", 1));
    }
}
