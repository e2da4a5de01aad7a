package dev.verge.bench.jmh;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Instantiation speed: one new instance of an already compiled module with a 1 MiB memory and a
 * 4 KiB data segment (see {@link EngineGuests#instantiationModule}), the per-request cost of an
 * embedder that runs each request in a fresh instance. The goal is 20 µs or less per instance.
 * {@code instantiateAndTouch} also writes the memory's last page, so a lazily backed memory pays
 * for its pages. {@code pagedMemory=true} measures the same with the memory paged (64 KiB pages
 * committed on first write, the representation of memories past 2 GiB).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar InstantiateBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InstantiateBenchmark {
    /** Whether the memory is paged (the representation past 2 GiB) instead of one byte[]. */
    @Param({"false", "true"})
    public boolean pagedMemory;

    private CompiledModule module;
    private Linker linker;

    @Setup
    public void compile() {
        module = EngineGuests.instantiationModule(new Engine(EngineConfig.DEFAULT.withPagedMemory(pagedMemory)));
        linker = new Linker();
    }

    @Benchmark
    public Instance instantiate() {
        return linker.instantiate(module);
    }

    @Benchmark
    public Instance instantiateAndTouch() {
        Instance instance = linker.instantiate(module);
        instance.memory("memory").writeI32((1 << 20) - 4, 1);
        return instance;
    }
}
