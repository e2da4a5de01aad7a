package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.F32;
import static dev.verge.core.model.ValType.F64;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numeric instructions in compiled code: edge cases, traps, and NaN bits that must survive. */
class NumericsTest {
    /** One exported function {@code op(a, b)} (or {@code op(a)}) of the given types. */
    private static WasmFunction binary(Op op, ValType a, ValType b, ValType result) {
        ModuleFixture m = new ModuleFixture();
        List<ValType> params = b == null ? List.of(a) : List.of(a, b);
        int f = m.func(sig(params, List.of(result)), c -> {
            c.index(LOCAL_GET, 0);
            if (b != null) {
                c.index(LOCAL_GET, 1);
            }
            c.op(op);
        });
        return m.exportFunction("f", f).instantiate().function("f");
    }

    private static Object call(WasmFunction f, Object... args) {
        return f.call(args)[0];
    }

    @Test
    void integerArithmeticWraps() {
        assertEquals(Integer.MIN_VALUE, call(binary(I32_ADD, I32, I32, I32), Integer.MAX_VALUE, 1));
        assertEquals(Long.MIN_VALUE, call(binary(I64_SUB, I64, I64, I64), Long.MIN_VALUE + 1, 1L));
        assertEquals(0, call(binary(I32_MUL, I32, I32, I32), 0x10000, 0x10000));
    }

    @Test
    void shiftCountsAreMasked() {
        assertEquals(2, call(binary(I32_SHL, I32, I32, I32), 1, 33));
        assertEquals(2L, call(binary(I64_SHL, I64, I64, I64), 1L, 65L));
        assertEquals(-1, call(binary(I32_SHR_S, I32, I32, I32), -1, 31));
        assertEquals(1, call(binary(I32_SHR_U, I32, I32, I32), -1, 31));
    }

    @Test
    void divisionTrapsOnZeroAndOverflow() {
        WasmFunction div = binary(I32_DIV_S, I32, I32, I32);
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, assertThrows(Trap.class, () -> div.call(1, 0)).kind());
        assertEquals(TrapKind.INTEGER_OVERFLOW, assertThrows(Trap.class, () -> div.call(Integer.MIN_VALUE, -1)).kind());
        assertEquals(-3, call(div, -7, 2));
        assertEquals(0, call(binary(I32_REM_S, I32, I32, I32), Integer.MIN_VALUE, -1));
        assertEquals(0x7FFFFFFF, call(binary(I32_DIV_U, I32, I32, I32), -1, 2));
        WasmFunction divU64 = binary(I64_DIV_U, I64, I64, I64);
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, assertThrows(Trap.class, () -> divU64.call(1L, 0L)).kind());
    }

    @Test
    void unsignedComparisons() {
        assertEquals(0, call(binary(I32_LT_U, I32, I32, I32), -1, 1));
        assertEquals(1, call(binary(I32_LT_S, I32, I32, I32), -1, 1));
        assertEquals(1, call(binary(I64_GT_U, I64, I64, I32), -1L, 1L));
    }

    @Test
    void truncationTrapsAndSaturates() {
        WasmFunction trunc = binary(I32_TRUNC_F32_S, F32, null, I32);
        assertEquals(TrapKind.INVALID_CONVERSION_TO_INTEGER, assertThrows(Trap.class, () -> trunc.call(Float.NaN)).kind());
        assertEquals(TrapKind.INTEGER_OVERFLOW, assertThrows(Trap.class, () -> trunc.call(3e9f)).kind());
        assertEquals(-2, call(trunc, -2.9f));
        assertEquals(Integer.MAX_VALUE, call(binary(I32_TRUNC_SAT_F32_S, F32, null, I32), 3e9f));
        assertEquals(0, call(binary(I32_TRUNC_SAT_F64_S, F64, null, I32), Double.NaN));
        assertEquals(-1, call(binary(I32_TRUNC_SAT_F64_U, F64, null, I32), 1e10));
        assertEquals(0xFFFFFFFFL, call(binary(I64_EXTEND_I32_U, I32, null, I64), -1));
    }

    @Test
    void nanPayloadsSurviveReinterpretNegAndCopysign() {
        int signalling = 0x7FA00001;
        WasmFunction roundTrip = binary(F32_REINTERPRET_I32, I32, null, F32);
        assertEquals(signalling, Float.floatToRawIntBits((Float) call(roundTrip, signalling)));
        WasmFunction neg = binary(F32_NEG, F32, null, F32);
        assertEquals(signalling | 0x80000000, Float.floatToRawIntBits((Float) call(neg, Float.intBitsToFloat(signalling))));
        long payload = 0x7FF0000000000123L;
        WasmFunction abs = binary(F64_ABS, F64, null, F64);
        assertEquals(payload, Double.doubleToRawLongBits((Double) call(abs, Double.longBitsToDouble(payload | Long.MIN_VALUE))));
    }

    @Test
    void nanConstantsKeepTheirBits() {
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(), List.of(I32)), c -> {
            c.f32Const(0x7F800001);
            c.op(I32_REINTERPRET_F32);
        });
        assertEquals(0x7F800001, call(m.exportFunction("f", f).instantiate().function("f")));
    }

    /**
     * The JIT must not fold {@code x - 0.0} or {@code x * 1.0} to {@code x}: for a signalling NaN,
     * Wasm requires the quiet NaN that the arithmetic produces. Called often enough for C2 to
     * compile it (and compiled at once when the tests run with the JIT forced).
     */
    @Test
    void arithmeticWithIdentityConstantsQuietsSignallingNans() {
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.op(F32_REINTERPRET_I32);
            c.f32Const(Float.floatToRawIntBits(1.0f));
            c.op(F32_MUL);
            c.f32Const(0);
            c.op(F32_SUB);
            c.op(I32_REINTERPRET_F32);
        });
        WasmFunction fn = m.exportFunction("f", f).instantiate().function("f");
        for (int i = 0; i < 30_000; i++) {
            assertEquals(0x7FC00001, call(fn, 0x7F800001));
        }
    }

    @Test
    void minMaxNearestFollowWasm() {
        WasmFunction min = binary(F64_MIN, F64, F64, F64);
        assertEquals(-0.0, call(min, 0.0, -0.0));
        assertEquals(Double.NaN, call(min, Double.NaN, 1.0));
        assertEquals(2.0f, call(binary(F32_NEAREST, F32, null, F32), 2.5f));
        assertEquals(-0.0, call(binary(F64_NEAREST, F64, null, F64), -0.5));
    }

    @Test
    void bitCounting() {
        assertEquals(32, call(binary(I32_CLZ, I32, null, I32), 0));
        assertEquals(64L, call(binary(I64_CTZ, I64, null, I64), 0L));
        assertEquals(32, call(binary(I32_POPCNT, I32, null, I32), -1));
        assertEquals(0x80000000, call(binary(I32_ROTL, I32, I32, I32), 1, 31));
        assertEquals(-128, call(binary(I32_EXTEND8_S, I32, null, I32), 0x80));
    }

    @Test
    void unsignedConversionsToFloat() {
        assertEquals(4294967295.0, call(binary(F64_CONVERT_I32_U, I32, null, F64), -1));
        assertEquals(1.8446744073709552E19, call(binary(F64_CONVERT_I64_U, I64, null, F64), -1L));
        assertArrayEquals(new Object[] {9.223372E18f}, binary(F32_CONVERT_I64_U, I64, null, F32).call(Long.MIN_VALUE));
    }
}
