package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.compile.MethodSizes;
import dev.verge.core.compile.ModuleCompiler;
import dev.verge.core.instr.BlockType;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import java.lang.constant.ClassDesc;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Compiled code keeps memory 0's flat array in a JVM local, and the memory replaces that array when
 * it grows or when a write goes past its lazily backed prefix. Each test runs a function that
 * stores at 16, then does something that replaces the array and writes 9 at 24 through the new
 * one, then stores at 20 and loads 24: with a stale array the store at 20 would be lost and the
 * load would read 0. The "something" is every way the array can be replaced: growth and far
 * writes in a callee (direct, indirect, host), in the function itself (grow, bulk operations,
 * scalar and vector stores), inside a loop, in a split function, and with the paged
 * representation (from the start, or reached by growing past the flat limit).
 */
class MemoryArrayReloadTest {
    /** 32 pages: more than {@link Memory#SMALL_IN_FULL}, so backed lazily (a short prefix). */
    private static final MemoryType LAZY = new MemoryType(new Limits(32, Limits.NO_MAX));
    /** An address past the lazy prefix the test's first stores create. */
    private static final int FAR = 20 << 16;
    /** Pages to grow by: past {@link Memory#LAZY_LIMIT}, so growth allocates a new array in full. */
    private static final int GROWTH = 300;
    private static final FuncType VOID = sig(List.of(), List.of());

    /** The functions a test's trigger can call. */
    record Callees(int grower, int farWriter, int host, int voidType) {}

    private static void store(CodeWriter c, int address, int value) {
        c.i32Const(address);
        c.i32Const(value);
        c.memory(I32_STORE, 2, 0, 0);
    }

    /**
     * A module whose export {@code run} stores 1 at 16, runs {@code trigger}, stores 2 at 20 and
     * returns the i32 at 24; the trigger must leave 9 at 24.
     */
    private static ModuleFixture module(BiConsumer<CodeWriter, Callees> trigger) {
        return module(List.of(), trigger);
    }

    /** {@link #module(BiConsumer)} with {@code run} declaring {@code locals}. */
    private static ModuleFixture module(List<ValType> locals, BiConsumer<CodeWriter, Callees> trigger) {
        ModuleFixture m = new ModuleFixture();
        int host = m.importFunction("env", "replace", VOID);
        m.memory(LAZY, "mem");
        m.table(new TableType(RefType.FUNCREF, new Limits(2, 2)), null);
        m.passiveData(new byte[] {1, 2, 3, 4});
        // Backs the start of the memory before any code runs: run starts with a non-empty array.
        m.activeData(0, 0, new byte[] {42});
        int grower = m.func(VOID, c -> {
            c.i32Const(GROWTH);
            c.index(MEMORY_GROW, 0);
            c.op(DROP);
            store(c, 24, 9);
        });
        int farWriter = m.func(VOID, c -> {
            store(c, FAR, 5);
            store(c, 24, 9);
        });
        m.activeElements(0, 0, List.of(grower, farWriter));
        Callees callees = new Callees(grower, farWriter, host, m.type(VOID));
        int run = m.func(sig(List.of(), List.of(I32)), locals, c -> {
            store(c, 16, 1);
            trigger.accept(c, callees);
            store(c, 20, 2);
            c.i32Const(24);
            c.memory(I32_LOAD, 2, 0, 0);
        });
        return m.exportFunction("run", run);
    }

    /** The host function: grows the caller's memory and writes 9 at 24, as a WASI call might. */
    private static Linker linker() {
        return new Linker().defineFunction("env", "replace", VOID, (caller, args) -> {
            Memory mem = caller.memory("mem");
            mem.grow(GROWTH);
            mem.writeI32(24, 9);
            return new Object[0];
        });
    }

    private static Memory runAndCheck(ModuleFixture m, EngineConfig config) {
        Instance i = linker().instantiate(new Engine(config).compile(m.build()));
        assertArrayEquals(new Object[] {9}, i.function("run").call(), "the value written after the array was replaced");
        Memory mem = i.memory("mem");
        assertEquals(1, mem.readI32(16));
        assertEquals(2, mem.readI32(20), "the store after the array was replaced");
        return mem;
    }

    private static void check(BiConsumer<CodeWriter, Callees> trigger) {
        runAndCheck(module(trigger), EngineConfig.DEFAULT);
        Memory paged = runAndCheck(module(trigger), EngineConfig.DEFAULT.withPagedMemory(true));
        assertTrue(paged.isPaged());
    }

    @Test
    void growInACallee() {
        check((c, f) -> c.index(CALL, f.grower()));
    }

    @Test
    void farWriteInACallee() {
        check((c, f) -> c.index(CALL, f.farWriter()));
    }

    @Test
    void growInAHostFunction() {
        check((c, f) -> c.index(CALL, f.host()));
    }

