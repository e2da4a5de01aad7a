package dev.verge.bench.jmh;

import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.WasmFunction;
import dev.verge.text.Wat;
import dev.verge.wasi.Wasi;
import dev.verge.wasi.WasiConfig;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a guest's {@code fd_read} of stdin costs when the stream says bytes are available (read
 * on the guest's thread) against when it does not (the read is handed to a virtual thread, so
 * that a deadline can end the wait: the wasi module's {@code StreamInput}). The stream never
 * waits: it hands out 4 KiB per read at once, so the difference is the hand-off alone (a
 * virtual thread started, the guest's thread parked and unparked). Per read of a real pipe it
 * is paid only when the pipe is empty at the time of the read.
 * {@code java -jar bench/target/benchmarks.jar StdinReadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StdinReadBenchmark {
    /** True: the stream reports its bytes available (a read on the guest's thread); false: it reports none (a hand-off). */
    @Param({"true", "false"})
    public boolean available;

    private Wasi wasi;
    private WasmFunction read;

    /** An endless stream of zeros that answers every read at once, 4 KiB at most. */
    private static final class Zeros extends InputStream {
        private final boolean tellsAvailable;

        Zeros(boolean tellsAvailable) {
            this.tellsAvailable = tellsAvailable;
        }

        @Override
        public int read() {
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, 4096);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            return n;
        }

        @Override
        public int available() {
            return tellsAvailable ? 4096 : 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        String wat = """
                (module
                  (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (func (export "read4k") (result i32)
                    (i32.store (i32.const 0) (i32.const 64))
                    (i32.store (i32.const 4) (i32.const 4096))
                    (drop (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
                    (i32.load (i32.const 8))))
                """;
        Linker linker = new Linker();
        wasi = Wasi.addTo(linker, WasiConfig.builder().stdin(new Zeros(available)).build());
        Instance instance = linker.instantiate(new Engine().compile(Wat.parse(wat)));
        read = instance.function("read4k");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        wasi.close();
    }

    @Benchmark
    public Object readStdin() {
        return read.call();
    }
}
