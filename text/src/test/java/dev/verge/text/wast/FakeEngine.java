package dev.verge.text.wast;

import dev.verge.core.model.Import;
import dev.verge.core.model.WasmModule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in engine for testing the runner alone. Every instance exports the same things:
 * {@code add} (sums i32 arguments), {@code nan} (an arithmetic, non-canonical f32 NaN),
 * {@code trap}, {@code deep} (exhaustion), {@code boom} (a Java bug) and the global {@code g} (666).
 * Imports link only against registered names; a module with a start function traps.
 */
final class FakeEngine implements WastEngine {
    private final Set<String> registered = new HashSet<>(Set.of("spectest"));

    @Override
    public Instance instantiate(byte[] binary, WasmModule module, Object validated) throws WastEngineException {
        for (Import i : module.imports()) {
            if (!registered.contains(i.module())) {
                throw new WastEngineException(WastEngineException.Kind.UNLINKABLE, "unknown import " + i.module() + "." + i.name());
            }
        }
        if (module.start() >= 0) {
            throw new WastEngineException(WastEngineException.Kind.TRAP, "unreachable executed");
        }
        return new Instance() {
            @Override
            public List<WastValue> invoke(String export, List<WastValue> args) throws WastEngineException {
                return switch (export) {
                    case "add" -> List.of(new WastValue.I32(args.stream().mapToInt(a -> ((WastValue.I32) a).value()).sum()));
                    case "nan" -> List.of(new WastValue.F32(0x7FE0_0000));
                    case "trap" -> throw new WastEngineException(WastEngineException.Kind.TRAP, "integer divide by zero");
                    case "deep" -> throw new WastEngineException(WastEngineException.Kind.EXHAUSTION, "call stack exhausted");
                    case "boom" -> throw new IllegalStateException("bug");
                    default -> throw new WastEngineException(WastEngineException.Kind.NO_SUCH_EXPORT, "no export " + export);
                };
            }

            @Override
            public WastValue get(String export) throws WastEngineException {
                if (export.equals("g")) {
                    return new WastValue.I32(666);
                }
                throw new WastEngineException(WastEngineException.Kind.NO_SUCH_EXPORT, "no global " + export);
            }
        };
    }

    @Override
    public void register(String name, Instance instance) {
        registered.add(name);
    }
}
