package dev.verge.bench.jmh;

import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.text.Wat;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a call to a function of another instance costs: the calls compiled code makes through a
 * function's method handle rather than {@code invokestatic}. {@code app} imports {@code $far} from
 * {@code lib} and calls it in a loop of {@value #CALLS} calls, either as an import (its import
 * bridge) or through {@code call_indirect} on a table holding it (the indirect bridge's switch
 * covers only the caller's own functions, so this takes the slow path: the callee's handle, made
 * on first use, then {@code invokeExact}). Scores are nanoseconds per call.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar OtherInstanceCallBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OtherInstanceCallBenchmark {
    static final int CALLS = 1_000_000;

    private static final String LIB = """
            (module
              (func (export "far") (param i32) (result i32)
                (i32.add (i32.mul (local.get 0) (i32.const 31)) (i32.const 7))))
            """;

    static String app() {
        return "(module\n(type $t (func (param i32) (result i32)))\n(import \"lib\" \"far\" (func $far (type $t)))\n"
                + "(table 1 funcref)\n(elem (i32.const 0) $far)\n"
                + CallLoops.loop("imported", "(call $far (local.get $x))")
                + CallLoops.loop("indirect", "(call_indirect (type $t) (local.get $x) (i32.const 0))")
                + ")\n";
    }

    private MethodHandle importedLoop;
    private MethodHandle indirectLoop;

    @Setup
    public void instantiate() {
        Engine engine = new Engine();
        Instance lib = new Linker().instantiate(engine.compile(Wat.toBinary(LIB)));
        Instance app = new Linker().defineInstance("lib", lib).instantiate(engine.compile(Wat.toBinary(app())));
        importedLoop = app.function("imported").handle();
        indirectLoop = app.function("indirect").handle();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int imported() throws Throwable {
        return (int) importedLoop.invokeExact(CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int indirect() throws Throwable {
        return (int) indirectLoop.invokeExact(CALLS);
    }
}
