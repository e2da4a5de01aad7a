package dev.verge.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's embedding example, run as written (printing replaced by recording). */
class ReadmeExampleTest {
    /**
     * {@code (module (import "env" "log" (func $log (param i32)))
     * (func (export "add") (param i32 i32) (result i32)
     * (call $log (i32.add (local.get 0) (local.get 1))) (i32.add (local.get 0) (local.get 1))))}.
     */
    private static final byte[] WASM = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0b, 0x02, 0x60, 0x01, 0x7f, 0x00, 0x60,
        0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x02, 0x0b, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x03, 0x6c, 0x6f, 0x67,
        0x00, 0x00, 0x03, 0x02, 0x01, 0x01, 0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x01, 0x0a,
        0x10, 0x01, 0x0e, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x10, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a,
        0x0b
    };

    @Test
    void embeddingExample() throws Throwable {
        byte[] wasmBytes = WASM;
        List<Object> logged = new ArrayList<>();

        Engine engine = new Engine();
        CompiledModule module = engine.compile(wasmBytes);
        Instance instance = new Linker()
                .defineFunction("env", "log", new FuncType(List.of(ValType.I32), List.of()),
                        (caller, args) -> {
                            logged.add(args[0]);
                            return null;
                        })
                .instantiate(module);
        Object[] results = instance.function("add").call(1, 2);
        int sum = (int) instance.function("add").handle().invokeExact(1, 2);

        assertArrayEquals(new Object[] {3}, results);
        assertEquals(3, sum);
        assertEquals(List.of(3, 3), logged);
    }

    @Test
    void manyInstancesExample() {
        CompiledModule module = new Engine().compile(WASM);

        Linker linker = new Linker().defineFunction("env", "log", new FuncType(List.of(ValType.I32), List.of()),
                (caller, args) -> {
                    caller.data(StringBuilder.class).append(args[0]);
                    return null;
                });
        InstancePre pre = linker.instantiatePre(module);
        StringBuilder mine = new StringBuilder();
        pre.instantiate(mine).function("add").call(1, 2);

        StringBuilder other = new StringBuilder();
        pre.instantiate(other).function("add").call(20, 22);
        assertEquals("3", mine.toString());
        assertEquals("42", other.toString());
    }
}
