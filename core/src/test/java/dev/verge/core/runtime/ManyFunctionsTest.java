package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.compile.ModuleCompiler;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Modules with more functions than one JVM class's constant pool can name (about 20,000) compile
 * to several hidden classes, and every way of calling works across them: direct calls, imports,
 * {@code call_indirect}, serialization, and trap backtraces.
 */
class ManyFunctionsTest {
    private static final FuncType VOID_TO_I32 = sig(List.of(), List.of(I32));

    /** Runs {@code body} on a thread with a stack deep enough for tens of thousands of guest frames. */
    private static Object[] onDeepStack(java.util.function.Supplier<Object[]> body) throws InterruptedException {
        AtomicReference<Object[]> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(body.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "deep", 1L << 30);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    /** The fast path: a module that obviously fits one class is one class, as before partitioning existed. */
    @Test
    void smallModuleIsOneClass() {
        assumeTrue(System.getProperty("verge.compile.classBudget") == null, "the class budget knob is set");
        ModuleFixture m = new ModuleFixture();
        for (int i = 0; i < 1000; i++) {
            int next = i + 1;
            m.func(VOID_TO_I32, c -> {
                if (next < 1000) {
                    c.index(CALL, next);
                } else {
                    c.i32Const(3);
                }
            });
        }
        CompiledModule compiled = m.exportFunction("main", 0).compile();
        assertEquals(1, compiled.codeClasses().size());
        assertArrayEquals(new Object[] {3}, new Linker().instantiate(compiled).function("main").call());
    }

    @Test
    void chainOf40000FunctionsEachCallingTheNext() throws InterruptedException {
        int n = 40_000;
        ModuleFixture m = new ModuleFixture();
        for (int i = 0; i < n; i++) {
            int next = i + 1;
            m.func(VOID_TO_I32, c -> {
                if (next < n) {
                    c.index(CALL, next);
                    c.i32Const(1);
                    c.op(I32_ADD);
                } else {
                    c.i32Const(7);
                }
            });
        }
        CompiledModule compiled = m.exportFunction("main", 0).compile();
        assertTrue(compiled.codeClasses().size() > 1, "one class holds 40,000 called functions: " + compiled.codeClasses().size());
        Instance instance = new Linker().instantiate(compiled);
        assertArrayEquals(new Object[] {7 + n - 1}, onDeepStack(() -> instance.function("main").call()));
    }

    /** 100,000 functions calling each other as a binary tree: each counts itself and its children's subtrees. */
    @Test
    void moduleOf100000Functions() {
        int n = 100_000;
        CompiledModule compiled = tree(n).exportFunction("sum", 0).compile();
        assertTrue(compiled.codeClasses().size() > 2, "classes: " + compiled.codeClasses().size());
        assertArrayEquals(new Object[] {(long) n}, new Linker().instantiate(compiled).function("sum").call());
    }

    /**
     * With a budget no pool can hold, the estimate puts everything in one class: the builder finds
     * the overflow itself (the one-class attempt fills past its watermark; the planned class
     * overflows while its names are reserved) and splits until every class fits.
     */
    @Test
    void classWhosePoolOverflowsIsSplitByTheBuilder() {
        int n = 25_000;
        WasmModule module = tree(n).exportFunction("sum", 0).build();
        List<ModuleCompiler.GeneratedClass> classes = ModuleCompiler.generate(module, EngineConfig.DEFAULT,
                Validation.driver(Validator.validate(module)), ClassDesc.of("dev.verge.core.runtime.WasmCode"), 1_000_000);
        assertTrue(classes.size() >= 2, "classes: " + classes.size());
        CompiledModule compiled = new Engine().deserialize(ModuleArtifact.write(EngineConfig.DEFAULT, ModuleEncoder.encode(module), classes));
        assertArrayEquals(new Object[] {(long) n}, new Linker().instantiate(compiled).function("sum").call());
    }

    private static ModuleFixture tree(int n) {
        ModuleFixture m = new ModuleFixture();
        FuncType type = sig(List.of(), List.of(I64));
        for (int i = 0; i < n; i++) {
            int index = i;
            m.func(type, c -> {
                c.i64Const(1);
                for (int child = 2 * index + 1; child <= 2 * index + 2 && child < n; child++) {
                    c.index(CALL, child);
                    c.op(I64_ADD);
                }
            });
        }
        return m;
    }

    /**
     * More distinct callees than a class's pool can name: those past the budget are called by
     * index through a bridge, also with several results and with parameters beyond the JVM's 255
     * slots (the last two callees).
     */
    @Test
    void oneFunctionCalling40000DistinctFunctions() {
        int n = 40_000;
        int wideParams = 130; // 260 slots
        ModuleFixture m = new ModuleFixture();
        int pair = n + 1;
        int wide = n + 2;
        int caller = m.func(VOID_TO_I32, c -> {
            c.i32Const(0);
            for (int i = 1; i <= n; i++) {
                c.index(CALL, i);
                c.op(I32_ADD);
            }
            c.i64Const(1);
            c.index(CALL, pair);
            c.op(I32_ADD);
            c.op(I32_ADD);
            for (int i = 0; i < wideParams; i++) {
                c.i64Const(i);
            }
            c.index(CALL, wide);
            c.op(I32_ADD);
        });
        for (int i = 1; i <= n; i++) {
            int value = i;
            m.func(VOID_TO_I32, c -> c.i32Const(value));
        }
        // pair(x) = (x + 4, 6); wide(p0..p129) = p129
        assertEquals(pair, m.func(sig(List.of(I64), List.of(I32, I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.op(I32_WRAP_I64);
            c.i32Const(4);
            c.op(I32_ADD);
            c.i32Const(6);
        }));
        assertEquals(wide, m.func(sig(java.util.Collections.nCopies(wideParams, I64), List.of(I32)), c -> {
            c.index(LOCAL_GET, wideParams - 1);
            c.op(I32_WRAP_I64);
        }));
        Instance instance = m.exportFunction("sum", caller).instantiate();
        assertArrayEquals(new Object[] {n * (n + 1) / 2 + 5 + 6 + wideParams - 1}, instance.function("sum").call());
    }

    /** Fillers between the functions under test, so that those land in different classes (about 13,000 fillers each). */
    private static final int FILLER = 20_000;

    /**
     * A module whose functions under test are spread over its classes: {@code first} and the
     * {@code trapper} in the first class with the import, {@code viaTable} in a middle one,
     * {@code last}, {@code callImport} and {@code trap} in the last; they call each other directly,
     * through the import and through a table.
     */
    private static ModuleFixture spread() {
        ModuleFixture m = new ModuleFixture();
        FuncType i32ToI32 = sig(List.of(I32), List.of(I32));
        int tableType = m.type(i32ToI32);
        int imported = m.importFunction("env", "twice", i32ToI32);
        int first = 1;
        int trapper = 2;
        int fillersA = 3;
        int viaTable = fillersA + FILLER;
        int last = viaTable + 1 + FILLER;
        // first(x) = twice(x) + 5
        assertEquals(first, m.func(i32ToI32, c -> {
            c.index(LOCAL_GET, 0);
            c.index(CALL, imported);
            c.index(CALL, fillersA + 5);
            c.op(I32_ADD);
        }));
        assertEquals(trapper, m.func(i32ToI32, c -> c.op(UNREACHABLE)));
        for (int i = 0; i < FILLER; i++) {
            int value = i;
            m.func(VOID_TO_I32, c -> c.i32Const(value));
        }
        // viaTable(element, x) = table[element](x)
        assertEquals(viaTable, m.func(sig(List.of(I32, I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 0);
            c.index2(CALL_INDIRECT, tableType, 0);
        }));
        for (int i = 0; i < FILLER; i++) {
            m.func(VOID_TO_I32, c -> c.i32Const(0));
        }
        // last(x) = twice(x) + 1000 + (FILLER - 1)
        assertEquals(last, m.func(i32ToI32, c -> {
            c.index(LOCAL_GET, 0);
            c.index(CALL, imported);
            c.i32Const(1000);
            c.op(I32_ADD);
            c.index(CALL, fillersA + FILLER - 1);
            c.op(I32_ADD);
        }));
        // callImport(x) = twice(x) + table[1](x)
        int callImport = m.func(i32ToI32, c -> {
            c.index(LOCAL_GET, 0);
            c.index(CALL, imported);
            c.index(LOCAL_GET, 0);
            c.i32Const(1);
            c.index2(CALL_INDIRECT, tableType, 0);
            c.op(I32_ADD);
        });
        int trap = m.func(VOID_TO_I32, c -> {
            c.i32Const(3);
            c.i32Const(0);
            c.index(CALL, viaTable);
        });
        m.table(new TableType(RefType.FUNCREF, new Limits(4, 4)), null);
        m.activeElements(0, 0, List.of(first, last, imported, trapper));
        m.exportFunction("viaTable", viaTable).exportFunction("callImport", callImport).exportFunction("first", first).exportFunction("trap", trap);
        m.name(trapper, "trapper").name(viaTable, "viaTable").name(trap, "trap");
        return m;
    }

    private static Linker env() {
        return new Linker().defineFunction("env", "twice", sig(List.of(I32), List.of(I32)), (caller, args) -> new Object[] {2 * (Integer) args[0]});
    }

    private static void assertSpreadWorks(CompiledModule compiled) {
        Instance instance = env().instantiate(compiled);
        // Table element 0 is first, 1 is last, 2 the import itself.
        assertArrayEquals(new Object[] {2 * 3 + 5}, instance.function("viaTable").call(0, 3));
        assertArrayEquals(new Object[] {2 * 3 + 1000 + FILLER - 1}, instance.function("viaTable").call(1, 3));
        assertArrayEquals(new Object[] {6}, instance.function("viaTable").call(2, 3));
        assertArrayEquals(new Object[] {2 * 4 + 1000 + FILLER - 1 + 2 * 4}, instance.function("callImport").call(4));
        assertArrayEquals(new Object[] {2 * 4 + 5}, instance.function("first").call(4));
        Trap trap = assertThrows(Trap.class, () -> instance.function("trap").call());
        assertEquals(TrapKind.UNREACHABLE, trap.kind());
        assertEquals(List.of("trapper", "viaTable", "trap"), trap.backtrace().stream().map(Trap.Frame::name).toList());
    }

    @Test
    void importsTablesAndTrapsAcrossClasses() {
        CompiledModule compiled = spread().compile();
        assertTrue(compiled.codeClasses().size() >= 3, "classes: " + compiled.codeClasses().size());
        assertSpreadWorks(compiled);
    }

    /** {@code viaTable}'s bridge switches over {@code first}, of another class, with the call site its class names it by. */
    @Test
    void indirectBridgeCallsOtherClassesFunctionsDirectly() {
        WasmModule module = spread().build();
        List<String> direct = new ArrayList<>();
        for (ModuleCompiler.GeneratedClass c : ModuleCompiler.generate(module, EngineConfig.DEFAULT, Validation.driver(Validator.validate(module)),
                ClassDesc.of("dev.verge.core.runtime.WasmCode"))) {
            for (MethodModel m : ClassFile.of().parse(c.bytes()).methods()) {
                if (m.methodName().stringValue().startsWith("ci")) {
                    for (CodeElement e : m.code().orElseThrow()) {
                        if (e instanceof InvokeDynamicInstruction call) {
                            direct.add(call.name().stringValue());
                        }
                    }
                }
            }
        }
        assertTrue(direct.contains("f1"), "indirect bridges' cross-class calls: " + direct);
    }

    @Test
    void multiClassModuleSurvivesSerialization() {
        CompiledModule compiled = spread().compile();
        byte[] bytes = compiled.serialize();
        CompiledModule loaded = new Engine().deserialize(bytes);
        assertEquals(compiled.codeClasses().size(), loaded.codeClasses().size());
        assertSpreadWorks(loaded);
    }
}
