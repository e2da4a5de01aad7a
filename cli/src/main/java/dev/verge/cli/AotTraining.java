package dev.verge.cli;

import dev.verge.core.VergeException;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;

/**
 * What a run records for the JDK's AOT cache besides its own path. The launcher records the
 * classes of the first run after a build (system property {@code verge.aot.recording}), and that
 * run almost always compiles its module: the compilation cache is keyed by the build, so it
 * misses. Every later run of the same module loads it from the cache instead, through classes the
 * recording never saw (the serialized form's reader, the known-good decoder), which then load from
 * the jar at every start: about 1.5 ms to open and index it, plus parsing and verifying each. So
 * the recording run also serializes its compiled module and loads it back once.
 */
final class AotTraining {
    private AotTraining() {}

    /** True in the run the launcher records for the AOT cache. */
    static boolean recording() {
        return Boolean.getBoolean("verge.aot.recording");
    }

    /** Loads {@code compiled} back from its serialized form, as a cache hit would; the result is dropped. */
    static void loadOnce(Engine engine, CompiledModule compiled) {
        try {
            engine.deserialize(compiled.serialize());
        } catch (VergeException e) {
            // Training only: code that does not load back costs the cache a few classes, not the run.
        }
    }
}
