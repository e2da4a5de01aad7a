package dev.verge.bench.jmh;

import dev.verge.bench.gen.ModuleGenerator;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.ValidModule;
import dev.verge.core.validate.Validator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding and validation speed on a generated module with a little over 10 MB of code (see
 * {@link ModuleGenerator}), on one thread. Each benchmark reports its time per module and, as the
 * secondary result {@code megabytes}, the module megabytes processed per second (the goal is 100
 * MB/s or more for decode + validate).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DecodeValidateBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DecodeValidateBenchmark {
    private byte[] bytes;
    private WasmModule decoded;

    /** Counts the megabytes each benchmark got through; JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    @Setup
    public void generate() {
        bytes = ModuleGenerator.generate(ModuleGenerator.LARGE_MODULE_FUNCTIONS, 1).bytes();
        decoded = ModuleDecoder.decode(bytes);
    }

    @Benchmark
    public ValidModule decodeAndValidate(Throughput throughput) {
        ValidModule valid = Validator.validate(ModuleDecoder.decode(bytes));
        throughput.megabytes += bytes.length / 1e6;
        return valid;
    }

    @Benchmark
    public WasmModule decode(Throughput throughput) {
        WasmModule module = ModuleDecoder.decode(bytes);
        throughput.megabytes += bytes.length / 1e6;
        return module;
    }

    @Benchmark
    public ValidModule validate(Throughput throughput) {
        ValidModule valid = Validator.validate(decoded);
        throughput.megabytes += bytes.length / 1e6;
        return valid;
    }
}
