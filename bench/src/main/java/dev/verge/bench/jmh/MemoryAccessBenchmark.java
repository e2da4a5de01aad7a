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
 * Loads and stores in compiled guest code, with the memory in each of Verge's two representations
 * ({@code pagedMemory=false}: one {@code byte[]}; {@code true}: the lazily committed 64 KiB pages
 * of memories past 2 GiB, forced on a small memory by {@code EngineConfig.withPagedMemory}). The
 * guest is {@link EngineGuests#memoryLoopsModule}. Scores are nanoseconds per i32 step
 * ({@code sum}: a load; {@code rmw}: a load and a store) and per 1 MiB {@code memory.copy}.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar MemoryAccessBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MemoryAccessBenchmark {
    private static final int STEPS = EngineGuests.MEMORY_REGION / 4;

    @Param({"false", "true"})
    public boolean pagedMemory;

    private MethodHandle sum;
    private MethodHandle rmw;
    private MethodHandle copy;

    @Setup
    public void instantiate() throws Throwable {
        Instance instance = new Linker().instantiate(EngineGuests.memoryLoopsModule(pagedMemory));
        sum = instance.function("sum").handle();
        rmw = instance.function("rmw").handle();
        copy = instance.function("copy").handle();
        // Touch the region once so that neither representation commits memory while measured.
        instance.memory("memory").fill(0, 2L * EngineGuests.MEMORY_REGION, (byte) 1);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int sum() throws Throwable {
        return (int) sum.invokeExact(0, EngineGuests.MEMORY_REGION);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void rmw() throws Throwable {
        rmw.invokeExact(0, EngineGuests.MEMORY_REGION);
    }

    @Benchmark
    public void copyOneMiB() throws Throwable {
        copy.invokeExact(EngineGuests.MEMORY_REGION, 0, EngineGuests.MEMORY_REGION);
    }
}
