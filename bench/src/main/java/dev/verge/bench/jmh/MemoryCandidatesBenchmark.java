package dev.verge.bench.jmh;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The candidate representations of a linear memory, side by side, each accessed the way compiled
 * guest code accesses memory: the memory object is read from a field, the effective address is
 * an unsigned 32-bit base plus a static offset in a long, one explicit bounds check, then a
 * little-endian load or store. Scores are nanoseconds per access over a 1 MiB region of a 2 MiB
 * memory ({@code sum*}: one i32 load per step; {@code rmw*}: an i32 load and a store).
 *
 * <ul>
 *   <li>{@code flat}: one {@code byte[]} with array-view {@code VarHandle}s (Verge's memories up
 *       to 2 GiB);
 *   <li>{@code segmentNative}: a native {@code MemorySegment} from {@code Arena.ofAuto()}
 *       (zero-filled at allocation: no lazy commit);
 *   <li>{@code segmentLongArray}: a heap segment over a {@code long[]} (reaches 16 GiB, but
 *       allocated and zeroed in full);
 *   <li>{@code segmentMapped}: a private mapping of a sparse temporary file (committed lazily by
 *       the OS);
 *   <li>{@code paged}: 64 KiB {@code byte[]} pages allocated on first write (Verge's memories
 *       past 2 GiB, {@code PagedStorage}).
 * </ul>
 *
 * <p>The {@code create*} benchmarks measure what instantiation would pay per candidate: a new
 * 1 MiB memory and a write to its last word (microseconds per memory).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar MemoryCandidatesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MemoryCandidatesBenchmark {
    static final int MEMORY = 2 << 20;
    static final int REGION = 1 << 20;
    static final int STEPS = REGION / 4;
    static final long OFFSET = 16;

    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt SEG_I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** One byte[]: the representation of memories up to 2 GiB. */
    static final class Flat {
        byte[] bytes;

        Flat(int size) {
            bytes = new byte[size];
        }
    }

    /** A memory segment, of any kind. */
    static final class Segment {
        MemorySegment segment;

        Segment(MemorySegment segment) {
            this.segment = segment;
        }
    }

    /** Lazily allocated 64 KiB pages. */
    static final class Paged {
        byte[][] pages;
        long size;

        Paged(int size) {
            this.pages = new byte[size >>> 16][];
            this.size = size;
        }
    }

    Flat flat;
    Segment nativeSegment;
    Segment longArraySegment;
    Segment mappedSegment;
    Paged paged;

    @Setup
    public void allocate() throws IOException {
        flat = new Flat(MEMORY);
        nativeSegment = new Segment(Arena.ofAuto().allocate(MEMORY, 16));
        longArraySegment = new Segment(MemorySegment.ofArray(new long[MEMORY / 8]));
        mappedSegment = new Segment(mapSparseFile(MEMORY));
        paged = new Paged(MEMORY);
        for (int i = 0; i < STEPS; i++) {
            long ea = OFFSET + 4L * i;
            flatStore((int) ea - (int) OFFSET, i, OFFSET, flat);
            nativeSegmentStore((int) ea - (int) OFFSET, i, OFFSET, nativeSegment);
            longArraySegmentStore((int) ea - (int) OFFSET, i, OFFSET, longArraySegment);
            mappedSegmentStore((int) ea - (int) OFFSET, i, OFFSET, mappedSegment);
            pagedStore((int) ea - (int) OFFSET, i, OFFSET, paged);
        }
    }

    /**
     * A private (copy-on-write) mapping of a sparse temporary file: the OS commits a page when it
     * is first written, and nothing is ever written back to the file, which is deleted at once.
     */
    static MemorySegment mapSparseFile(long size) throws IOException {
        Path file = Files.createTempFile("verge-memory", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[1]), size - 1);
            return channel.map(FileChannel.MapMode.PRIVATE, 0, size, Arena.ofAuto());
        }
    }

    private static IllegalStateException trap() {
        return new IllegalStateException("out of bounds memory access");
    }

    // ---- the access helpers, shaped as compiled code's (MemoryAccess) ----

    static int flatLoad(int base, long offset, Flat m) {
        byte[] b = m.bytes;
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > b.length - 4) {
            throw trap();
        }
        return (int) I32.get(b, (int) ea);
    }

    static void flatStore(int base, int value, long offset, Flat m) {
        byte[] b = m.bytes;
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > b.length - 4) {
            throw trap();
        }
        I32.set(b, (int) ea, value);
    }

    // One copy of the segment helpers per kind of segment, as an engine using one kind would
    // have: a shared helper would see three segment classes and run megamorphic.

    static int nativeSegmentLoad(int base, long offset, Segment m) {
        MemorySegment s = m.segment;
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > s.byteSize() - 4) {
            throw trap();
        }
        return s.get(SEG_I32, ea);
    }

    static void nativeSegmentStore(int base, int value, long offset, Segment m) {
        MemorySegment s = m.segment;
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > s.byteSize() - 4) {
            throw trap();
        }
        s.set(SEG_I32, ea, value);
    }

    static int longArraySegmentLoad(int base, long offset, Segment m) {
        MemorySegment s = m.segment;
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > s.byteSize() - 4) {
            throw trap();
        }
        return s.get(SEG_I32, ea);
    }

    static void longArraySegmentStore(int base, int value, long offset, Segment m) {
        MemorySegment s = m.segment;
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > s.byteSize() - 4) {
            throw trap();
        }
        s.set(SEG_I32, ea, value);
    }

    static int mappedSegmentLoad(int base, long offset, Segment m) {
        MemorySegment s = m.segment;
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > s.byteSize() - 4) {
            throw trap();
        }
        return s.get(SEG_I32, ea);
    }

    static void mappedSegmentStore(int base, int value, long offset, Segment m) {
        MemorySegment s = m.segment;
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > s.byteSize() - 4) {
            throw trap();
        }
        s.set(SEG_I32, ea, value);
    }

    static int pagedLoad(int base, long offset, Paged m) {
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > m.size - 4) {
            throw trap();
        }
        byte[] p = m.pages[(int) (ea >>> 16)];
        int o = (int) ea & 0xFFFF;
        if (p == null || o > 0x10000 - 4) {
            return pagedSlowLoad(ea, m);
        }
        return (int) I32.get(p, o);
    }

    static void pagedStore(int base, int value, long offset, Paged m) {
        long ea = (base & 0xFFFFFFFFL) + offset;
        if (ea > m.size - 4) {
            throw trap();
        }
        byte[] p = m.pages[(int) (ea >>> 16)];
        int o = (int) ea & 0xFFFF;
        if (p == null || o > 0x10000 - 4) {
            pagedSlowStore(ea, value, m);
            return;
        }
        I32.set(p, o, value);
    }

    private static int pagedSlowLoad(long ea, Paged m) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            byte[] p = m.pages[(int) ((ea + i) >>> 16)];
            v |= (p == null ? 0 : p[(int) (ea + i) & 0xFFFF] & 0xFF) << (8 * i);
        }
        return v;
    }

    private static void pagedSlowStore(long ea, int value, Paged m) {
        for (int i = 0; i < 4; i++) {
            int index = (int) ((ea + i) >>> 16);
            if (m.pages[index] == null) {
                m.pages[index] = new byte[0x10000];
            }
            m.pages[index][(int) (ea + i) & 0xFFFF] = (byte) (value >>> (8 * i));
        }
    }

    // ---- sum: one load per step ----

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int sumFlat() {
        int acc = 0;
        for (int i = 0; i < REGION; i += 4) {
            acc += flatLoad(i, OFFSET, flat);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int sumSegmentNative() {
        int acc = 0;
        for (int i = 0; i < REGION; i += 4) {
            acc += nativeSegmentLoad(i, OFFSET, nativeSegment);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int sumSegmentLongArray() {
        int acc = 0;
        for (int i = 0; i < REGION; i += 4) {
            acc += longArraySegmentLoad(i, OFFSET, longArraySegment);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int sumSegmentMapped() {
        int acc = 0;
        for (int i = 0; i < REGION; i += 4) {
            acc += mappedSegmentLoad(i, OFFSET, mappedSegment);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int sumPaged() {
        int acc = 0;
        for (int i = 0; i < REGION; i += 4) {
            acc += pagedLoad(i, OFFSET, paged);
        }
        return acc;
    }

    // ---- rmw: a load and a store per step ----

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void rmwFlat() {
        for (int i = 0; i < REGION; i += 4) {
            flatStore(i, flatLoad(i, OFFSET, flat) * 3 + 1, OFFSET, flat);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void rmwSegmentNative() {
        for (int i = 0; i < REGION; i += 4) {
            nativeSegmentStore(i, nativeSegmentLoad(i, OFFSET, nativeSegment) * 3 + 1, OFFSET, nativeSegment);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void rmwSegmentLongArray() {
        for (int i = 0; i < REGION; i += 4) {
            longArraySegmentStore(i, longArraySegmentLoad(i, OFFSET, longArraySegment) * 3 + 1, OFFSET, longArraySegment);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void rmwSegmentMapped() {
        for (int i = 0; i < REGION; i += 4) {
            mappedSegmentStore(i, mappedSegmentLoad(i, OFFSET, mappedSegment) * 3 + 1, OFFSET, mappedSegment);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void rmwPaged() {
        for (int i = 0; i < REGION; i += 4) {
            pagedStore(i, pagedLoad(i, OFFSET, paged) * 3 + 1, OFFSET, paged);
        }
    }

    // ---- create: a new 1 MiB memory, then a write to its last word ----

    static final int CREATED = 1 << 20;

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object createFlat() {
        Flat m = new Flat(CREATED);
        flatStore(CREATED - 4, 1, 0, m);
        return m;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object createSegmentNative() {
        Segment m = new Segment(Arena.ofAuto().allocate(CREATED, 16));
        nativeSegmentStore(CREATED - 4, 1, 0, m);
        return m;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object createSegmentLongArray() {
        Segment m = new Segment(MemorySegment.ofArray(new long[CREATED / 8]));
        longArraySegmentStore(CREATED - 4, 1, 0, m);
        return m;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object createSegmentMapped() throws IOException {
        Segment m = new Segment(mapSparseFile(CREATED));
        mappedSegmentStore(CREATED - 4, 1, 0, m);
        return m;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object createPaged() {
        Paged m = new Paged(CREATED);
        pagedStore(CREATED - 4, 1, 0, m);
        return m;
    }
}
