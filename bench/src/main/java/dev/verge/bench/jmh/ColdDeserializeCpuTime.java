package dev.verge.bench.jmh;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cost of {@link Engine#deserialize} in a fresh JVM, as {@code verge run} pays it on a cache
 * hit: CPU time of the main thread (so that other work on a shared machine does not count) and
 * wall-clock time, in microseconds, of the first deserialization in the process. One measurement
 * per process; run it several times (JIT and class loading make every run cold).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.verge.bench.jmh.ColdDeserializeCpuTime
 * make MODULE.wasm OUT.cwasm} once, then {@code ... ColdDeserializeCpuTime time OUT.cwasm}.
 */
public final class ColdDeserializeCpuTime {
    private ColdDeserializeCpuTime() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("make")) {
            Files.write(Path.of(args[2]), new Engine().compile(Files.readAllBytes(Path.of(args[1]))).serialize());
            return;
        }
        if (args.length != 2 || !args[0].equals("time")) {
            System.err.println("usage: ColdDeserializeCpuTime make MODULE.wasm OUT.cwasm | time OUT.cwasm");
            System.exit(2);
        }
        byte[] bytes = Files.readAllBytes(Path.of(args[1]));
        Engine engine = new Engine();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        CompiledModule module = engine.deserialize(bytes);
        long cpuUs = (threads.getCurrentThreadCpuTime() - cpu) / 1000;
        long wallUs = (System.nanoTime() - wall) / 1000;
        System.out.println("deserialize: " + cpuUs + " us CPU, " + wallUs + " us wall (" + module.exports().size() + " exports)");
    }
}
