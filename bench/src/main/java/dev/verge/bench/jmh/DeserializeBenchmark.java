package dev.verge.bench.jmh;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Loading a module in a warm JVM: {@code Engine.compile} of the Wasm binary (decode, validate,
 * generate and define the class) against {@code Engine.deserialize} of its serialized form
 * (check, decode without validation, define the stored class), for guests of the benchmark suite.
 * What an embedder that keeps compiled modules on disk (or the edge host's store) saves per load.
 *
 * <p>Run from the repository root: {@code java -jar bench/target/benchmarks.jar DeserializeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DeserializeBenchmark {
    @Param({"fib", "interp", "strings"})
    public String guest;

    private final Engine engine = new Engine();
    private byte[] wasm;
    private byte[] serialized;

    @Setup
    public void read() throws IOException {
        wasm = Files.readAllBytes(Path.of("guests", "wasm", guest + ".wasm"));
        serialized = engine.compile(wasm).serialize();
    }

    @Benchmark
    public CompiledModule compile() {
        return engine.compile(wasm);
    }

    @Benchmark
    public CompiledModule deserialize() {
        return engine.deserialize(serialized);
    }
}
