package dev.verge.core.runtime;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.compile.FunctionHandles;
import dev.verge.core.compile.ModuleCompiler;
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
    /** The hidden classes the functions were compiled to: one, unless the module is very large. */
    private final List<Class<?>> codeClasses;
    /** The compiled code of each function (function index space), made on first use. */
    private final FunctionHandles functions;
    /** Each type index's function type, canonical: equal types are the same object. */
    private final FuncType[] types;
    private final int maxResults;
    /** The class files {@link #codeClasses} were defined from, for {@link #serialize()}. */
    private final List<ModuleCompiler.GeneratedClass> classFiles;

    CompiledModule(Engine engine, WasmModule module, ModuleCompiler.Output code, FuncType[] types) {
        this.engine = engine;
        this.classFiles = code.classFiles();
        this.module = module;
        this.codeClasses = code.classes();
        this.functions = code.functions();
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
     * This module in Verge's serialized form: its binary encoding, the generated class files, and a
     * header naming the Verge build, the Java runtime and the engine options the code was compiled
     * for, with a checksum. {@link Engine#deserialize} loads it with an engine of the same build
     * and the same code-generation options (fuel, interruption); it refuses anything else. The
     * format is described in ARCHITECTURE.md ("Serialized modules").
     */
    public byte[] serialize() {
        return ModuleArtifact.write(engine.config(), ModuleEncoder.encode(module), classFiles);
    }

    /** Writes {@link #serialize()} to {@code out}, which is left open. */
    public void serialize(OutputStream out) throws IOException {
        out.write(serialize());
    }

    /** The hidden classes of this module's code (tests check how a module was partitioned). */
    List<Class<?>> codeClasses() {
        return codeClasses;
    }

    /** Whether {@code c} is one of the classes this module's functions were compiled to. */
    boolean ownsClass(Class<?> c) {
        for (Class<?> own : codeClasses) {
            if (own == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * The compiled code of function {@code index} (function index space), made the first time it
     * is asked for and then shared by every instance: loading a module makes no handle.
     */
    MethodHandle function(int index) {
        return functions.function(index);
    }

    /** How many functions' handles have been made so far (tests check that they are made lazily). */
    int handlesMade() {
        return functions.madeCount();
    }

    FuncType type(int typeIndex) {
        return types[typeIndex];
    }

    int maxResults() {
        return maxResults;
    }
}
