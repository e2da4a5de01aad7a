package dev.verge.core.runtime;

import dev.verge.core.compile.ModuleCompiler;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.ValidatorLimits;
import dev.verge.core.validate.Validator;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.Map;

/**
 * Compiles modules under one {@link EngineConfig}. Thread-safe and meant to be shared: compile
 * once, then instantiate the {@link CompiledModule} as often as needed with a {@link Linker}.
 *
 * <pre>{@code
 * Engine engine = new Engine();
 * CompiledModule module = engine.compile(wasmBytes);
 * Instance instance = new Linker()
 *         .defineFunction("env", "log", logType, (caller, args) -> { ...; return null; })
 *         .instantiate(module);
 * Object[] results = instance.function("add").call(1, 2);
 * }</pre>
 */
public final class Engine {
    private final EngineConfig config;

    public Engine() {
        this(EngineConfig.DEFAULT);
    }

    public Engine(EngineConfig config) {
        this.config = config;
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Decodes, validates and compiles a binary module.
     *
     * @throws dev.verge.core.binary.MalformedModuleException when the bytes are not a module
     * @throws dev.verge.core.validate.InvalidModuleException when the module is not valid
     */
    public CompiledModule compile(byte[] binary) {
        return compile(dev.verge.core.binary.ModuleDecoder.decode(binary));
    }

    /**
     * Validates and compiles a decoded module.
     *
     * @throws dev.verge.core.validate.InvalidModuleException when the module is not valid
     */
    public CompiledModule compile(WasmModule module) {
        // Each body is validated as it is compiled (one reading of the code instead of two).
        return Validator.validateWith(module, ValidatorLimits.DEFAULT, valid -> {
            ModuleCompiler.Output out = ModuleCompiler.compile(module, config, Validation.driver(valid), MethodHandles.lookup());
            return new CompiledModule(this, module, out.codeClass(), out.functions(), canonicalTypes(module));
        });
    }

    /** The module's function types, equal ones as the same object (call_indirect compares identity first). */
    private static FuncType[] canonicalTypes(WasmModule module) {
        FuncType[] out = new FuncType[module.types().size()];
        Map<FuncType, FuncType> seen = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            if (module.types().get(i).composite() instanceof FuncType f) {
                out[i] = seen.computeIfAbsent(f, k -> k);
            }
        }
        return out;
    }
}
