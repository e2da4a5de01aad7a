package dev.verge.bench.jmh;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Memory;
import java.lang.invoke.MethodHandle;

/**
 * The {@link InstantiateBenchmark} and {@link InterruptPollBenchmark} measurements in CPU time of
 * the measuring thread instead of wall-clock time, for machines shared with other work. Prints the
 * median microseconds per instance (without and with a write to the memory's last page, which
 * makes a lazily backed memory allocate all of it), and the median nanoseconds per loop
 * iteration and per call with the interruption poll on and off, with the difference.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.verge.bench.jmh.EngineCpuTime [ROUNDS]}.
 */
public final class EngineCpuTime {
    private static final int INSTANCES_PER_ROUND = 10_000;
    private static final int TOUCHED_PER_ROUND = 200;
    private static final int LAST_WORD = (1 << 20) - 4;
    private static final int LOOP_CALLS = 20;
    private static final int FIB_CALLS = 1_000;

    private EngineCpuTime() {}

    /** One timed piece of work; returns a value to keep. */
    @FunctionalInterface
    private interface Work {
        long run() throws Throwable;
    }

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.out.printf("%d rounds after %d warm-up rounds; medians of CPU time of the measuring thread%n",
                rounds, rounds);

        CompiledModule module = EngineGuests.instantiationModule(new Engine());
        Linker linker = new Linker();
        double instantiate = median(rounds, INSTANCES_PER_ROUND, () -> {
            long kept = 0;
            for (int i = 0; i < INSTANCES_PER_ROUND; i++) {
                kept += linker.instantiate(module).memory("memory").readI8(1024);
            }
            return kept;
        });
        System.out.printf("instantiate (1 MiB memory, %d-byte data segment): %.2f us per instance%n",
                EngineGuests.DATA_BYTES, instantiate / 1e3);
        double touched = median(rounds, TOUCHED_PER_ROUND, () -> {
            long kept = 0;
            for (int i = 0; i < TOUCHED_PER_ROUND; i++) {
                Memory memory = linker.instantiate(module).memory("memory");
                memory.writeI32(LAST_WORD, i);
                kept += memory.readI8(1024);
            }
            return kept;
        });
        System.out.printf("instantiate and write the memory's last word: %.2f us per instance%n", touched / 1e3);

        double[] loop = new double[2];
        double[] fib = new double[2];
        for (int on = 0; on < 2; on++) {
            Instance instance = new Linker().instantiate(EngineGuests.loopsModule(on == 1));
            MethodHandle loopHandle = instance.function("loop").handle();
            MethodHandle fibHandle = instance.function("fib").handle();
            // Repeated calls make each round last milliseconds, well above the clock's resolution.
            loop[on] = median(rounds, LOOP_CALLS * EngineGuests.LOOP_ITERATIONS, () -> {
                long kept = 0;
                for (int i = 0; i < LOOP_CALLS; i++) {
                    kept += (int) loopHandle.invokeExact(EngineGuests.LOOP_ITERATIONS);
                }
                return kept;
            });
            fib[on] = median(rounds, FIB_CALLS * EngineGuests.FIB_CALLS, () -> {
                long kept = 0;
                for (int i = 0; i < FIB_CALLS; i++) {
                    kept += (int) fibHandle.invokeExact(EngineGuests.FIB_ARGUMENT);
                }
                return kept;
            });
        }
        System.out.printf("loop back-edge: %.3f ns per iteration polling, %.3f without (%+.1f%%)%n",
                loop[1], loop[0], 100 * (loop[1] - loop[0]) / loop[0]);
        System.out.printf("function entry: %.3f ns per call polling, %.3f without (%+.1f%%)%n",
                fib[1], fib[0], 100 * (fib[1] - fib[0]) / fib[0]);
    }

    /** The median CPU nanoseconds per operation over {@code rounds} timed runs of {@code work}. */
    private static double median(int rounds, int operations, Work work) throws Throwable {
        return CpuTimer.time(rounds, new CpuTimer.Measured("", operations, work::run)).median();
    }
}
