package dev.verge.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CodeScanner} must accept and reject exactly what {@link CodeReader} does, with the same
 * message at the same offset, and stop at the same place: it is the decoder's stand-in for it.
 */
class CodeScannerTest {
    private static final Op[] OPS = Op.values();

    @Test
    void agreesWithTheReaderOnRandomInstructionSequences() {
        Random random = new Random(42);
        DecoderLimits[] limits = {
            DecoderLimits.DEFAULTS,
            DecoderLimits.DEFAULTS.withMaxNestingDepth(3).withMaxBrTableTargets(4).withMaxSelectTypes(1),
            DecoderLimits.DEFAULTS.withMultiMemory(true)
        };
        int accepted = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] code = mutate(sequence(random), random);
            if (agree(code, limits[i % limits.length])) {
                accepted++;
            }
        }
        // Both outcomes must be well represented for the comparison to mean something.
        assertTrue(accepted > 3_000, "accepted " + accepted);
        assertTrue(accepted < 27_000, "accepted " + accepted);
    }

    @Test
    void reportsDataSegmentUse() {
        assertTrue(CodeScanner.scan(new WasmReader(b(0xFC, 0x09, 0x00, 0x0B)), DecoderLimits.DEFAULTS));
        assertTrue(CodeScanner.scan(new WasmReader(b(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0x00, 0x00, 0x0B)),
                DecoderLimits.DEFAULTS));
        assertFalse(CodeScanner.scan(new WasmReader(b(0xFC, 0x0D, 0x00, 0x0B)), DecoderLimits.DEFAULTS));
        assertFalse(CodeScanner.scan(new WasmReader(b(0x20, 0x00, 0x1A, 0x0B)), DecoderLimits.DEFAULTS));
    }

    /** Runs both over {@code code}; returns whether they accepted it. */
    private static boolean agree(byte[] code, DecoderLimits limits) {
        String expected = outcome(code, limits, true);
        String actual = outcome(code, limits, false);
        assertEquals(expected, actual, () -> "on " + hex(code));
        return expected.startsWith("ok");
    }

    private static String outcome(byte[] code, DecoderLimits limits, boolean reader) {
        WasmReader r = new WasmReader(code);
        try {
            if (reader) {
                CodeReader.readInstructions(r, new RecordingVisitor(), limits);
            } else {
                CodeScanner.scan(r, limits);
            }
            return "ok at " + r.pos();
        } catch (MalformedModuleException e) {
            return e.reason() + " at " + e.offset();
        }
    }

    /** Random instructions with mostly plausible immediates, closed by enough ends. */
    private static byte[] sequence(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int depth = 0;
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            Op op = OPS[random.nextInt(OPS.length)];
            if (op == Op.END && depth == 0) {
                continue;
            }
            if (op.prefix() != 0) {
                out.write(op.prefix());
                leb(out, op.code(), random);
            } else {
                out.write(op.code());
            }
            immediates(out, op.imm(), random);
            if (op.imm() == Imm.BLOCK) {
                depth++;
            } else if (op == Op.END) {
                depth--;
            }
        }
        for (int i = 0; i <= depth; i++) {
            out.write(0x0B);
        }
        return out.toByteArray();
    }

    private static void immediates(ByteArrayOutputStream out, Imm imm, Random random) {
        switch (imm) {
            case NONE -> {}
            case BLOCK -> {
                int[] choices = {0x40, 0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F, 0x01, 0x60};
                out.write(choices[random.nextInt(choices.length)]);
            }
            case BR_TABLE -> {
                int n = random.nextInt(6);
                leb(out, n, random);
                for (int i = 0; i <= n; i++) {
                    leb(out, random.nextInt(4), random);
                }
            }
            case MEMARG, MEMARG_LANE -> {
                leb(out, random.nextInt(4) == 0 ? 0x40 | random.nextInt(4) : random.nextInt(36), random);
                leb(out, (random.nextInt() & 0xFFFF_FFFFL) >>> random.nextInt(33), random);
                if (imm == Imm.MEMARG_LANE) {
                    out.write(random.nextInt(16));
                }
            }
            case MEMORY, DATA_MEMORY, MEMORY_MEMORY -> {
                if (imm == Imm.DATA_MEMORY) {
                    leb(out, random.nextInt(3), random);
                }
                out.write(random.nextInt(8) == 0 ? 1 : 0);
                if (imm == Imm.MEMORY_MEMORY) {
                    out.write(0);
                }
            }
            case LANE -> out.write(random.nextInt(20));
            case SHUFFLE -> out.write(new byte[16], 0, 16);
            case F32 -> out.write(new byte[4], 0, 4);
            case F64 -> out.write(new byte[8], 0, 8);
            case V128 -> out.write(new byte[16], 0, 16);
            case SELECT_TYPES -> {
                leb(out, random.nextInt(3), random);
                out.write(0x7F);
            }
            case HEAP_TYPE -> out.write(random.nextBoolean() ? 0x70 : 0x6F);
            case TYPE_TABLE, ELEM_TABLE, TABLE_TABLE -> {
                leb(out, random.nextInt(300), random);
                leb(out, random.nextInt(2), random);
            }
            default -> leb(out, (random.nextInt() & 0xFFFF_FFFFL) >>> random.nextInt(33), random);
        }
    }

    /** A LEB128 of {@code value}, sometimes padded to a longer (still valid, or too long) form. */
    private static void leb(ByteArrayOutputStream out, long value, Random random) {
        int pad = random.nextInt(8) == 0 ? random.nextInt(6) : 0;
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            if (v != 0 || pad > 0) {
                out.write(b | 0x80);
                if (v == 0) {
                    pad--;
                }
            } else {
                out.write(b);
                return;
            }
        }
    }

    /** Leaves most sequences intact; changes, drops or truncates bytes in the others. */
    private static byte[] mutate(byte[] code, Random random) {
        byte[] c = code.clone();
        switch (random.nextInt(5)) {
            case 0 -> c[random.nextInt(c.length)] = (byte) random.nextInt(256);
            case 1 -> c = java.util.Arrays.copyOf(c, random.nextInt(c.length));
            case 2 -> c[random.nextInt(c.length)] ^= (byte) 0x80;
            default -> {}
        }
        return c;
    }

    private static byte[] b(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static String hex(byte[] code) {
        StringBuilder sb = new StringBuilder();
        for (byte x : code) {
            sb.append(String.format("%02x ", x & 0xFF));
        }
        return sb.toString();
    }
}
