package dev.verge.bench.programs;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.validate.Validator;
import dev.verge.wasi.Wasi;
import dev.verge.wasi.WasiConfig;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where Verge's time goes on one WASI program: JVM start-up, decode, validate, compile, instantiate
 * and the run itself, then the same run again on a fresh instance of the same compiled module
 * (warm JIT). Prints one line per phase on stderr, with wall-clock and main-thread CPU
 * milliseconds; the guest's output goes to stdout, written straight to the file descriptor as
 * {@code verge run} does. {@code --dir HOST::GUEST} preopens a directory (for I/O benchmarks).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.verge.bench.programs.VergePhases
 * [--runs N] [--dir HOST::GUEST] [--no-poll] MODULE [ARGS...]}: {@code --no-poll} compiles
 * without the interruption polls, to measure what they cost.
 */
public final class VergePhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long wall;
    private static long cpu;

    private VergePhases() {}

    public static void main(String[] args) throws IOException {
        int runs = 2;
        int first = 0;
        String dir = null;
        EngineConfig engineConfig = EngineConfig.DEFAULT;
        while (args.length > first + 1 && args[first].startsWith("--")) {
            if (args[first].equals("--no-poll")) {
                engineConfig = engineConfig.withInterruptible(false);
                first++;
                continue;
            }
            switch (args[first]) {
                case "--runs" -> runs = Integer.parseInt(args[first + 1]);
                case "--dir" -> dir = args[first + 1];
                default -> {
                    System.err.println("unknown option " + args[first]);
                    System.exit(2);
                }
            }
            first += 2;
        }
        if (args.length <= first) {
            System.err.println("usage: VergePhases [--runs N] [--dir HOST::GUEST] [--no-poll] MODULE [ARGS...]");
            System.exit(2);
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.printf("%-14s %8d ms wall (JVM start to main)%n", "start-up",
                System.currentTimeMillis() - jvmStart);
        Path module = Path.of(args[first]);
        List<String> guestArgs = Arrays.asList(args).subList(first, args.length);

        mark();
        byte[] bytes = Files.readAllBytes(module);
        WasmModule decoded = ModuleDecoder.decode(bytes);
        report("decode");
        Validator.validate(decoded);
        report("validate");
        // Engine.compile validates again; the validate line above says how much of this is that.
        CompiledModule compiled = new Engine(engineConfig).compile(decoded);
        report("compile");
        for (int run = 1; run <= runs; run++) {
            Linker linker = new Linker();
            WasiConfig.Builder config = WasiConfig.builder()
                    .args(module.getFileName().toString())
                    .args(guestArgs.subList(1, guestArgs.size()))
                    .stdout(new FileOutputStream(FileDescriptor.out))
                    .stderr(OutputStream.nullOutputStream());
            if (dir != null) {
                int sep = dir.indexOf("::");
                config.preopen(Path.of(sep < 0 ? dir : dir.substring(0, sep)), sep < 0 ? dir : dir.substring(sep + 2));
            }
            Wasi wasi = Wasi.addTo(linker, config.build());
            try {
                Instance instance = linker.instantiate(compiled);
                report("instantiate " + run);
                int status = Wasi.runStart(instance);
                report("run " + run + (status == 0 ? "" : " (exit " + status + ")"));
            } finally {
                wasi.close();
            }
        }
    }

    private static void mark() {
        wall = System.nanoTime();
        cpu = THREADS.getCurrentThreadCpuTime();
    }

    private static void report(String phase) {
        long w = System.nanoTime() - wall;
        long c = THREADS.getCurrentThreadCpuTime() - cpu;
        System.err.printf("%-14s %8.1f ms wall %8.1f ms CPU%n", phase, w / 1e6, c / 1e6);
        mark();
    }
}
