package dev.verge.bench.jmh;

import dev.verge.core.model.WasmModule;
import dev.verge.text.Wat;
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
 * Text-format parsing speed on a generated {@code .wat} of several MB (see {@link GeneratedWat}),
 * on one thread. Each benchmark reports its time per module and, as the secondary result
 * {@code megabytes}, the megabytes of text processed per second (the goal is 20 MB/s or more).
 * {@code parse} goes from UTF-8 bytes to the module model; {@code toBinary} from a string to the
 * binary encoding, as {@code verge wat2wasm} does.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar WatParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WatParseBenchmark {
    private String text;
    private byte[] utf8;

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
        text = GeneratedWat.text(GeneratedWat.FUNCTIONS);
        utf8 = GeneratedWat.utf8(text);
    }

    @Benchmark
    public WasmModule parse(Throughput throughput) {
        WasmModule module = Wat.parse(utf8);
        throughput.megabytes += utf8.length / 1e6;
        return module;
    }

    @Benchmark
    public byte[] toBinary(Throughput throughput) {
        byte[] binary = Wat.toBinary(text);
        throughput.megabytes += utf8.length / 1e6;
        return binary;
    }
}
