package dev.verge.core.instr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.verge.core.model.ValType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpTableTest {
    @Test
    void opcodesAreUniquePerPrefix() {
        Set<Long> seen = new HashSet<>();
        for (Op op : Op.values()) {
            long key = ((long) op.prefix() << 32) | op.code();
            if (!seen.add(key)) {
                fail("duplicate opcode " + Integer.toHexString(op.prefix()) + " " + Integer.toHexString(op.code()) + ": " + op);
            }
        }
    }

    @Test
    void mnemonicsAreUniqueExceptTheTwoSelects() {
        Map<String, Op> seen = new HashMap<>();
        for (Op op : Op.values()) {
            Op previous = seen.put(op.mnemonic(), op);
            if (previous != null && !(previous == Op.SELECT && op == Op.SELECT_T)) {
                fail("duplicate mnemonic " + op.mnemonic() + ": " + previous + " and " + op);
            }
        }
    }

    @Test
    void entriesPerPrefix() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Op op : Op.values()) {
            counts.merge(op.prefix(), 1, Integer::sum);
        }
        // Wasm 2.0: 183 single-byte opcodes (00-05, 0B-11, 1A-1C, 20-26, 28-C4, D0-D2), 18 under 0xFC, 236 under 0xFD.
        assertEquals(183, counts.get(0));
        assertEquals(18, counts.get(0xFC));
        assertEquals(236, counts.get(0xFD));
    }

    @Test
    void lookupsFindEveryEntry() {
        for (Op op : Op.values()) {
            Op found = op.prefix() == 0 ? Op.single(op.code()) : Op.prefixed(op.prefix(), op.code());
            assertSame(op, found);
            if (op != Op.SELECT_T) {
                assertSame(op, Op.byMnemonic(op.mnemonic()));
            }
        }
        assertSame(Op.SELECT, Op.byMnemonic("select"));
        assertNull(Op.byMnemonic("i32.ad"));
        assertNull(Op.prefixed(0xFD, 0x9A));
    }

    @Test
    void simdSpotChecks() {
        assertEquals(0x00, Op.V128_LOAD.code());
        assertEquals(16, Op.V128_LOAD.accessBytes());
        assertEquals(8, Op.V128_LOAD8X8_S.accessBytes());
        assertEquals(1, Op.V128_LOAD8_SPLAT.accessBytes());
        assertEquals(4, Op.V128_LOAD32_ZERO.accessBytes());
        assertEquals(2, Op.V128_STORE16_LANE.accessBytes());
        assertEquals(Imm.MEMARG_LANE, Op.V128_LOAD64_LANE.imm());
        assertEquals(Imm.SHUFFLE, Op.I8X16_SHUFFLE.imm());
        assertEquals(Imm.V128, Op.V128_CONST.imm());
        assertEquals(Imm.LANE, Op.I16X8_EXTRACT_LANE_S.imm());
        assertSame(Op.I16X8_ABS, Op.prefixed(0xFD, 0x80));
        assertSame(Op.F64X2_CONVERT_LOW_I32X4_U, Op.prefixed(0xFD, 0xFF));
        assertSame(Op.I32X4_DOT_I16X8_S, Op.byMnemonic("i32x4.dot_i16x8_s"));
        assertEquals(List.of(ValType.V128, ValType.I64), Op.I64X2_REPLACE_LANE.params());
        assertEquals(List.of(ValType.I32), Op.V128_ANY_TRUE.results());
        assertEquals(List.of(ValType.V128, ValType.V128, ValType.V128), Op.V128_BITSELECT.params());
    }

    @Test
    void loadsAndStoresDeclareTheirAccessSize() {
        for (Op op : Op.values()) {
            boolean memarg = op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE;
            assertEquals(memarg, op.accessBytes() > 0, op.toString());
            if (memarg) {
                assertTrue(Integer.bitCount(op.accessBytes()) == 1, op.toString());
            }
        }
    }
}
