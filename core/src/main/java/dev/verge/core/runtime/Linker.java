package dev.verge.core.runtime;

import dev.verge.core.model.FuncType;
import java.util.HashMap;
import java.util.Map;

/**
 * Supplies imports by two-level name and instantiates modules with them. Definitions are host
 * functions ({@link #defineFunction}), any {@link Extern} ({@link #define}), or all the exports of
 * an instance under one module name ({@link #defineInstance}), which is how instances share
 * functions, memories, tables and globals. A linker is not thread-safe while being defined; once
 * set up it can instantiate from several threads.
 *
 * <p>To instantiate one module many times, resolve its imports once with
 * {@link #instantiatePre} and instantiate the resulting {@link InstancePre}; per-instance state
 * for host functions travels as host data ({@link #instantiate(CompiledModule, Object)},
 * {@link Caller#data()}) instead of being captured in per-instance function definitions.
 */
public final class Linker {
    private final Map<String, Map<String, Extern>> definitions = new HashMap<>();

    /** Defines {@code module.name} as {@code value}, replacing an earlier definition. */
    public Linker define(String module, String name, Extern value) {
        // Not computeIfAbsent with a lambda: this runs for every WASI function at every verge run,
        // where the lambda's first use costs a fresh JVM without an AOT cache its bootstrap.
        Map<String, Extern> names = definitions.get(module);
        if (names == null) {
            names = new HashMap<>();
            definitions.put(module, names);
        }
        names.put(name, value);
        return this;
    }

    /** Defines {@code module.name} as a host function of the given type. */
    public Linker defineFunction(String module, String name, FuncType type, HostFunction function) {
        return define(module, name, WasmFunction.host(type, function));
    }

    /** Defines every export of {@code instance} under {@code module}. */
    public Linker defineInstance(String module, Instance instance) {
        instance.exports().forEach((name, value) -> define(module, name, value));
        return this;
    }

    /** The definition of {@code module.name}, or null. */
    public Extern get(String module, String name) {
        Map<String, Extern> m = definitions.get(module);
        return m == null ? null : m.get(name);
    }

    /**
     * Instantiates {@code module}: resolves its imports, allocates its memories, tables and
     * globals, initialises them from its segments and runs its start function. The same as
     * {@code instantiatePre(module).instantiate()}.
     *
     * @throws UnlinkableException when an import is missing or has the wrong type
     * @throws Trap when a segment does not fit (earlier segments stay written, as in Wasm 2.0) or
     *     the start function traps
     */
    public Instance instantiate(CompiledModule module) {
        return instantiatePre(module).instantiate(null);
    }

    /**
     * Instantiates {@code module} with host data that its host functions reach through
     * {@link Caller#data()}. The same as {@code instantiatePre(module).instantiate(data)}.
     *
     * @throws UnlinkableException when an import is missing or has the wrong type
     * @throws Trap when a segment does not fit or the start function traps
     */
    public Instance instantiate(CompiledModule module, Object data) {
        return instantiatePre(module).instantiate(data);
    }

    /**
     * Resolves and checks {@code module}'s imports now, once, and returns what instantiates it any
     * number of times without doing that again. The definitions are captured: redefining a name
     * in this linker afterwards does not change the result.
     *
     * @throws UnlinkableException when an import is missing ("unknown import") or has the wrong
     *     type ("incompatible import type"); the message names the import
     */
    public InstancePre instantiatePre(CompiledModule module) {
        Extern[] imports = new Extern[module.imports().size()];
        for (int i = 0; i < imports.length; i++) {
            var imp = module.imports().get(i);
            Extern value = get(imp.module(), imp.name());
            ImportMatcher.check(module, imp, value);
            imports[i] = value;
        }
        return new InstancePre(module, imports);
    }
}
