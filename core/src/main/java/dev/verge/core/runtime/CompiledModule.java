package dev.verge.core.runtime;

import dev.verge.core.model.Export;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.Import;
import dev.verge.core.model.WasmModule;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A module compiled to JVM classes: immutable, thread-safe, and instantiated any number of times
 * by {@link Linker#instantiate} without generating classes again.
 */
public final class CompiledModule {
    private final Engine engine;
    private final WasmModule module;
    private final Class<?> codeClass;
    /** The compiled code of each defined function (index = function index - imported functions). */
    private final MethodHandle[] functions;
    /** Each type index's function type, canonical: equal types are the same object. */
    private final FuncType[] types;
    private final int maxResults;

    CompiledModule(Engine engine, WasmModule module, Class<?> codeClass, MethodHandle[] functions, FuncType[] types) {
        this.engine = engine;
        this.module = module;
        this.codeClass = codeClass;
        this.functions = functions;
        this.types = types;
        int max = 0;
        for (FuncType t : types) {
            max = Math.max(max, t.results().size());
        }
        this.maxResults = max;
    }

    public Engine engine() {
        return engine;
    }

    /** The decoded module this was compiled from. */
    public WasmModule module() {
        return module;
    }

    /** What instantiation must be given, in order. */
    public List<Import> imports() {
        return module.imports();
    }

    public List<Export> exports() {
        return module.exports();
    }

    Class<?> codeClass() {
        return codeClass;
    }

    MethodHandle function(int definedIndex) {
        return functions[definedIndex];
    }

    FuncType type(int typeIndex) {
        return types[typeIndex];
    }

    int maxResults() {
        return maxResults;
    }
}
