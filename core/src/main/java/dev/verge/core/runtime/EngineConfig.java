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
 *     32767: memories are one {@code byte[]}, which stops just under 2 GiB)
 * @param maxTableSize the most elements a table may have (default 10,000,000)
 */
public record EngineConfig(boolean fuel, boolean interruptible, long maxMemoryPages, long maxTableSize) {
    /** The largest memory a {@code byte[]} can hold, in pages. */
    public static final long BYTE_ARRAY_PAGE_LIMIT = 32767;

    public static final EngineConfig DEFAULT = new EngineConfig(false, true, BYTE_ARRAY_PAGE_LIMIT, 10_000_000);

    public EngineConfig {
        if (maxMemoryPages < 0 || maxMemoryPages > BYTE_ARRAY_PAGE_LIMIT) {
            throw new IllegalArgumentException("maxMemoryPages must be in 0.." + BYTE_ARRAY_PAGE_LIMIT);
        }
        if (maxTableSize < 0 || maxTableSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxTableSize out of range");
        }
    }

    public EngineConfig withFuel(boolean on) {
        return new EngineConfig(on, interruptible, maxMemoryPages, maxTableSize);
    }

    public EngineConfig withInterruptible(boolean on) {
        return new EngineConfig(fuel, on, maxMemoryPages, maxTableSize);
    }

    public EngineConfig withMaxMemoryPages(long pages) {
        return new EngineConfig(fuel, interruptible, pages, maxTableSize);
    }

    public EngineConfig withMaxTableSize(long elements) {
        return new EngineConfig(fuel, interruptible, maxMemoryPages, elements);
    }
}
