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
 * What a call costs when caller and callee are in different hidden classes of one module (a
 * module too large for one class's constant pool is split; calls across classes are
 * {@code invokedynamic} bound to a constant call site) against the same call within one class
 * ({@code invokestatic}). One module of {@value #FILLERS} filler functions, so that it is split:
 * {@code $near} is in the loops' class, {@code $far} (the same code) in the last class. Each
 * benchmark is a loop of {@value #CALLS} calls; scores are nanoseconds per call. The
 * {@code indirect} pair does the same through {@code call_indirect} (a cross-class target is not
 * in the indirect bridge's switch, so it goes through the function's method handle).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar CrossClassCallBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrossClassCallBenchmark {
    static final int CALLS = 1_000_000;
    static final int FILLERS = 30_000;

    private MethodHandle nearLoop;
    private MethodHandle farLoop;
    private MethodHandle indirectNearLoop;
    private MethodHandle indirectFarLoop;

    static String module() {
        String callee = "(param i32) (result i32) (i32.add (i32.mul (local.get 0) (i32.const 31)) (i32.const 7)))\n";
        StringBuilder wat = new StringBuilder("(module\n(type $t (func (param i32) (result i32)))\n(table 2 funcref)\n(elem (i32.const 0) $near $far)\n");
        wat.append("(func $near ").append(callee);
        wat.append(CallLoops.loop("near", "(call $near (local.get $x))"));
        wat.append(CallLoops.loop("far", "(call $far (local.get $x))"));
        wat.append(CallLoops.loop("indirectNear", "(call_indirect (type $t) (local.get $x) (i32.const 0))"));
        wat.append(CallLoops.loop("indirectFar", "(call_indirect (type $t) (local.get $x) (i32.const 1))"));
        for (int i = 0; i < FILLERS; i++) {
            wat.append("(func (result i32) (i32.const ").append(i).append("))\n");
        }
        wat.append("(func $far ").append(callee);
        return wat.append(")\n").toString(); // closes the module
    }

    @Setup
    public void compile() {
        Instance instance = new Linker().instantiate(new Engine().compile(Wat.toBinary(module())));
        nearLoop = instance.function("near").handle();
        farLoop = instance.function("far").handle();
        indirectNearLoop = instance.function("indirectNear").handle();
        indirectFarLoop = instance.function("indirectFar").handle();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int sameClass() throws Throwable {
        return (int) nearLoop.invokeExact(CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int crossClass() throws Throwable {
        return (int) farLoop.invokeExact(CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int indirectSameClass() throws Throwable {
        return (int) indirectNearLoop.invokeExact(CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int indirectCrossClass() throws Throwable {
        return (int) indirectFarLoop.invokeExact(CALLS);
    }
}
