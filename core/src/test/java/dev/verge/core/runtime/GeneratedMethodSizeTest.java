package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.F64;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.compile.MethodSizes;
import dev.verge.core.compile.ModuleCompiler;
import dev.verge.core.instr.BlockType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import java.io.IOException;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every method the compiler generates stays under HotSpot's huge-method limit (8,000 bytes of
 * bytecode; HotSpot never JIT-compiles a larger method), read back from the class file with
 * {@code java.lang.classfile}: for the project's guest programs and for a generated function far
 * larger than one method.
 */
class GeneratedMethodSizeTest {
    private static Map<String, Integer> methodSizes(WasmModule module) {
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        for (ModuleCompiler.GeneratedClass c : ModuleCompiler.generate(module, EngineConfig.DEFAULT, Validation.driver(Validator.validate(module)),
                ClassDesc.of("dev.verge.core.runtime.WasmCode"))) {
            sizes.putAll(MethodSizes.of(c.bytes()));
        }
        return sizes;
    }

    private static void assertAllUnderLimit(String what, Map<String, Integer> sizes) {
        sizes.forEach((method, size) -> assertTrue(size < MethodSizes.HUGE_METHOD_LIMIT,
                what + ": method " + method + " has " + size + " bytes of bytecode"));
    }

    @Test
    void guestProgramsHaveNoHugeMethod() throws IOException {
        Path dir = Path.of("..", "guests", "wasm");
        List<Path> guests;
        try (Stream<Path> files = Files.list(dir)) {
            guests = files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        assertFalse(guests.isEmpty(), "no guest programs in " + dir.toAbsolutePath());
        for (Path guest : guests) {
            assertAllUnderLimit(guest.getFileName().toString(), methodSizes(ModuleDecoder.decode(Files.readAllBytes(guest))));
        }
    }

    @Test
    void largeGeneratedFunctionIsSplitIntoMethodsUnderTheLimit() {
        ModuleFixture m = new ModuleFixture().memory(new MemoryType(new Limits(1, Limits.NO_MAX)), null);
        List<ValType> locals = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            locals.add(i % 3 == 0 ? I32 : i % 3 == 1 ? I64 : F64);
        }
        int helper = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.i32Const(3);
            c.op(I32_MUL);
        });
        // A loop over 4,000 statements of locals, memory, calls and small blocks, with a value
        // kept on the stack across all of them: the shape of a big interpreter loop.
        int statements = 4_000;
        int big = m.func(sig(List.of(I32), List.of(I32)), locals, c -> {
            c.block(LOOP, BlockType.EMPTY);
            c.i32Const(0);
            for (int i = 0; i < statements; i++) {
                int local = 1 + (i % 300);
                switch (i % 5) {
                    case 0 -> {
                        c.i32Const(i % 1000);
                        c.index(LOCAL_GET, 0);
                        c.memory(I32_STORE, 2, 4L * (i % 100), 0);
                    }
                    case 1 -> {
                        c.i32Const(4 * (i % 100));
                        c.memory(I32_LOAD, 2, 0, 0);
                        c.index(CALL, helper);
                        c.op(I32_ADD);
                    }
                    case 2 -> {
                        c.index(LOCAL_GET, local);
                        c.op(DROP);
                        c.i32Const(i);
                        c.op(I32_XOR);
                    }
                    case 3 -> {
                        c.block(BLOCK, new BlockType.Value(I32));
                        c.i32Const(1);
                        c.index(LOCAL_GET, 0);
                        c.branch(BR_IF, 0);
                        c.op(DROP);
                        c.i32Const(2);
                        c.op(END);
                        c.op(I32_ADD);
                    }
                    default -> {
                        c.index(LOCAL_GET, 0);
                        c.op(I32_EQZ);
                        c.op(I32_ADD);
                    }
                }
            }
            c.index(LOCAL_GET, 0);
            c.i32Const(1);
            c.op(I32_SUB);
            c.index(LOCAL_TEE, 0);
            c.branch(BR_IF, 0);
            c.op(DROP);
            c.op(END);
            c.index(LOCAL_GET, 0);
        });
        m.exportFunction("big", big);
        Map<String, Integer> sizes = methodSizes(m.build());
        assertTrue(sizes.keySet().stream().filter(name -> name.startsWith("f" + big + "$p")).count() > 1, "not split: " + sizes);
        assertAllUnderLimit("generated", sizes);
        assertArrayEquals(new Object[] {0}, m.instantiate().function("big").call(3));
    }
}
