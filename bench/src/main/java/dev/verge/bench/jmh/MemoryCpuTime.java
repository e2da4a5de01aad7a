package dev.verge.bench.jmh;

import dev.verge.bench.jmh.CpuTimer.Measured;

/**
 * The memory benchmarks ({@link MemoryCandidatesBenchmark}, {@link MemoryAccessBenchmark},
 * {@link InstantiateBenchmark} with its {@code pagedMemory} parameter) in CPU time of the
 * measuring thread instead of wall-clock time, for machines shared with other work. Each line is
 * the median over the rounds, after as many warm-up rounds, and the candidates run interleaved
 * (round by round) so that a change in the machine's load touches them all alike.
 *
 * <p>The compiled-code and instantiation figures of the two representations should come from
 * separate processes ({@code flat}, then {@code paged}): in one JVM both share the profile of the
 * access helpers, so each would run with code shaped partly for the other.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.verge.bench.jmh.MemoryCpuTime ROUNDS
 * [candidates|flat|paged]...} (default: all three in one process).
 */
public final class MemoryCpuTime {
    private static final int CALLS = 20;
    private static final int INSTANCES = 10_000;

    private MemoryCpuTime() {}

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        java.util.List<String> sections = args.length > 1
                ? java.util.List.of(args).subList(1, args.length) : java.util.List.of("candidates", "flat", "paged");
        System.out.printf("%d rounds after %d warm-up rounds; medians of CPU time of the measuring thread%n",
                rounds, rounds);
        if (sections.contains("candidates")) {
            candidates(rounds);
        }
        for (String representation : java.util.List.of("flat", "paged")) {
            if (sections.contains(representation)) {
                representation(rounds, representation.equals("paged"));
            }
        }
    }

    private static void candidates(int rounds) throws Throwable {

        MemoryCandidatesBenchmark c = new MemoryCandidatesBenchmark();
        c.allocate();
        int steps = CALLS * MemoryCandidatesBenchmark.STEPS;
        report("candidates, ns per access (Java helpers shaped as compiled code's)", rounds, new Measured[] {
            new Measured("sum  byte[]", steps, () -> repeat(c::sumFlat)),
            new Measured("sum  native segment", steps, () -> repeat(c::sumSegmentNative)),
            new Measured("sum  long[] heap segment", steps, () -> repeat(c::sumSegmentLongArray)),
            new Measured("sum  mapped segment", steps, () -> repeat(c::sumSegmentMapped)),
            new Measured("sum  64 KiB pages", steps, () -> repeat(c::sumPaged)),
            new Measured("rmw  byte[]", steps, () -> repeatVoid(c::rmwFlat)),
            new Measured("rmw  native segment", steps, () -> repeatVoid(c::rmwSegmentNative)),
            new Measured("rmw  long[] heap segment", steps, () -> repeatVoid(c::rmwSegmentLongArray)),
            new Measured("rmw  mapped segment", steps, () -> repeatVoid(c::rmwSegmentMapped)),
            new Measured("rmw  64 KiB pages", steps, () -> repeatVoid(c::rmwPaged)),
        });
        int created = 200;
        report("candidates, ns to create a 1 MiB memory and write its last word", rounds, new Measured[] {
            new Measured("create byte[]", created, () -> creations(created, c::createFlat)),
            new Measured("create native segment", created, () -> creations(created, c::createSegmentNative)),
            new Measured("create long[] heap segment", created, () -> creations(created, c::createSegmentLongArray)),
            new Measured("create mapped segment", created, () -> creations(created, c::createSegmentMapped)),
            new Measured("create 64 KiB pages", created, () -> creations(created, c::createPaged)),
        });

    }

    /** Compiled guest code and instantiation with every memory flat, or every memory paged. */
    private static void representation(int rounds, boolean pagedMemory) throws Throwable {
        String name = pagedMemory ? "paged" : "flat";
        MemoryAccessBenchmark guest = new MemoryAccessBenchmark();
        guest.pagedMemory = pagedMemory;
        guest.instantiate();
        int guestSteps = CALLS * EngineGuests.MEMORY_REGION / 4;
        report("compiled guest code, " + name + ", ns per i32 step (copy: ns per 1 MiB memory.copy)", rounds,
                new Measured[] {
                    new Measured("sum  " + name, guestSteps, () -> repeat(guest::sum)),
                    new Measured("rmw  " + name, guestSteps, () -> repeatVoid(guest::rmw)),
                    new Measured("copy " + name, CALLS, () -> repeatVoid(guest::copyOneMiB)),
                });
        InstantiateBenchmark instances = new InstantiateBenchmark();
        instances.pagedMemory = pagedMemory;
        instances.compile();
        report("instantiation (1 MiB memory, 4 KiB data segment), " + name + ", ns per instance", rounds,
                new Measured[] {
                    new Measured("instantiate " + name, INSTANCES, () -> instances(instances::instantiate)),
                    new Measured("instantiate+touch " + name, INSTANCES / 50, () -> touched(instances::instantiateAndTouch)),
                });
    }

    @FunctionalInterface
    private interface IntCall {
        int call() throws Throwable;
    }

    @FunctionalInterface
    private interface VoidCall {
        void call() throws Throwable;
    }

    @FunctionalInterface
    private interface InstanceCall {
        Object call() throws Throwable;
    }

    private static long repeat(IntCall call) throws Throwable {
        long kept = 0;
        for (int i = 0; i < CALLS; i++) {
            kept += call.call();
        }
        return kept;
    }

    private static long repeatVoid(VoidCall call) throws Throwable {
        for (int i = 0; i < CALLS; i++) {
            call.call();
        }
        return 1;
    }

    private static long instances(InstanceCall call) throws Throwable {
        long kept = 0;
        for (int i = 0; i < INSTANCES; i++) {
            kept += call.call().hashCode() & 1;
        }
        return kept;
    }

    private static long creations(int n, InstanceCall call) throws Throwable {
        long kept = 0;
        for (int i = 0; i < n; i++) {
            kept += call.call().hashCode() & 1;
        }
        return kept;
    }

    private static long touched(InstanceCall call) throws Throwable {
        long kept = 0;
        for (int i = 0; i < INSTANCES / 50; i++) {
            kept += call.call().hashCode() & 1;
        }
        return kept;
    }

    /** Runs the candidates interleaved (see {@link CpuTimer}); prints their medians. */
    private static void report(String title, int rounds, Measured[] candidates) throws Throwable {
        System.out.println(title);
        for (CpuTimer.Timings t : CpuTimer.time(rounds, java.util.List.of(candidates))) {
            System.out.printf("  %-28s %10.3f  (quartiles %.3f .. %.3f)%n", t.name(), t.median(), t.lowerQuartile(), t.upperQuartile());
        }
    }
}
