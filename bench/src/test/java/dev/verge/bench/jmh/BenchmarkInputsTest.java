package dev.verge.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.bench.gen.ModuleGenerator;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Memory;
import dev.verge.core.validate.Validator;
import dev.verge.text.Wat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inputs of the text and engine benchmarks are what their Javadoc says they are. */
class BenchmarkInputsTest {
    @Test
    void generatedWatParsesToTheGeneratedModule() {
        String text = GeneratedWat.text(20);
        WasmModule parsed = Wat.parse(GeneratedWat.utf8(text));
        Validator.validate(parsed);
        WasmModule original = ModuleDecoder.decode(ModuleGenerator.generate(20, 1).bytes());
        assertEquals(original.codes().size(), parsed.codes().size());
        assertEquals(original.functions(), parsed.functions());
    }

    @Test
    void instantiationModuleHasAMebibyteAndItsData() {
        Instance instance = new Linker().instantiate(EngineGuests.instantiationModule(new Engine()));
        Memory memory = instance.memory("memory");
        assertEquals(1 << 20, memory.byteSize());
        assertEquals(7, memory.readU8(1024));
        assertEquals(((EngineGuests.DATA_BYTES - 1) * 31 + 7) & 0xFF,
                memory.readU8(1024 + EngineGuests.DATA_BYTES - 1));
        assertEquals(0, memory.readU8(1024 + EngineGuests.DATA_BYTES));
        assertEquals(5, instance.function("store").call(2048, 5)[0]);
        assertEquals(5, instance.function("load").call(2048)[0]);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void loopsModuleComputesTheSameWithAndWithoutPolling(boolean interruptible) throws Throwable {
        Instance instance = new Linker().instantiate(EngineGuests.loopsModule(interruptible));
        assertEquals(6765, (int) instance.function("fib").handle().invokeExact(EngineGuests.FIB_ARGUMENT));
        int x = 0;
        for (int i = 0; i < 1000; i++) {
            x = x * 1103515245 + 12345;
        }
        assertEquals(x, (int) instance.function("loop").handle().invokeExact(1000));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void memoryLoopsComputeTheSameFlatAndPaged(boolean pagedMemory) throws Throwable {
        Instance instance = new Linker().instantiate(EngineGuests.memoryLoopsModule(pagedMemory));
        instance.memory("memory").fill(0, 2L * EngineGuests.MEMORY_REGION, (byte) 1);
        int n = EngineGuests.MEMORY_REGION;
        assertEquals(n / 4 * 0x01010101, (int) instance.function("sum").handle().invokeExact(0, n));
        instance.function("rmw").handle().invokeExact(0, 8);
        assertEquals(0x01010101 * 3 + 1, instance.memory("memory").readI32(16));
        instance.function("copy").handle().invokeExact(n, 0, 32);
        assertEquals(0x01010101 * 3 + 1, instance.memory("memory").readI32(n + 16));
    }

    @Test
    void memoryCandidatesAgreeOnTheirContents() throws Exception {
        MemoryCandidatesBenchmark c = new MemoryCandidatesBenchmark();
        c.allocate();
        int expected = c.sumFlat();
        assertEquals(expected, c.sumSegmentNative());
        assertEquals(expected, c.sumSegmentLongArray());
        assertEquals(expected, c.sumSegmentMapped());
        assertEquals(expected, c.sumPaged());
    }

    @Test
    void fibCallCountMatchesTheRecurrence() {
        assertEquals(calls(EngineGuests.FIB_ARGUMENT), EngineGuests.FIB_CALLS);
    }

    private static int calls(int n) {
        return n < 2 ? 1 : 1 + calls(n - 1) + calls(n - 2);
    }
}
