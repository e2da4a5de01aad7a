package dev.verge.bench.programs;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.wasi.Wasi;
import dev.verge.wasi.WasiConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the interruption polls cost on one WASI program, in steady state: the module is compiled
 * twice, with polls (the default) and without ({@code withInterruptible(false)}), and the two are
 * run alternately on fresh instances in one JVM, so that both see the same warm-up and the same
 * load on a shared machine. Prints the median and the minimum main-thread CPU milliseconds of
 * each, and the cost of the polls (median against median). The guest's output is discarded.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.verge.bench.programs.PollCost ROUNDS
 * MODULE [ARGS...]} (the first round of each is warm-up and not counted).
 */
public final class PollCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PollCost() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PollCost ROUNDS MODULE [ARGS...]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        Path module = Path.of(args[1]);
        List<String> guestArgs = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        guestArgs.set(0, module.getFileName().toString());
        WasmModule decoded = ModuleDecoder.decode(Files.readAllBytes(module));
        CompiledModule polled = new Engine().compile(decoded);
        CompiledModule unpolled = new Engine(EngineConfig.DEFAULT.withInterruptible(false)).compile(decoded);
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            // Alternate which goes first, so neither always runs right after a collection.
            boolean polledFirst = round % 2 == 0;
            double a = run(polledFirst ? polled : unpolled, guestArgs);
            double b = run(polledFirst ? unpolled : polled, guestArgs);
            if (round > 0) {
                on.add(polledFirst ? a : b);
                off.add(polledFirst ? b : a);
            }
        }
        on.sort(null);
        off.sort(null);
        double medianOn = on.get(on.size() / 2);
        double medianOff = off.get(off.size() / 2);
        System.out.printf("%s: polls on %.0f ms (min %.0f), off %.0f ms (min %.0f), cost %+.0f%%%n",
                module.getFileName(), medianOn, on.getFirst(), medianOff, off.getFirst(), 100 * (medianOn / medianOff - 1));
    }

    /** Runs the program once on a fresh instance; returns the main thread's CPU milliseconds. */
    private static double run(CompiledModule compiled, List<String> guestArgs) {
        Linker linker = new Linker();
        Wasi wasi = Wasi.addTo(linker, WasiConfig.builder().args(guestArgs)
                .stdout(OutputStream.nullOutputStream()).stderr(OutputStream.nullOutputStream()).build());
        try {
            Instance instance = linker.instantiate(compiled);
            long start = THREADS.getCurrentThreadCpuTime();
            Wasi.runStart(instance);
            return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        } finally {
            wasi.close();
        }
    }
}