    @Test
    void growAndFarWriteInIndirectCalls() {
        check((c, f) -> {
            c.i32Const(0);
            c.index2(CALL_INDIRECT, f.voidType(), 0);
            c.i32Const(1);
            c.index2(CALL_INDIRECT, f.voidType(), 0);
        });
    }

    @Test
    void growInTheFunctionItself() {
        check((c, f) -> {
            c.i32Const(GROWTH);
            c.index(MEMORY_GROW, 0);
            c.op(DROP);
            store(c, 24, 9);
        });
    }

    @Test
    void farStoreInTheFunctionItself() {
        check((c, f) -> {
            store(c, FAR, 5);
            store(c, 24, 9);
        });
    }

    @Test
    void farVectorStore() {
        check((c, f) -> {
            c.i32Const(FAR);
            c.v128Const(1, 2);
            c.memory(V128_STORE, 4, 0, 0);
            store(c, 24, 9);
        });
    }

    @Test
    void farFillCopyAndInit() {
        check((c, f) -> {
            c.i32Const(FAR);
            c.i32Const(7);
            c.i32Const(4);
            c.index(MEMORY_FILL, 0);
            store(c, 24, 9);
        });
        check((c, f) -> {
            store(c, 24, 9);
            c.i32Const(FAR);
            c.i32Const(16);
            c.i32Const(4);
            c.index2(MEMORY_COPY, 0, 0);
        });
        check((c, f) -> {
            store(c, 24, 9);
            c.i32Const(FAR);
            c.i32Const(0);
            c.i32Const(4);
            c.index2(MEMORY_INIT, 0, 0);
        });
    }

    /**
     * A loop storing i at 100 + 4i for i = 0..9 calls the grower at i = 5: the stores after it go
     * to the new array.
     */
    @Test
    void growInsideALoop() {
        ModuleFixture m = module(List.of(I32), (c, f) -> {
            int i = 0;
            c.block(LOOP, BlockType.EMPTY);
            c.index(LOCAL_GET, i);
            c.i32Const(4);
            c.op(I32_MUL);
            c.index(LOCAL_GET, i);
            c.memory(I32_STORE, 2, 100, 0);
            c.index(LOCAL_GET, i);
            c.i32Const(5);
            c.op(I32_EQ);
            c.block(IF, BlockType.EMPTY);
            c.index(CALL, f.grower());
            c.op(END);
            c.index(LOCAL_GET, i);
            c.i32Const(1);
            c.op(I32_ADD);
            c.index(LOCAL_TEE, i);
            c.i32Const(10);
            c.op(I32_LT_U);
            c.branch(BR_IF, 0);
            c.op(END);
        });
        for (EngineConfig config : List.of(EngineConfig.DEFAULT, EngineConfig.DEFAULT.withPagedMemory(true))) {
            Memory mem = runAndCheck(m, config);
            for (int k = 0; k < 10; k++) {
                assertEquals(k, mem.readI32(100 + 4 * k), "the store of iteration " + k);
            }
        }
    }

    /** The grower is called in the then-arm of an if whose else-arm accesses memory: the end merges both. */
    @Test
    void growInOneArmOfAnIfElse() {
        check((c, f) -> {
            c.i32Const(1);
            c.block(IF, BlockType.EMPTY);
            c.index(CALL, f.grower());
            c.op(ELSE);
            store(c, 28, 3);
            c.op(END);
        });
    }

    /**
     * The grower runs before an if without else whose arm accesses memory: when the condition is
     * false, the array at the end is the one from before the if, still stale.
     */
    @Test
    void growBeforeAnIfWithoutElse() {
        check((c, f) -> {
            c.index(CALL, f.grower());
            c.i32Const(0);
            c.block(IF, BlockType.EMPTY);
            store(c, 28, 3);
            c.op(END);
        });
    }

    /** The grower runs in a block left by a br_if (taken) before an access that reloads the array. */
    @Test
    void growThenBranchOutOfABlock() {
        check((c, f) -> {
            c.block(BLOCK, BlockType.EMPTY);
            c.index(CALL, f.grower());
            c.i32Const(1);
            c.branch(BR_IF, 0);
            store(c, 28, 3);
            c.op(END);
        });
        check((c, f) -> {
            c.block(BLOCK, BlockType.EMPTY);
            c.block(BLOCK, BlockType.EMPTY);
            c.index(CALL, f.grower());
            c.i32Const(1);
            c.brTable(new int[] {0}, 1);
            c.op(END);
            store(c, 28, 3);
            c.op(END);
        });
    }

