package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.compile.ModuleCompiler;
import dev.verge.core.instr.BlockType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.SerializedModuleException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link CompiledModule#serialize()} and {@link Engine#deserialize}: round trips and every refusal. */
class SerializedModuleTest {
    /**
     * A module touching every part instantiation rebuilds: an imported host function, memory with a
     * data segment, a table with elements and call_indirect, a mutable global, a start function, a
     * loop and names for backtraces.
     */
    private static WasmModule sample() {
        ModuleFixture m = new ModuleFixture();
        int log = m.importFunction("env", "log", sig(List.of(I32), List.of()));
        m.memory(new MemoryType(new Limits(1, 2)), "memory");
        m.activeData(0, 16, new byte[] {5, 6, 7});
        m.global(new GlobalType(I32, true), c -> c.i32Const(100), "counter");
        int seven = m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(7));
        int loadByte = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.memory(I32_LOAD8_U, 0, 16, 0);
        });
        int indirect = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.index2(CALL_INDIRECT, m.type(sig(List.of(), List.of(I32))), 0);
        });
        // sum(n) = n + (n-1) + ... + 1, by a loop.
        int sum = m.func(sig(List.of(I32), List.of(I32)), List.of(I32), c -> {
            c.block(BLOCK, BlockType.EMPTY);
            c.block(LOOP, BlockType.EMPTY);
            c.index(LOCAL_GET, 0);
            c.op(I32_EQZ);
            c.branch(BR_IF, 1);
            c.index(LOCAL_GET, 1);
            c.index(LOCAL_GET, 0);
            c.op(I32_ADD);
            c.index(LOCAL_SET, 1);
            c.index(LOCAL_GET, 0);
            c.i32Const(1);
            c.op(I32_SUB);
            c.index(LOCAL_SET, 0);
            c.branch(BR, 0);
            c.op(END);
            c.op(END);
            c.index(LOCAL_GET, 1);
        });
        int fail = m.func(sig(List.of(), List.of()), c -> c.op(UNREACHABLE));
        int start = m.func(sig(List.of(), List.of()), c -> {
            c.index(GLOBAL_GET, 0);
            c.index(CALL, log);
            c.index(GLOBAL_GET, 0);
            c.i32Const(1);
            c.op(I32_ADD);
            c.index(GLOBAL_SET, 0);
        });
        m.table(new TableType(RefType.FUNCREF, new Limits(2, 2)), null);
        m.activeElements(0, 0, List.of(seven));
        m.name(fail, "fail");
        m.start(start);
        return m.exportFunction("loadByte", loadByte).exportFunction("indirect", indirect).exportFunction("sum", sum)
                .exportFunction("fail", fail).build();
    }

    private static Instance instantiate(CompiledModule module, AtomicInteger logged) {
        return new Linker().defineFunction("env", "log", sig(List.of(I32), List.of()), (caller, args) -> {
            logged.set((Integer) args[0]);
            return null;
        }).instantiate(module);
    }

    @Test
    void aDeserializedModuleRunsLikeTheCompiledOne() {
        byte[] bytes = new Engine().compile(sample()).serialize();
        assertTrue(Engine.isSerialized(bytes));
        CompiledModule loaded = new Engine().deserialize(bytes);

        AtomicInteger logged = new AtomicInteger();
        Instance i = instantiate(loaded, logged);
        assertEquals(100, logged.get(), "the start function ran and called the import");
        assertEquals(101, i.global("counter").get());
        assertArrayEquals(new Object[] {6}, i.function("loadByte").call(1));
        assertArrayEquals(new Object[] {7}, i.function("indirect").call(0));
        assertEquals(TrapKind.UNINITIALIZED_ELEMENT, assertThrows(Trap.class, () -> i.function("indirect").call(1)).kind());
        assertArrayEquals(new Object[] {5050}, i.function("sum").call(100));
        Trap t = assertThrows(Trap.class, () -> i.function("fail").call());
        assertEquals("fail", t.backtrace().get(0).name());
        assertEquals(sample().imports(), loaded.imports());
        assertEquals(sample().exports(), loaded.exports());
    }

    @Test
    void serializingADeserializedModuleGivesTheSameBytes() throws IOException {
        byte[] bytes = new Engine().compile(sample()).serialize();
        assertArrayEquals(bytes, new Engine().deserialize(bytes).serialize());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Engine().deserialize(bytes).serialize(out);
        assertArrayEquals(bytes, out.toByteArray());
    }

    @Test
    void fuelMeteringSurvivesTheRoundTrip() {
        Engine fuel = new Engine(EngineConfig.DEFAULT.withFuel(true));
        CompiledModule loaded = fuel.deserialize(fuel.compile(sample()).serialize());
        Instance i = instantiate(loaded, new AtomicInteger());
        i.setFuel(20);
        assertEquals(TrapKind.OUT_OF_FUEL, assertThrows(Trap.class, () -> i.function("sum").call(1000)).kind());
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] bytes = new Engine().compile(sample()).serialize();
        Engine engine = new Engine();
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            SerializedModuleException e = assertThrows(SerializedModuleException.class, () -> engine.deserialize(cut), "length " + n);
            assertEquals(n < ModuleArtifact.MAGIC.length ? Reason.NOT_SERIALIZED : Reason.TRUNCATED, e.reason(), "length " + n);
        }
    }

    @Test
    void everyFlippedByteIsRefused() {
        byte[] bytes = new Engine().compile(sample()).serialize();
        Engine engine = new Engine();
        for (int at = 0; at < bytes.length; at++) {
            byte[] bad = bytes.clone();
            bad[at] ^= 0x10;
            assertThrows(SerializedModuleException.class, () -> engine.deserialize(bad), "byte " + at);
        }
        byte[] bad = bytes.clone();
        bad[bytes.length / 2] ^= 1;
        SerializedModuleException e = assertThrows(SerializedModuleException.class, () -> engine.deserialize(bad));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] bytes = new Engine().compile(sample()).serialize();
        assertEquals(Reason.CORRUPT, assertThrows(SerializedModuleException.class,
                () -> new Engine().deserialize(Arrays.copyOf(bytes, bytes.length + 1))).reason());
    }

    /** Version 1 held one class file where version 2 holds a list: it must be refused, never misread. */
    @Test
    void formatVersion1IsRefused() {
        byte[] bytes = new Engine().compile(sample()).serialize();
        bytes[ModuleArtifact.MAGIC.length] = 0;
        bytes[ModuleArtifact.MAGIC.length + 1] = 1;
        SerializedModuleException e = assertThrows(SerializedModuleException.class, () -> new Engine().deserialize(bytes));
        assertEquals(Reason.FORMAT_VERSION, e.reason());
        assertTrue(e.getMessage().contains("format version 1, this Verge reads version 2"), e.getMessage());
    }

    @Test
    void classesThatDoNotHoldTheFunctionsInOrderAreRefused() {
        byte[] wasm = ModuleEncoder.encode(sample());
        byte[] classFile = ModuleArtifact.read(EngineConfig.DEFAULT, new Engine().compile(sample()).serialize()).classes().getFirst().bytes();
        for (List<ModuleCompiler.GeneratedClass> classes : List.of(
                List.of(new ModuleCompiler.GeneratedClass(1, classFile)),
                List.of(new ModuleCompiler.GeneratedClass(0, classFile), new ModuleCompiler.GeneratedClass(0, classFile)),
                List.of(new ModuleCompiler.GeneratedClass(0, classFile), new ModuleCompiler.GeneratedClass(1_000, classFile)))) {
            byte[] artifact = ModuleArtifact.write(EngineConfig.DEFAULT, wasm, classes);
            assertEquals(Reason.REJECTED, assertThrows(SerializedModuleException.class, () -> new Engine().deserialize(artifact)).reason());
        }
    }

    @Test
    void anotherFormatVersionIsRefused() {
        byte[] bytes = new Engine().compile(sample()).serialize();
        bytes[ModuleArtifact.MAGIC.length + 1]++;
        SerializedModuleException e = assertThrows(SerializedModuleException.class, () -> new Engine().deserialize(bytes));
        assertEquals(Reason.FORMAT_VERSION, e.reason());
        assertTrue(e.getMessage().contains("format version " + (ModuleArtifact.FORMAT_VERSION + 1)), e.getMessage());
    }

    @Test
    void anotherBuildIsRefused() {
        CompiledModule compiled = new Engine().compile(sample());
        byte[] real = compiled.serialize();
        List<ModuleCompiler.GeneratedClass> classBytes = ModuleArtifact.read(EngineConfig.DEFAULT, real).classes();
        byte[] foreign = ModuleArtifact.write("0.0.1 1999-01-01T00:00:00Z java 25", EngineConfig.DEFAULT, ModuleEncoder.encode(sample()), classBytes);
        SerializedModuleException e = assertThrows(SerializedModuleException.class, () -> new Engine().deserialize(foreign));
        assertEquals(Reason.OTHER_BUILD, e.reason());
        assertTrue(e.getMessage().contains("compiled by Verge build 0.0.1"), e.getMessage());
    }

    @Test
    void otherCodeGenerationOptionsAreRefused() {
        byte[] fuel = new Engine(EngineConfig.DEFAULT.withFuel(true)).compile(sample()).serialize();
        SerializedModuleException e = assertThrows(SerializedModuleException.class, () -> new Engine().deserialize(fuel));
        assertEquals(Reason.OTHER_CONFIG, e.reason());
        assertTrue(e.getMessage().contains("fuel=true"), e.getMessage());

        byte[] plain = new Engine().compile(sample()).serialize();
        Engine uninterruptible = new Engine(EngineConfig.DEFAULT.withInterruptible(false));
        assertEquals(Reason.OTHER_CONFIG, assertThrows(SerializedModuleException.class, () -> uninterruptible.deserialize(plain)).reason());
    }

    @Test
    void limitsEnforcedAtInstantiationDoNotMatter() {
        byte[] bytes = new Engine().compile(sample()).serialize();
        Engine small = new Engine(EngineConfig.DEFAULT.withMaxMemoryPages(4).withMaxTableSize(100));
        assertArrayEquals(new Object[] {15}, instantiate(small.deserialize(bytes), new AtomicInteger()).function("sum").call(5));
        assertEquals(new Engine().compatibilityKey(), small.compatibilityKey());
        assertNotEquals(new Engine().compatibilityKey(), new Engine(EngineConfig.DEFAULT.withFuel(true)).compatibilityKey());
    }

    /** A new engine option must be classified: does it change generated code or not? */
    @Test
    void everyEngineOptionIsEitherCodeGenerationOrRuntimeOnly() {
        String codegen = ModuleArtifact.codegenOptions(EngineConfig.DEFAULT);
        for (java.lang.reflect.RecordComponent c : EngineConfig.class.getRecordComponents()) {
            boolean inCodegen = codegen.contains(c.getName() + "=");
            assertTrue(inCodegen != ModuleArtifact.RUNTIME_ONLY.contains(c.getName()),
                    c.getName() + ": add it to ModuleArtifact.codegenOptions or to RUNTIME_ONLY");
        }
    }

    @Test
    void aWasmBinaryIsNotASerializedModule() {
        byte[] wasm = ModuleEncoder.encode(sample());
        assertFalse(Engine.isSerialized(wasm));
        assertEquals(Reason.NOT_SERIALIZED, assertThrows(SerializedModuleException.class, () -> new Engine().deserialize(wasm)).reason());
    }

    @Test
    void contentTheJvmOrDecoderRefusesIsReportedNotThrownRaw() {
        byte[] wasm = ModuleEncoder.encode(sample());
        byte[] badClass = ModuleArtifact.write(EngineConfig.DEFAULT, wasm, List.of(new ModuleCompiler.GeneratedClass(0, new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1})));
        assertEquals(Reason.REJECTED, assertThrows(SerializedModuleException.class, () -> new Engine().deserialize(badClass)).reason());
        List<ModuleCompiler.GeneratedClass> classBytes = ModuleArtifact.read(EngineConfig.DEFAULT, new Engine().compile(sample()).serialize()).classes();
        byte[] badWasm = ModuleArtifact.write(EngineConfig.DEFAULT, new byte[] {0, 'a', 's', 'm', 9}, classBytes);
        assertEquals(Reason.CORRUPT, assertThrows(SerializedModuleException.class, () -> new Engine().deserialize(badWasm)).reason());
    }
}
