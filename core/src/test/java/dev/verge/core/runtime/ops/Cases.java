package dev.verge.core.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.verge.core.instr.Imm;
import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.V128;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one test case written like a line of a spec script, through the helper that {@link
 * OpHelpers} names for the instruction:
 *
 * <pre>
 *   f32.min -0x0p+0 0x0p+0 -> -0x0p+0          result compared bit for bit
 *   f32.sqrt -1 -> nan:canonical               or nan:canonical / nan:arithmetic
 *   i32.div_s 0x80000000 -1 !! integer overflow  the trap message expected
 *   i8x16.add [i8x16 1 2 ...] [i16x8 ...] -> [i8x16 ...]   a v128 in brackets, any shape
 *   i16x8.extract_lane_u [i16x8 ...] 7 -> 65535 lane and shuffle immediates after the operands
 * </pre>
 *
 * <p>An expected v128 written in a float shape is compared lane by lane (so a lane may be {@code
 * nan:canonical}); in an integer shape, bit for bit.
 */
final class Cases {
    private Cases() {}

    static void check(String line) {
        boolean traps = line.contains("!!");
        String[] halves = line.split(traps ? "!!" : "->");
        String[] call = tokens(halves[0]);
        String expected = halves[1].trim();
        Op op = Op.byMnemonic(call[0]);
        assertNotNull(op, "no instruction " + call[0]);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < op.params().size(); i++) {
            args.add(parse(op.params().get(i), call[i + 1]));
        }
        int immediates = switch (op.imm()) {
            case LANE -> 1;
            case SHUFFLE -> 1;
            default -> 0;
        };
        assertEquals(op.params().size() + immediates + 1, call.length, "operand count in: " + line);
        if (op.imm() == Imm.LANE) {
            args.add(Integer.parseInt(call[call.length - 1]));
        } else if (op.imm() == Imm.SHUFFLE) {
            V128 lanes = WasmValues.v128(call[call.length - 1]);
            args.add(lanes.lo());
            args.add(lanes.hi());
        }
        Object result;
        try {
            result = helper(op).invokeWithArguments(args);
        } catch (Trap trap) {
            if (!traps) {
                fail(line + ": trapped with " + trap.getMessage());
            }
            assertEquals(expected, trap.getMessage(), line);
            return;
        } catch (Throwable t) {
            throw new AssertionError(line + ": threw " + t, t);
        }
        if (traps) {
            fail(line + ": returned " + WasmValues.show(result) + " instead of trapping");
        }
        ValType type = op.results().getFirst();
        boolean ok;
        if (type == ValType.F32) {
            ok = WasmValues.matchesF32(expected, (Float) result);
        } else if (type == ValType.F64) {
            ok = WasmValues.matchesF64(expected, (Double) result);
        } else if (type == ValType.V128) {
            ok = WasmValues.matchesV128(expected, (V128) result);
        } else {
            ok = parse(type, expected).equals(result);
        }
        assertTrue(ok, () -> line + ": got " + WasmValues.show(result));
    }

    static void checkAll(String... lines) {
        Arrays.stream(lines).forEach(Cases::check);
    }

    private static MethodHandle helper(Op op) throws ReflectiveOperationException {
        var desc = OpHelpers.of(op);
        assertNotNull(desc, "no helper for " + op.mnemonic());
        Class<?> owner = Class.forName(desc.owner().packageName() + "." + desc.owner().displayName());
        MethodType type = desc.invocationType().resolveConstantDesc(MethodHandles.lookup());
        return MethodHandles.publicLookup().findStatic(owner, desc.methodName(), type);
    }

    /** Whitespace-separated tokens, except that a bracketed v128 is one token. */
    private static String[] tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out.toArray(String[]::new);
    }

    private static final Pattern TOKEN = Pattern.compile("\\[[^\\]]*\\]|\\S+");

    private static Object parse(ValType type, String text) {
        if (type == ValType.I32) {
            return WasmValues.i32(text);
        } else if (type == ValType.I64) {
            return WasmValues.i64(text);
        } else if (type == ValType.F32) {
            return WasmValues.f32(text);
        } else if (type == ValType.V128) {
            return WasmValues.v128(text);
        }
        return WasmValues.f64(text);
    }
}
