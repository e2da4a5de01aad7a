package dev.verge.core.runtime;

import static dev.verge.core.instr.Op.*;
import static dev.verge.core.model.ValType.I32;
import static dev.verge.core.model.ValType.I64;
import static dev.verge.core.runtime.ModuleFixture.sig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One function that alone names more than a JVM class's constant pool holds (65,535 entries):
 * tens of thousands of tables or vector constants. Each compiles (calls through the
 * packed convention, constants built without pool entries once the pool is nearly full) and gives
 * the right result.
 */
class PoolHungryFunctionTest {
    private static final FuncType VOID_TO_I32 = sig(List.of(), List.of(I32));

    /** call_indirect through 22,000 different tables: one bridge per (type, table) would not fit. */
    @Test
    void callIndirectThroughTwentyTwoThousandTables() {
        int tables = 22_000;
        ModuleFixture m = new ModuleFixture();
        int one = m.func(VOID_TO_I32, c -> c.i32Const(1));
        int type = m.type(VOID_TO_I32);
        for (int t = 0; t < tables; t++) {
            m.table(new TableType(RefType.FUNCREF, new Limits(1, 1)), null);
            m.activeElements(t, 0, List.of(one));
        }
        int main = m.func(VOID_TO_I32, c -> {
            c.i32Const(0);
            for (int t = 0; t < tables; t++) {
                c.i32Const(0);
                c.index2(CALL_INDIRECT, type, t);
                c.op(I32_ADD);
            }
        });
        assertArrayEquals(new Object[] {tables}, m.exportFunction("main", main).instantiate().function("main").call());
    }

    /** 40,000 distinct v128 constants: two long entries each would fill the pool four times over. */
    @Test
    void fortyThousandVectorConstants() {
        int n = 40_000;
        ModuleFixture m = new ModuleFixture();
        int main = m.func(sig(List.of(), List.of(I64)), c -> {
            c.i64Const(0);
            for (int i = 0; i < n; i++) {
                c.v128Const(0x1234_5678_0000_0000L + i, 0x7777_0000_0000_0000L + i);
                c.lane(I64X2_EXTRACT_LANE, 0);
                c.i64Const(0x1234_5678_0000_0000L);
                c.op(I64_SUB);
                c.op(I64_ADD);
            }
        });
        long expected = (long) n * (n - 1) / 2;
        assertArrayEquals(new Object[] {expected}, m.exportFunction("main", main).instantiate().function("main").call());
    }
}
