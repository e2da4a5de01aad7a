package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;

import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code v128} loads and stores, every form: what they read and write, and the bounds check
 * they share with the scalar accesses (the whole access must fit; a trapping store writes nothing).
 */
class SimdMemoryTest {
    private static final ValType VEC = ValType.V128;
    private static final int SIZE = 65536;
    private static final V128 PATTERN = V128.of(0x8877_6655_4433_2211L, 0xFFEE_DDCC_BBAA_9980L);

    static Stream<Op> accesses() {
        return Stream.of(Op.values()).filter(op -> op.prefix() == 0xFD && (op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE));
    }

    private static boolean isStore(Op op) {
        return op.results().isEmpty();
    }

    /** (i32 address) -> v128 for loads, (i32 address) -> () storing PATTERN for stores; lane 1 for the lane forms. */
    private static WasmFunction accessFunction(Op op, long offset) {
        return accessFunction(op, offset, new MemoryType(new Limits(1, 1)));
    }

    private static WasmFunction accessFunction(Op op, long offset, MemoryType memory) {
        ModuleFixture m = new ModuleFixture();
        m.memory(memory, "mem");
        int f = m.func(sig(List.of(I32), isStore(op) ? List.of() : List.of(VEC)), c -> {
            c.index(LOCAL_GET, 0);
            if (op.imm() == Imm.MEMARG_LANE || isStore(op)) {
                c.v128Const(PATTERN.lo(), PATTERN.hi());
            }
            if (op.imm() == Imm.MEMARG_LANE) {
                c.memoryLane(op, 0, offset, 0, 1);
            } else {
                c.memory(op, 0, offset, 0);
            }
        });
        return m.exportFunction("f", f).instantiate().function("f");
    }

