package dev.verge.bench.jmh;

import dev.verge.text.Wat;

/**
 * The {@link WatParseBenchmark} measurement in CPU time of the measuring thread instead of
 * wall-clock time, for machines shared with other work. Prints the median MB of text per
 * CPU-second of {@code Wat.parse} (UTF-8 bytes to the module model, then from a string) and
 * {@code Wat.toBinary} (string to binary encoding).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.verge.bench.jmh.WatParseCpuTime
 * [ROUNDS]}. The default, 30 warm-up and 30 timed rounds, is more warm-up than the decoder's: on a
 * loaded machine the JIT compiler threads get little CPU, and with 15 rounds the first figure
 * printed was still rising.
 */
public final class WatParseCpuTime {
    private WatParseCpuTime() {}

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String text = GeneratedWat.text(GeneratedWat.FUNCTIONS);
        byte[] utf8 = GeneratedWat.utf8(text);
        System.out.printf("text: %.1f MB, %d lines; %d rounds after %d warm-up rounds; MB per CPU-second%n",
                utf8.length / 1e6, text.lines().count(), rounds, rounds);
        report("Wat.parse", utf8.length, rounds, () -> Wat.parse(utf8));
        // From a string: the difference with the line above is the UTF-8 decoding.
        report("Wat.parse(str)", utf8.length, rounds, () -> Wat.parse(text));
        report("Wat.toBinary", utf8.length, rounds, () -> Wat.toBinary(text));
    }

    private static void report(String name, int size, int rounds, CpuTimer.Work work) throws Throwable {
        CpuTimer.Timings t = CpuTimer.time(rounds, new CpuTimer.Measured(name, size / 1e6, work));
        System.out.printf("%-14s median %6.1f MB/s (min %.1f, max %.1f)%n", name, t.medianRate(), 1e9 / t.max(), 1e9 / t.min());
    }
}
