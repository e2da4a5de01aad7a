package dev.verge.bench.jmh;

import dev.verge.bench.gen.ModuleGenerator;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;

/**
 * The {@link DecodeValidateBenchmark} measurement in CPU time of the measuring thread instead of
 * wall-clock time, for machines shared with other work, where JMH's wall-clock figures mostly
 * measure the other work. Prints the median MB per CPU-second of decode, validate, and both.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.verge.bench.jmh.DecodeValidateCpuTime
 * [ROUNDS]}.
 */
public final class DecodeValidateCpuTime {
    private DecodeValidateCpuTime() {}

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        byte[] bytes = ModuleGenerator.generate(ModuleGenerator.LARGE_MODULE_FUNCTIONS, 1).bytes();
        WasmModule decoded = ModuleDecoder.decode(bytes);
        System.out.printf("module: %.1f MB; %d rounds after %d warm-up rounds; MB per CPU-second%n",
                bytes.length / 1e6, rounds, rounds);
        report("decode", bytes.length, rounds, () -> ModuleDecoder.decode(bytes));
        report("validate", bytes.length, rounds, () -> Validator.validate(decoded));
        report("decode + validate", bytes.length, rounds, () -> Validator.validate(ModuleDecoder.decode(bytes)));
    }

    private static void report(String name, int size, int rounds, CpuTimer.Work work) throws Throwable {
        CpuTimer.Timings t = CpuTimer.time(rounds, new CpuTimer.Measured(name, size / 1e6, work));
        System.out.printf("%-18s median %6.1f MB/s (min %.1f, max %.1f)%n", name, t.medianRate(), 1e9 / t.max(), 1e9 / t.min());
    }
}
