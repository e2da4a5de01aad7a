package dev.verge.core.runtime;

/**
 * The immutable settings of an {@link Engine}. Start from {@link #DEFAULT} and derive variants with
 * the {@code withX} methods; each option documents its default.
 *
 * @param fuel whether compiled code meters fuel (default false). When on, every instance starts
 *     with {@link Instance#setFuel fuel} {@code Long.MAX_VALUE} and traps with
 *     {@link TrapKind#OUT_OF_FUEL} when it runs out. One unit is consumed at each function entry
 *     and each loop iteration, so the budget is deterministic.
 * @param interruptible whether compiled code polls the instance's interrupt flag at function entry
 *     and loop back-edges (default true), so {@link Instance#interrupt()} and deadlines can stop any
 *     guest, even an infinite loop, with {@link TrapKind#INTERRUPTED}
 * @param maxMemoryPages the most 64 KiB pages a memory may have, whatever its type says (default
 *     and ceiling 65,536: the full 4 GiB of a 32-bit memory)
 * @param maxTableSize the most elements a table may have (default 10,000,000)
 * @param pagedMemory whether every memory the engine creates uses the paged representation from
 *     the start (default false: a memory is one {@code byte[]} until it grows past
 *     {@link #BYTE_ARRAY_PAGE_LIMIT} pages, then it becomes paged). Meant for testing the large
 *     memory path on small memories; see {@link Memory}.
 */
public record EngineConfig(
        boolean fuel, boolean interruptible, long maxMemoryPages, long maxTableSize, boolean pagedMemory) {
    /** The largest memory a {@code byte[]} can hold, in pages: larger memories are paged. */
    public static final long BYTE_ARRAY_PAGE_LIMIT = 32767;

    /** The most pages a 32-bit memory can have: 65,536 pages are 4 GiB. */
    public static final long MAX_MEMORY_PAGES = 65536;

    public static final EngineConfig DEFAULT = new EngineConfig(false, true, MAX_MEMORY_PAGES, 10_000_000, false);

    public EngineConfig {
        if (maxMemoryPages < 0 || maxMemoryPages > MAX_MEMORY_PAGES) {
            throw new IllegalArgumentException("maxMemoryPages must be in 0.." + MAX_MEMORY_PAGES);
        }
        if (maxTableSize < 0 || maxTableSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxTableSize out of range");
        }
    }

    /** The settings of the first version, with memories in their default representation. */
    public EngineConfig(boolean fuel, boolean interruptible, long maxMemoryPages, long maxTableSize) {
        this(fuel, interruptible, maxMemoryPages, maxTableSize, false);
    }

    public EngineConfig withFuel(boolean on) {
        return new EngineConfig(on, interruptible, maxMemoryPages, maxTableSize, pagedMemory);
    }

    public EngineConfig withInterruptible(boolean on) {
        return new EngineConfig(fuel, on, maxMemoryPages, maxTableSize, pagedMemory);
    }

    public EngineConfig withMaxMemoryPages(long pages) {
        return new EngineConfig(fuel, interruptible, pages, maxTableSize, pagedMemory);
    }

    public EngineConfig withMaxTableSize(long elements) {
        return new EngineConfig(fuel, interruptible, maxMemoryPages, elements, pagedMemory);
    }

    /** The same settings with every memory paged from the start (on) or not. */
    public EngineConfig withPagedMemory(boolean on) {
        return new EngineConfig(fuel, interruptible, maxMemoryPages, maxTableSize, on);
    }
}
