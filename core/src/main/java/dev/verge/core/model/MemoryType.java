package dev.verge.core.model;

/** A linear memory: its limits in 64 KiB pages, and the threads and memory64 flags. */
public record MemoryType(Limits limits, boolean shared, boolean is64) implements ExternType {
    public static final int PAGE_SIZE = 65536;

    public MemoryType(Limits limits) {
        this(limits, false, false);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }
}
