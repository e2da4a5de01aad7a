package dev.verge.bench.jmh;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.binary.WasmWriter;
import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Limits;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SubType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SIMD loops of {@value #N} iterations, to check that compiled {@code v128} code does not
 * allocate: run with {@code -prof gc} and read {@code gc.alloc.rate.norm} (bytes per call; 0 means
 * escape analysis removed every {@code V128}). Each loop carries a vector accumulator in a local
 * across the back edge, the case C2 cannot scalar-replace when the local is a reference.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SimdLoopBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimdLoopBenchmark {
    static final int N = 4096;

    private MethodHandle addLoop;
    private MethodHandle dotLoop;
    private MethodHandle shuffleLoop;

    @Setup
    public void compile() {
        Instance instance = new Linker().instantiate(new Engine().compile(module()));
        addLoop = instance.function("addLoop").handle();
        dotLoop = instance.function("dotLoop").handle();
        shuffleLoop = instance.function("shuffleLoop").handle();
    }

    /** {@code acc = i32x4.add(acc, i32x4.splat(i))}. */
    @Benchmark
    public Object i32x4AddAccumulate() throws Throwable {
        return addLoop.invoke(N);
    }

    /** {@code acc = f32x4.add(acc, f32x4.mul(v128.load(p), v128.load(p + 16)))}: a dot product. */
    @Benchmark
    public Object f32x4DotProduct() throws Throwable {
        return dotLoop.invoke(N);
    }

    /** {@code acc = i8x16.narrow_i16x8_s(i8x16.shuffle(acc, acc), splat(i))}: helpers with lane loops. */
    @Benchmark
    public Object shuffleNarrow() throws Throwable {
        return shuffleLoop.invoke(N);
    }

    // ---- the module: three (param n i32) (result v128) loops with locals acc v128, i i32, p i32 ----

    private static final int N_PARAM = 0;
    private static final int ACC = 1;
    private static final int I = 2;
    private static final int P = 3;

    static WasmModule module() {
        FuncType loopType = new FuncType(List.of(ValType.I32), List.of(ValType.V128));
        List<Locals> locals = List.of(new Locals(1, ValType.V128), new Locals(2, ValType.I32));
        List<FunctionBody> codes = List.of(
                new FunctionBody(locals, loop(c -> {
                    c.index(Op.LOCAL_GET, ACC);
                    c.index(Op.LOCAL_GET, I);
                    c.op(Op.I32X4_SPLAT);
                    c.op(Op.I32X4_ADD);
                })),
                new FunctionBody(locals, loop(c -> {
                    c.index(Op.LOCAL_GET, I);
                    c.i32Const(1023);
                    c.op(Op.I32_AND);
                    c.i32Const(4);
                    c.op(Op.I32_SHL);
                    c.index(Op.LOCAL_SET, P);
                    c.index(Op.LOCAL_GET, ACC);
                    c.index(Op.LOCAL_GET, P);
                    c.memory(Op.V128_LOAD, 4, 0, 0);
                    c.index(Op.LOCAL_GET, P);
                    c.memory(Op.V128_LOAD, 4, 16, 0);
                    c.op(Op.F32X4_MUL);
                    c.op(Op.F32X4_ADD);
                })),
                new FunctionBody(locals, loop(c -> {
                    c.index(Op.LOCAL_GET, ACC);
                    c.index(Op.LOCAL_GET, ACC);
                    c.shuffle(new byte[] {15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
                    c.index(Op.LOCAL_GET, I);
                    c.op(Op.I16X8_SPLAT);
                    c.op(Op.I8X16_NARROW_I16X8_S);
                })));
        List<Export> exports = List.of(
                new Export("addLoop", ExternKind.FUNC, 0),
                new Export("dotLoop", ExternKind.FUNC, 1),
                new Export("shuffleLoop", ExternKind.FUNC, 2));
        return new WasmModule(List.of(SubType.of(loopType)), List.of(), List.of(0, 0, 0), List.of(),
                List.of(new MemoryType(new Limits(1, 1))), List.of(), exports, -1, List.of(), -1, codes, List.of(),
                List.of(), new NameSection(null, Map.of(), Map.of()));
    }

    /** {@code loop { acc = <step>; i++; br_if i < n } acc}. */
    private static Expr loop(Consumer<CodeWriter> step) {
        WasmWriter w = new WasmWriter();
        CodeWriter c = new CodeWriter(w);
        c.block(Op.LOOP, BlockType.EMPTY);
        step.accept(c);
        c.index(Op.LOCAL_SET, ACC);
        c.index(Op.LOCAL_GET, I);
        c.i32Const(1);
        c.op(Op.I32_ADD);
        c.index(Op.LOCAL_TEE, I);
        c.index(Op.LOCAL_GET, N_PARAM);
        c.op(Op.I32_LT_S);
        c.branch(Op.BR_IF, 0);
        c.op(Op.END);
        c.index(Op.LOCAL_GET, ACC);
        c.op(Op.END);
        return new Expr(Bytes.copyOf(w.toByteArray()), 0);
    }
}
