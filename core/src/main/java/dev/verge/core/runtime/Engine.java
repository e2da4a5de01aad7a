package dev.verge.core.runtime;

import dev.verge.core.binary.DecoderLimits;
import dev.verge.core.binary.MalformedModuleException;
import dev.verge.core.binary.ModuleDecoder;
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
        return compile(ModuleDecoder.decode(binary));
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
            return new CompiledModule(this, module, out, canonicalTypes(module));
        });
    }

    /**
     * Loads a module that {@link CompiledModule#serialize()} wrote, without validating or
     * compiling it: the stored class files are defined as they are, and the stored module is decoded
     * without validation. This takes a fraction of the time {@link #compile} takes.
     *
     * <p><b>Trust:</b> deserializing is as trusted as loading a jar. The bytes become JVM classes
     * in Verge's runtime package, with access to its internals, and the Wasm sandbox's guarantees
     * rest on the validator and compiler having produced them; a crafted artifact with a valid
     * checksum escapes every one of them. Only load artifacts that you produced (with
     * {@code verge compile} or {@link CompiledModule#serialize()}) and stored where only you can
     * write; never accept them from the parties whose modules you sandbox. The header and
     * checksum catch accidents (a damaged file, another Verge build, other engine options), not
     * attacks.
     *
     * @throws SerializedModuleException when the bytes are not a serialized module, are damaged,
     *     or were made by another Verge build, another Java runtime, or an engine whose
     *     code-generation options ({@link EngineConfig#fuel()}, {@link EngineConfig#interruptible()})
     *     differ from this one's
     */
    public CompiledModule deserialize(byte[] serialized) {
        ModuleArtifact.Parts parts = ModuleArtifact.read(config, serialized);
        WasmModule module;
        try {
            module = ModuleDecoder.decodeKnownGood(parts.wasm(), TRUSTED);
        } catch (MalformedModuleException e) {
            throw new SerializedModuleException(SerializedModuleException.Reason.CORRUPT, "stored module does not decode: " + e.getMessage(), e);
        }
        ModuleCompiler.Output out;
        try {
            out = ModuleCompiler.define(module, parts.classes(), MethodHandles.lookup());
        } catch (CompilationException e) {
            throw new SerializedModuleException(SerializedModuleException.Reason.REJECTED, "stored code was refused: " + e.getMessage(), e);
        }
        return new CompiledModule(this, module, out, canonicalTypes(module));
    }

    /**
     * Whether {@code bytes} start like a serialized module (the output of
     * {@link CompiledModule#serialize()}), as opposed to a Wasm binary or text. Says nothing about
     * whether this engine can load it.
     */
    public static boolean isSerialized(byte[] bytes) {
        return ModuleArtifact.hasMagic(bytes);
    }

    /**
     * A string that two engines share exactly when each can {@link #deserialize} what the other
     * serialized: the format version, the Verge build, the Java runtime and the code-generation
     * options. Opaque; meant as part of cache keys (the {@code verge run} compilation cache
     * hashes it with the module's bytes).
     */
    public String compatibilityKey() {
        return new StringBuilder("format ").append(ModuleArtifact.FORMAT_VERSION).append("; ").append(BuildId.value()).append("; ")
                .append(ModuleArtifact.codegenOptions(config)).toString(); // no concatenation bootstrap: see codegenOptions
    }

    /**
     * Decoding limits for a module read back from a serialized artifact: it decoded (within the
     * limits of whoever compiled it) and validated before, so only the format is read again.
     */
    private static final DecoderLimits TRUSTED = new DecoderLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, true);

    /** The module's function types, equal ones as the same object (call_indirect compares identity first). */
    private static FuncType[] canonicalTypes(WasmModule module) {
        FuncType[] out = new FuncType[module.types().size()];
        Map<FuncType, FuncType> seen = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            if (module.types().get(i).composite() instanceof FuncType f) {
                FuncType earlier = seen.putIfAbsent(f, f);
                out[i] = earlier != null ? earlier : f;
            }
        }
        return out;
    }
}
