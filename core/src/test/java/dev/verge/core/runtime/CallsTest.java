package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.instr.BlockType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import java.lang.invoke.MethodHandle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Direct and indirect calls, their traps, stack exhaustion and backtraces. */
class CallsTest {
    private static Instance factorial() {
        ModuleFixture m = new ModuleFixture();
        int fac = m.func(sig(List.of(I64), List.of(I64)), c -> {
            c.index(LOCAL_GET, 0);
            c.op(I64_EQZ);
            c.block(IF, BlockType.I64);
            c.i64Const(1);
            c.op(ELSE);
            c.index(LOCAL_GET, 0);
            c.index(LOCAL_GET, 0);
            c.i64Const(1);
            c.op(I64_SUB);
            c.index(CALL, 0);
            c.op(I64_MUL);
            c.op(END);
        });
        return m.exportFunction("fac", fac).instantiate();
    }

    @Test
    void recursion() {
        assertArrayEquals(new Object[] {2432902008176640000L}, factorial().function("fac").call(20L));
    }

    @Test
    void typedHandleCallsWithoutBoxing() throws Throwable {
        MethodHandle h = factorial().function("fac").handle();
        long r = (long) h.invokeExact(10L);
        assertEquals(3628800L, r);
    }

    @Test
    void unboundedRecursionTrapsWithCallStackExhausted() {
        ModuleFixture m = new ModuleFixture();
        int f = m.func(sig(List.of(), List.of()), c -> c.index(CALL, 0));
        WasmFunction fn = m.exportFunction("f", f).instantiate().function("f");
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, assertThrows(Trap.class, fn::call).kind());
        // The instance and the JVM go on.
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, assertThrows(Trap.class, fn::call).kind());
    }

    private static Instance indirect() {
        ModuleFixture m = new ModuleFixture();
        int answer = m.func(sig(List.of(), List.of(I32)), c -> c.i32Const(42));
        int other = m.func(sig(List.of(I64), List.of(I32)), c -> c.i32Const(0));
        int call = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.index(LOCAL_GET, 0);
            c.index2(CALL_INDIRECT, m.type(sig(List.of(), List.of(I32))), 0);
        });
        m.table(new TableType(RefType.FUNCREF, new Limits(4, 4)), "t");
        m.activeElements(0, 0, List.of(answer, other));
        return m.exportFunction("call", call).instantiate();
    }

    @Test
    void callIndirectChecksBoundsNullAndType() {
        WasmFunction call = indirect().function("call");
        assertArrayEquals(new Object[] {42}, call.call(0));
        assertEquals(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, assertThrows(Trap.class, () -> call.call(1)).kind());
        Trap uninitialized = assertThrows(Trap.class, () -> call.call(2));
        assertEquals(TrapKind.UNINITIALIZED_ELEMENT, uninitialized.kind());
        assertTrue(uninitialized.getMessage().startsWith("uninitialized element"));
        assertEquals(TrapKind.UNDEFINED_ELEMENT, assertThrows(Trap.class, () -> call.call(4)).kind());
        assertEquals(TrapKind.UNDEFINED_ELEMENT, assertThrows(Trap.class, () -> call.call(-1)).kind());
    }

    @Test
    void trapBacktraceNamesFunctionsFromTheNameSection() {
        ModuleFixture m = new ModuleFixture();
        int inner = m.func(sig(List.of(), List.of()), c -> c.op(UNREACHABLE));
        int outer = m.func(sig(List.of(), List.of()), c -> c.index(CALL, inner));
        m.name(inner, "inner").name(outer, "outer");
        Trap t = assertThrows(Trap.class, () -> m.exportFunction("run", outer).instantiate().function("run").call());
        assertEquals(List.of(new Trap.Frame(inner, "inner"), new Trap.Frame(outer, "outer")), t.backtrace());
    }

    @Test
    void numericTrapsCarryABacktraceToo() {
        ModuleFixture m = new ModuleFixture();
        int div = m.func(sig(List.of(I32), List.of(I32)), c -> {
            c.i32Const(1);
            c.index(LOCAL_GET, 0);
            c.op(I32_DIV_U);
        });
        m.name(div, "divide");
        Trap t = assertThrows(Trap.class, () -> m.exportFunction("div", div).instantiate().function("div").call(0));
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
        assertEquals(List.of(new Trap.Frame(div, "divide")), t.backtrace());
    }

    @Test
    void argumentsAreChecked() {
        WasmFunction fac = factorial().function("fac");
        assertThrows(IllegalArgumentException.class, () -> fac.call(1));
        assertThrows(IllegalArgumentException.class, () -> fac.call());
    }
}