    /**
     * A loop whose body calls the grower before its back-edge (a br_table) and stores at its top:
     * the header must see the new array.
     */
    @Test
    void growBeforeABrTableBackEdge() {
        ModuleFixture m = module(List.of(I32), (c, f) -> {
            int i = 0;
            c.block(BLOCK, BlockType.EMPTY);
            c.block(LOOP, BlockType.EMPTY);
            c.index(LOCAL_GET, i);
            c.i32Const(4);
            c.op(I32_MUL);
            c.index(LOCAL_GET, i);
            c.memory(I32_STORE, 2, 100, 0);
            c.index(CALL, f.farWriter());
            c.index(LOCAL_GET, i);
            c.i32Const(1);
            c.op(I32_ADD);
            c.index(LOCAL_TEE, i);
            c.i32Const(3);
            c.op(I32_LT_U);
            // While i < 3 the default (label 0) goes back to the loop, else label 1 leaves the block.
            c.brTable(new int[] {1}, 0);
            c.op(END);
            c.op(END);
            c.index(CALL, f.grower());
        });
        Memory mem = runAndCheck(m, EngineConfig.DEFAULT);
        for (int k = 0; k < 3; k++) {
            assertEquals(k, mem.readI32(100 + 4 * k), "the store of iteration " + k);
        }
    }

    /** The same with an unconditional br back to the loop, from inside an if. */
    @Test
    void growBeforeABrBackEdge() {
        ModuleFixture m = module(List.of(I32), (c, f) -> {
            int i = 0;
            c.block(LOOP, BlockType.EMPTY);
            c.index(LOCAL_GET, i);
            c.i32Const(4);
            c.op(I32_MUL);
            c.index(LOCAL_GET, i);
            c.memory(I32_STORE, 2, 100, 0);
            c.index(CALL, f.farWriter());
            c.index(LOCAL_GET, i);
            c.i32Const(1);
            c.op(I32_ADD);
            c.index(LOCAL_TEE, i);
            c.i32Const(3);
            c.op(I32_LT_U);
            c.block(IF, BlockType.EMPTY);
            c.branch(BR, 1);
            c.op(END);
            c.op(END);
            c.index(CALL, f.grower());
        });
        Memory mem = runAndCheck(m, EngineConfig.DEFAULT);
        for (int k = 0; k < 3; k++) {
            assertEquals(k, mem.readI32(100 + 4 * k), "the store of iteration " + k);
        }
    }

    /**
     * A flat memory that grows past {@link EngineConfig#BYTE_ARRAY_PAGE_LIMIT} becomes paged: its
     * flat array becomes empty, and the store after the growth must go to the pages.
     */
    @Test
    void growFromFlatToPaged() {
        Memory mem = runAndCheck(module((c, f) -> {
            c.i32Const((int) EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
            c.index(MEMORY_GROW, 0);
            c.op(DROP);
            store(c, 24, 9);
        }), EngineConfig.DEFAULT);
        assertTrue(mem.isPaged());
    }

    /**
     * A function far too large for one method is split into pieces, each a method with its own
     * copy of the array: the grower is called in the middle, and the stores before and after it
     * (in other pieces and in the calling method) must all land.
     */
    @Test
    void growInASplitFunction() {
        int statements = 3_000;
        ModuleFixture m = module((c, f) -> {
            for (int k = 0; k < statements; k++) {
                if (k == statements / 2) {
                    c.index(CALL, f.grower());
                }
                store(c, 1000 + 4 * k, k);
            }
        });
        WasmModule module = m.build();
        List<ModuleCompiler.GeneratedClass> classes = ModuleCompiler.generate(module, EngineConfig.DEFAULT,
                Validation.driver(Validator.validate(module)), ClassDesc.of("dev.verge.core.runtime.WasmCode"));
        assertTrue(classes.stream().anyMatch(c -> MethodSizes.of(c.bytes()).keySet().stream().anyMatch(name -> name.contains("$"))),
                "the function was split");
        for (EngineConfig config : List.of(EngineConfig.DEFAULT, EngineConfig.DEFAULT.withPagedMemory(true))) {
            Memory mem = runAndCheck(m, config);
            for (int k = 0; k < statements; k++) {
                assertEquals(k, mem.readI32(1000 + 4 * k), "statement " + k);
            }
        }
    }

    /** A read never replaces the flat array (compiled loads rely on it): past the prefix it reads zeros. */
    @Test
    void readsPastTheLazyPrefixReadZerosAndKeepTheArray() {
        Memory mem = new Memory(LAZY);
        mem.writeI8(0, (byte) 1);
        byte[] before = mem.bytes;
        long committed = mem.committedBytes();
        assertEquals(0, mem.readI64(FAR));
        assertEquals(0, mem.readI8(FAR));
        assertEquals(1, mem.readI64(0) & 0xFF);
        // A read straddling the end of the prefix takes its low bytes from the prefix.
        mem.writeI8(committed - 1, (byte) 0x7F);
        assertEquals(0x7F, mem.readI32(committed - 1));
        assertEquals(0x7F, mem.readI16(committed - 1));
        assertTrue(before == mem.bytes, "the array was not replaced");
        assertEquals(committed, mem.committedBytes());
    }
}
