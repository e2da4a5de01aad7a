package dev.verge.bench.jmh;

import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the interruption poll ({@code EngineConfig.interruptible}) at loop back-edges and
 * function entries: the same guest code (see {@link EngineGuests#loopsModule}) compiled with the
 * poll on and off. Scores are nanoseconds per loop iteration ({@code loop}) and per call
 * ({@code fib}); the difference between the two {@code interruptible} values is the poll's cost.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar InterruptPollBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InterruptPollBenchmark {
    @Param({"true", "false"})
    public boolean interruptible;

    private MethodHandle loop;
    private MethodHandle fib;

    @Setup
    public void compile() {
        Instance instance = new Linker().instantiate(EngineGuests.loopsModule(interruptible));
        loop = instance.function("loop").handle();
        fib = instance.function("fib").handle();
    }

    @Benchmark
    @OperationsPerInvocation(EngineGuests.LOOP_ITERATIONS)
    public int loop() throws Throwable {
        return (int) loop.invokeExact(EngineGuests.LOOP_ITERATIONS);
    }

    @Benchmark
    @OperationsPerInvocation(EngineGuests.FIB_CALLS)
    public int fib() throws Throwable {
        return (int) fib.invokeExact(EngineGuests.FIB_ARGUMENT);
    }
}
