package dev.verge.text.wast;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.CompilationException;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Global;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.ResourceLimitException;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import dev.verge.core.runtime.UnlinkableException;
import dev.verge.core.runtime.WasmFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The script runner's view of Verge's engine: one {@link Linker} per script, with the
 * {@code spectest} module and every registered instance; values boxed the way the runtime boxes
 * them, with {@code (ref.extern N)} as a {@link HostRef} object the guest can only pass around.
 */
public final class VergeWastEngine implements WastEngine {
    /** The host value behind {@code (ref.extern N)} (and {@code (ref.host N)}). */
    record HostRef(long id, boolean host) {}

    /** Far longer than any spec test call takes. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final Engine engine;
    private final Linker linker = new Linker();

    public VergeWastEngine(Engine engine) {
        this.engine = engine;
        SpecTestModule.define(linker);
    }

    @Override
    public Instance instantiate(byte[] binary, WasmModule module, Object validated) throws WastEngineException {
        CompiledModule compiled;
        try {
            compiled = engine.compile(module);
        } catch (CompilationException e) {
            throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED, "cannot compile: " + e.getMessage());
        }
        try {
            return new VergeInstance(linker.instantiate(compiled));
        } catch (UnlinkableException e) {
            throw new WastEngineException(WastEngineException.Kind.UNLINKABLE, e.getMessage());
        } catch (Trap e) {
            throw trap(e);
        } catch (ResourceLimitException e) {
            throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED, e.getMessage());
        }
    }

    @Override
    public void register(String name, Instance instance) {
        linker.defineInstance(name, ((VergeInstance) instance).instance);
    }

    private static WastEngineException trap(Trap t) {
        return new WastEngineException(t.kind() == TrapKind.CALL_STACK_EXHAUSTED
                ? WastEngineException.Kind.EXHAUSTION : WastEngineException.Kind.TRAP, t.getMessage());
    }

    private record VergeInstance(dev.verge.core.runtime.Instance instance) implements Instance {
        @Override
        public List<WastValue> invoke(String export, List<WastValue> args) throws WastEngineException {
            WasmFunction f = instance.function(export);
            if (f == null) {
                throw new WastEngineException(WastEngineException.Kind.NO_SUCH_EXPORT, "no exported function \"" + export + "\"");
            }
            FuncType type = f.type();
            if (args.size() != type.params().size()) {
                throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED,
                        "expected " + type.params().size() + " arguments, the script gives " + args.size());
            }
            Object[] boxed = new Object[args.size()];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = box(type.params().get(i), args.get(i));
            }
            Object[] results;
            // A guest that never returns costs its command, not the whole run.
            var deadline = instance.interruptAfter(CALL_TIMEOUT);
            try {
                results = f.call(boxed);
            } catch (Trap t) {
                throw trap(t);
            } catch (IllegalArgumentException e) {
                throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED, e.getMessage());
            } finally {
                deadline.close();
            }
            List<WastValue> out = new ArrayList<>(results.length);
            for (int i = 0; i < results.length; i++) {
                out.add(unbox(type.results().get(i), results[i]));
            }
            return out;
        }

        @Override
        public WastValue get(String export) throws WastEngineException {
            Global g = instance.global(export);
            if (g == null) {
                throw new WastEngineException(WastEngineException.Kind.NO_SUCH_EXPORT, "no exported global \"" + export + "\"");
            }
            ValType t = g.type().type();
            if (t == NumType.I32) {
                return new WastValue.I32(g.getI32());
            }
            if (t == NumType.I64) {
                return new WastValue.I64(g.getI64());
            }
            if (t == NumType.F32) {
                return new WastValue.F32(g.getF32Bits());
            }
            if (t == NumType.F64) {
                return new WastValue.F64(g.getF64Bits());
            }
            return unbox(t, g.get());
        }
    }

    private static Object box(ValType t, WastValue v) throws WastEngineException {
        return switch (v) {
            case WastValue.I32 i when t == NumType.I32 -> i.value();
            case WastValue.I64 l when t == NumType.I64 -> l.value();
            case WastValue.F32 f when t == NumType.F32 -> Float.intBitsToFloat(f.bits());
            case WastValue.F64 d when t == NumType.F64 -> Double.longBitsToDouble(d.bits());
            case WastValue.V128 x when t == ValType.V128 -> dev.verge.core.runtime.V128.of(x.low(), x.high());
            case WastValue.RefNull n when t instanceof RefType -> null;
            case WastValue.RefExtern e when t instanceof RefType -> new HostRef(e.id(), false);
            case WastValue.RefHost h when t instanceof RefType -> new HostRef(h.id(), true);
            default -> throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED,
                    "cannot pass " + v + " as " + t.text());
        };
    }

    private static WastValue unbox(ValType t, Object v) throws WastEngineException {
        return switch (v) {
            case Integer i when t == NumType.I32 -> new WastValue.I32(i);
            case Long l when t == NumType.I64 -> new WastValue.I64(l);
            case Float f when t == NumType.F32 -> new WastValue.F32(Float.floatToRawIntBits(f));
            case Double d when t == NumType.F64 -> new WastValue.F64(Double.doubleToRawLongBits(d));
            case dev.verge.core.runtime.V128 x when t == ValType.V128 -> new WastValue.V128(x.lo(), x.hi());
            case null -> new WastValue.RefNull(t instanceof RefType r ? heapText(r) : "");
            case HostRef h -> h.host() ? new WastValue.RefHost(h.id()) : new WastValue.RefExtern(h.id());
            case WasmFunction f -> new WastValue.RefOpaque("func", f);
            default -> throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED,
                    "cannot read a " + t.text() + " result (" + v.getClass().getSimpleName() + ")");
        };
    }

    private static String heapText(RefType r) {
        return r.heap() instanceof dev.verge.core.model.AbsHeapType a ? a.text() : "";
    }
}
