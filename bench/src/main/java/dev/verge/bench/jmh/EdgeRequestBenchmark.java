package dev.verge.bench.jmh;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.InstancePre;
import dev.verge.core.runtime.Linker;
import dev.verge.edge.guest.BoundedOutput;
import dev.verge.edge.guest.GuestIo;
import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.guest.ProjectWasi;
import dev.verge.edge.guest.Watchdog;
import dev.verge.edge.manifest.Limits;
import dev.verge.wasi.Wasi;
import dev.verge.wasi.WasiConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The edge host's per-request path for the hello example ({@code edge/examples/hello/app.wasm}),
 * without HTTP, as sampled latencies (p50, p99 in JMH's output):
 * <ul>
 *   <li>{@code instantiateLinkPerRequest}: what every request did before an app was linked once:
 *       a new {@link Linker}, WASI defined in it ({@link Wasi#addTo}), then instantiate;
 *   <li>{@code instantiatePre}: what a request does now: the request's {@link Wasi} state, then a
 *       fresh instance of the app's {@link InstancePre} with it as host data;
 *   <li>{@code runRequest}: the whole guest run the server makes per request
 *       ({@link GuestRunner#run}): WASI state, instance, {@code _start} under the watchdog, output
 *       captured.
 * </ul>
 * Run from the repository root (it reads the example's module from there):
 * {@code java -jar bench/target/benchmarks.jar EdgeRequestBenchmark} (add {@code -prof gc} for
 * the bytes allocated per request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EdgeRequestBenchmark {
    @Param("edge/examples/hello/app.wasm")
    public String module;

    private CompiledModule compiled;
    private InstancePre pre;
    private GuestRunner runner;
    private InstancePre runnerPre;
    private Watchdog watchdog;
    private Map<String, String> env;

    @Setup(Level.Trial)
    public void compile() throws IOException {
        compiled = new Engine().compile(Files.readAllBytes(Path.of(module)));
        Linker linker = new Linker();
        Wasi.define(linker);
        pre = linker.instantiatePre(compiled);
        watchdog = new Watchdog();
        runner = new GuestRunner(new ProjectWasi(), watchdog);
        runnerPre = runner.prepare(compiled, null);
        env = new LinkedHashMap<>();
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("REQUEST_METHOD", "GET");
        env.put("SCRIPT_NAME", "/hello");
        env.put("PATH_INFO", "/");
        env.put("QUERY_STRING", "");
        env.put("SERVER_NAME", "127.0.0.1");
    }

    @TearDown(Level.Trial)
    public void stop() {
        watchdog.close();
    }

    private WasiConfig config() {
        WasiConfig.Builder b = WasiConfig.builder().args("/hello").stdout(new BoundedOutput(1 << 20)).maxOpenFds(64);
        env.forEach(b::env);
        return b.build();
    }

    @Benchmark
    public Instance instantiateLinkPerRequest() {
        Linker linker = new Linker();
        Wasi wasi = Wasi.addTo(linker, config());
        try {
            return linker.instantiate(compiled);
        } finally {
            wasi.close();
        }
    }

    @Benchmark
    public Instance instantiatePre() {
        try (Wasi wasi = Wasi.create(config())) {
            return pre.instantiate(wasi);
        }
    }

    @Benchmark
    public GuestRunner.Result runRequest() {
        BoundedOutput out = new BoundedOutput(1 << 20);
        GuestIo io = new GuestIo(List.of("/hello"), env, java.io.InputStream.nullInputStream(), out, new BoundedOutput(4096), null);
        GuestRunner.Result r = runner.run(runnerPre, io, LIMITS, null);
        if (!(r.outcome() instanceof GuestRunner.Outcome.Exited e) || e.code() != 0 || out.size() == 0) {
            throw new IllegalStateException("hello did not answer: " + r.outcome());
        }
        return r;
    }

    private static final Limits LIMITS = new Limits(64L << 20, Duration.ofSeconds(1), Duration.ofSeconds(5), 1 << 20, 1 << 20, 1);
}
