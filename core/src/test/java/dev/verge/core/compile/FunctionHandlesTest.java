package dev.verge.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.CompilationException;
import java.lang.invoke.MethodHandles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lazily made handles of a module's functions, and their errors. */
class FunctionHandlesTest {
    /** {@code (module (func))}: one function of type [] -> [], index 0. */
    private static final byte[] ONE_FUNCTION = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // types: [] -> []
        0x03, 0x02, 0x01, 0x00, // functions: one of type 0
        0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b, // code: no locals, end
    };

    private static FunctionHandles unlinked() {
        WasmModule module = ModuleDecoder.decode(ONE_FUNCTION);
        return new FunctionHandles(module, List.of(new ModuleCompiler.GeneratedClass(0, new byte[0])));
    }

    @Test
    void aFunctionWhoseClassIsNotDefinedYetIsAnIllegalState() {
        FunctionHandles handles = unlinked();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> handles.function(0));
        assertEquals("function 0 is called before its module was linked", e.getMessage());
        assertEquals(0, handles.madeCount());
    }

    @Test
    void aMethodTheJvmCannotFindIsACompilationException() {
        FunctionHandles handles = unlinked();
        // This test class has no method f0: as if a class file did not hold the function it should.
        handles.defined(0, MethodHandles.lookup());
        CompilationException e = assertThrows(CompilationException.class, () -> handles.function(0));
        assertEquals(true, e.getMessage().startsWith("cannot find the compiled code of function 0: java.lang.NoSuchMethodException"), e.getMessage());
        assertEquals(0, handles.madeCount());
    }
}
