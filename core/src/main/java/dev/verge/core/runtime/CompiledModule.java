package dev.verge.core.runtime;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.model.Export;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.Import;
import dev.verge.core.model.WasmModule;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A module compiled to JVM classes: immutable, thread-safe, and instantiated any number of times
 * by {@link Linker#instantiate} without generating classes again.
 *
 * <p>{@link #serialize()} turns it into bytes (conventionally a {@code .cwasm} file) that
 * {@link Engine#deserialize} loads in another process without validating or compiling again.
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
    /** The class file {@link #codeClass} was defined from, for {@link #serialize()}. */
    private final byte[] classBytes;

    CompiledModule(Engine engine, WasmModule module, Class<?> codeClass, MethodHandle[] functions, FuncType[] types, byte[] classBytes) {
        this.engine = engine;
        this.classBytes = classBytes;
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

    /**
     * This module in Verge's serialized form: its binary encoding, the generated class file, and a
     * header naming the Verge build, the Java runtime and the engine options the code was compiled
     * for, with a checksum. {@link Engine#deserialize} loads it with an engine of the same build
     * and the same code-generation options (fuel, interruption); it refuses anything else. The
     * format is described in ARCHITECTURE.md ("Serialized modules").
     */
    public byte[] serialize() {
        return ModuleArtifact.write(engine.config(), ModuleEncoder.encode(module), classBytes);
    }

    /** Writes {@link #serialize()} to {@code out}, which is left open. */
    public void serialize(OutputStream out) throws IOException {
        out.write(serialize());
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
