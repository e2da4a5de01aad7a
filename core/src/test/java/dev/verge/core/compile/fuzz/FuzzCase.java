package dev.verge.core.compile.fuzz;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.Import;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import dev.verge.core.runtime.Extern;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Memory;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import dev.verge.core.runtime.V128;
import dev.verge.core.runtime.WasmFunction;
import dev.verge.core.validate.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One seed of the compiler fuzzer: generate, encode, decode, validate, compile, then call every
 * export on two fresh instances under a fuel budget. The only acceptable outcomes are results and
 * {@link Trap}s, the same on both instances; anything else is a finding, described with its seed.
 */
final class FuzzCase {
    /** Fuel per call: enough for bounded loops and some recursion, little enough to stay fast. */
    static final long FUEL = 20_000;
    private static final Engine METERED = new Engine(EngineConfig.DEFAULT.withFuel(true));
    private static final Engine PLAIN = new Engine(EngineConfig.DEFAULT);

    private FuzzCase() {}

    /** What went wrong for {@code seed} (a light or full-size module), or null when nothing did. */
    static String check(long seed, boolean light) {
        String stage = "generate";
        try {
            WasmModule generated = ModuleGenerator.generate(seed, light);
            stage = "encode";
            byte[] binary = ModuleEncoder.encode(generated);
            stage = "decode";
            WasmModule module = ModuleDecoder.decode(binary);
            stage = "validate (generator or validator wrong)";
            Validator.validate(module);
            stage = "compile without fuel";
            CompiledModule plain = PLAIN.compile(module);
            stage = "compile with fuel";
            CompiledModule compiled = METERED.compile(module);
            stage = "run";
            List<String> first = run(compiled, seed, false);
            List<String> second = run(compiled, seed, false);
            if (seed % 10 == 0) {
                run(plain, seed, true);
            }
            String difference = compare(first, second);
            if (difference != null) {
                return "seed " + seed + ": two fresh instances differ: " + difference;
            }
            return null;
        } catch (Trap t) {
            // Instantiation may trap only if the module's segments do; the generator keeps them in bounds.
            return stage.equals("run") ? null : describe(seed, stage, t);
        } catch (Throwable t) {
            return describe(seed, stage, t);
        }
    }

    private static String describe(long seed, String stage, Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String trace = w.toString();
        String[] lines = trace.split("\n");
        String head = String.join("\n", Arrays.copyOf(lines, Math.min(lines.length, 12)));
        return "seed " + seed + " (" + ModuleGenerator.profileOf(seed) + "): " + stage + " threw " + head;
    }

    /**
     * Calls every exported function three times with arguments drawn from {@code seed}, each call
     * bounded by {@link #FUEL} or, for a module compiled without fuel, by a short deadline; returns
     * one line per call: the results or the trap kind, then the memory's hash. Anything thrown that
     * is not a trap propagates.
     */
    static List<String> run(CompiledModule compiled, long seed, boolean deadline) {
        Random random = new Random(seed * 7919 + 1);
        Linker linker = new Linker();
        WasmModule module = compiled.module();
        for (Import i : module.imports()) {
            if (i.type() instanceof FuncImport f) {
                FuncType type = module.funcType(f.typeIndex());
                linker.defineFunction(i.module(), i.name(), type, (caller, args) -> hostResults(type, args));
            }
        }
        Instance instance = linker.instantiate(compiled);
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            Extern e = instance.exports().get("f" + i);
            if (!(e instanceof WasmFunction f)) {
                break;
            }
            for (int k = 0; k < 3; k++) {
                Object[] args = arguments(f.type(), random);
                String outcome;
                if (!deadline) {
                    instance.setFuel(FUEL);
                }
                Instance.Deadline timer = deadline ? instance.interruptAfter(Duration.ofMillis(20)) : null;
                try {
                    outcome = "f" + i + " -> " + describe(f.call(args));
                } catch (Trap t) {
                    outcome = "f" + i + " trap " + t.kind();
                } finally {
                    if (timer != null) {
                        timer.close();
                    }
                }
                if (instance.exports().get("mem") instanceof Memory mem) {
                    outcome += " mem " + Arrays.hashCode(mem.readBytes(0, (int) mem.byteSize()));
                }
                out.add(outcome);
            }
        }
        return out;
    }

    /** What the imported host functions return: for each result, the first argument of its type, else a constant. */
    private static Object[] hostResults(FuncType type, Object[] args) {
        Object[] out = new Object[type.results().size()];
        for (int r = 0; r < out.length; r++) {
            ValType t = type.results().get(r);
            for (int a = 0; a < args.length && out[r] == null; a++) {
                if (type.params().get(a).equals(t)) {
                    out[r] = args[a];
                }
            }
            if (out[r] == null) {
                out[r] = t == ValType.I32 ? (Object) 7 : t == ValType.I64 ? (Object) 7L : t == ValType.F32 ? (Object) 7f
                        : t == ValType.F64 ? (Object) 7.0 : t == ValType.V128 ? V128.of(7, 7) : null;
            }
        }
        return out;
    }

    private static Object[] arguments(FuncType type, Random random) {
        Object[] args = new Object[type.params().size()];
        for (int i = 0; i < args.length; i++) {
            ValType t = type.params().get(i);
            if (t == ValType.I32) {
                args[i] = Values.i32(random);
            } else if (t == ValType.I64) {
                args[i] = Values.i64(random);
            } else if (t == ValType.F32) {
                args[i] = Float.intBitsToFloat(Values.f32Bits(random));
            } else if (t == ValType.F64) {
                args[i] = Double.longBitsToDouble(Values.f64Bits(random));
            } else if (t == ValType.V128) {
                args[i] = V128.of(Values.i64(random), Values.i64(random));
            } else if (t.equals(ValType.EXTERNREF) && random.nextBoolean()) {
                args[i] = "host" + random.nextInt(4);
            } else {
                args[i] = null;
            }
        }
        return args;
    }

    /** Results as text; NaNs print as "NaN" whatever their payload, which Wasm leaves open. */
    private static String describe(Object[] results) {
        return Arrays.toString(results);
    }

    /**
     * The first difference between two runs, or null. Stack exhaustion depends on the JVM's frame
     * sizes (interpreted or compiled), so the comparison stops at the first call that hit it.
     */
    private static String compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String exhausted = "trap " + TrapKind.CALL_STACK_EXHAUSTED;
            if (a.get(i).contains(exhausted) || b.get(i).contains(exhausted)) {
                return null;
            }
            if (!a.get(i).equals(b.get(i))) {
                return "call " + i + ": " + a.get(i) + " vs " + b.get(i);
            }
        }
        return a.size() == b.size() ? null : "different call counts";
    }
}