    @ParameterizedTest
    @MethodSource("accesses")
    void lastAddressInBoundsWorksOnePastTraps(Op op) {
        int n = op.accessBytes();
        WasmFunction f = accessFunction(op, 0);
        f.call(SIZE - n);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, assertThrows(Trap.class, () -> f.call(SIZE - n + 1)).kind());
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, assertThrows(Trap.class, () -> f.call(-1)).kind());
    }

    /** A 4 GiB memory (paged): the last bytes below 2^32 are reachable, one past traps. */
    @ParameterizedTest
    @MethodSource("accesses")
    void lastAddressOfA4GiBMemoryWorksOnePastTraps(Op op) {
        int n = op.accessBytes();
        WasmFunction f = accessFunction(op, 0, new MemoryType(new Limits(65536, 65536)));
        f.call((int) (0x1_0000_0000L - n));
        if (n > 1) { // for one byte, "one past" is 2^32: no i32 base names it, the offset case below does
            assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, assertThrows(Trap.class, () -> f.call((int) (0x1_0000_0000L - n + 1))).kind());
        }
        WasmFunction g = accessFunction(op, 0xFFFF_FFF0L, new MemoryType(new Limits(65536, 65536)));
        g.call(16 - n);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, assertThrows(Trap.class, () -> g.call(17 - n)).kind());
    }

    @ParameterizedTest
    @MethodSource("accesses")
    void offsetIsAddedWithoutWrapping(Op op) {
        WasmFunction f = accessFunction(op, 0xFFFF_FFFFL);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, assertThrows(Trap.class, () -> f.call(1)).kind());
        WasmFunction g = accessFunction(op, 16);
        g.call(SIZE - 16 - op.accessBytes());
        assertThrows(Trap.class, () -> g.call(SIZE - 15 - op.accessBytes()));
    }

    @Test
    void trappingStoreWritesNothing() {
        ModuleFixture m = new ModuleFixture();
        m.memory(new MemoryType(new Limits(1, 1)), "mem");
        int f = m.func(sig(List.of(I32), List.of()), c -> {
            c.index(LOCAL_GET, 0);
            c.v128Const(-1, -1);
            c.memory(V128_STORE, 4, 0, 0);
        });
        Instance inst = m.exportFunction("f", f).instantiate();
        assertThrows(Trap.class, () -> inst.function("f").call(SIZE - 15));
        assertArrayEquals(new byte[16], inst.memory("mem").readBytes(SIZE - 16, 16));
    }

    /** Runs {@code op} (offset 0) on address 0 of a memory holding PATTERN at 0; loads return their vector. */
    private static Object run(Op op) {
        ModuleFixture m = new ModuleFixture();
        m.memory(new MemoryType(new Limits(1, 1)), "mem");
        m.activeData(0, 0, PATTERN.toBytes());
        int f = m.func(sig(List.of(), List.of(VEC)), c -> {
            c.i32Const(0);
            if (op.imm() == Imm.MEMARG_LANE) {
                c.v128Const(0, 0);
                c.memoryLane(op, 0, 0, 0, 1);
            } else {
                c.memory(op, 0, 0, 0);
            }
        });
        return m.exportFunction("f", f).instantiate().function("f").call()[0];
    }

    @Test
    void loadsReadTheSpecifiedBytes() {
        assertEquals(PATTERN, run(V128_LOAD));
        // bytes 11 22 33 44 55 66 77 88: sign/zero extended
        assertEquals(V128.of(0x0044_0033_0022_0011L, 0xFF88_0077_0066_0055L), run(V128_LOAD8X8_S));
        assertEquals(V128.of(0x0044_0033_0022_0011L, 0x0088_0077_0066_0055L), run(V128_LOAD8X8_U));
        assertEquals(V128.of(0x0000_4433_0000_2211L, 0xFFFF_8877_0000_6655L), run(V128_LOAD16X4_S));
        assertEquals(V128.of(0x0000_4433_0000_2211L, 0x0000_8877_0000_6655L), run(V128_LOAD16X4_U));
        assertEquals(V128.of(0x4433_2211L, 0xFFFF_FFFF_8877_6655L), run(V128_LOAD32X2_S));
        assertEquals(V128.of(0x4433_2211L, 0x8877_6655L), run(V128_LOAD32X2_U));
        assertEquals(V128.of(0x1111_1111_1111_1111L, 0x1111_1111_1111_1111L), run(V128_LOAD8_SPLAT));
        assertEquals(V128.of(0x2211_2211_2211_2211L, 0x2211_2211_2211_2211L), run(V128_LOAD16_SPLAT));
        assertEquals(V128.of(0x4433_2211_4433_2211L, 0x4433_2211_4433_2211L), run(V128_LOAD32_SPLAT));
        assertEquals(V128.of(PATTERN.lo(), PATTERN.lo()), run(V128_LOAD64_SPLAT));
        assertEquals(V128.of(0x4433_2211L, 0), run(V128_LOAD32_ZERO));
        assertEquals(V128.of(PATTERN.lo(), 0), run(V128_LOAD64_ZERO));
        // lane 1 of a zero vector replaced by the value at address 0
        assertEquals(V128.of(0x1100L, 0), run(V128_LOAD8_LANE));
        assertEquals(V128.of(0x2211_0000L, 0), run(V128_LOAD16_LANE));
        assertEquals(V128.of(0x4433_2211_0000_0000L, 0), run(V128_LOAD32_LANE));
        assertEquals(V128.of(0, PATTERN.lo()), run(V128_LOAD64_LANE));
    }

    @Test
    void storesWriteTheSpecifiedBytes() {
        for (Op op : List.of(V128_STORE, V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE)) {
            ModuleFixture m = new ModuleFixture();
            m.memory(new MemoryType(new Limits(1, 1)), "mem");
            int f = m.func(sig(List.of(), List.of()), c -> {
                c.i32Const(3);
                c.v128Const(PATTERN.lo(), PATTERN.hi());
                if (op == V128_STORE) {
                    c.memory(op, 0, 0, 0);
                } else {
                    c.memoryLane(op, 0, 0, 0, 1);
                }
            });
            Instance inst = m.exportFunction("f", f).instantiate();
            inst.function("f").call();
            int n = op.accessBytes();
            byte[] expected = new byte[20];
            byte[] pattern = PATTERN.toBytes();
            // lane 1 of width n starts at byte n of the vector; the full store writes all 16
            System.arraycopy(pattern, op == V128_STORE ? 0 : n, expected, 3, n);
            assertArrayEquals(expected, inst.memory("mem").readBytes(0, 20), op.mnemonic());
        }
    }
}
