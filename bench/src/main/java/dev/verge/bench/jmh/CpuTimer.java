package dev.verge.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The measuring loop of the {@code *CpuTime} mains: CPU time of the measuring thread instead of
 * wall-clock time, because on a machine shared with other work JMH's wall-clock figures mostly
 * measure the other work. Each piece of work runs as many warm-up rounds as timed rounds; several
 * pieces run interleaved, round by round, so that a change in the machine's load touches them
 * all alike.
 */
final class CpuTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Keeps results reachable so that the JIT cannot drop the work that made them. */
    private static long sink;

    private CpuTimer() {}

    /** One run of a piece of work; returns what it made, kept so that it is not optimised away. */
    @FunctionalInterface
    interface Work {
        Object run() throws Throwable;
    }

    /** A named piece of work doing {@code operations} operations (or bytes, or MB) per run. */
    record Measured(String name, double operations, Work work) {}

    /** CPU nanoseconds per operation of each timed round, sorted ascending. */
    record Timings(String name, double[] sorted) {
        double median() {
            return sorted[sorted.length / 2];
        }

        double lowerQuartile() {
            return sorted[sorted.length / 4];
        }

        double upperQuartile() {
            return sorted[3 * sorted.length / 4];
        }

        double min() {
            return sorted[0];
        }

        double max() {
            return sorted[sorted.length - 1];
        }

        /** Operations per CPU-second at the median round (e.g. MB/s when an operation is a MB). */
        double medianRate() {
            return 1e9 / median();
        }
    }

    /** Times {@code work} alone. */
    static Timings time(int rounds, Measured work) throws Throwable {
        return time(rounds, List.of(work)).getFirst();
    }

    /** Times every piece of {@code works} interleaved; the timings come in the same order. */
    static List<Timings> time(int rounds, List<Measured> works) throws Throwable {
        for (int r = 0; r < rounds; r++) {
            for (Measured m : works) {
                keep(m, m.work().run());
            }
        }
        double[][] nanos = new double[works.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < works.size(); i++) {
                Measured m = works.get(i);
                long start = THREADS.getCurrentThreadCpuTime();
                Object result = m.work().run();
                nanos[i][r] = (THREADS.getCurrentThreadCpuTime() - start) / m.operations();
                keep(m, result);
            }
        }
        List<Timings> out = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            Arrays.sort(nanos[i]);
            out.add(new Timings(works.get(i).name(), nanos[i]));
        }
        if (sink == 42) {
            System.out.print("");
        }
        return out;
    }

    private static void keep(Measured m, Object result) {
        if (result == null) {
            throw new AssertionError(m.name() + " returned null");
        }
        sink += System.identityHashCode(result);
    }
}
