package dev.verge.text.wast;

import dev.verge.core.model.WasmModule;

/** How far a script's module got through the {@link Toolchain}. */
sealed interface ModuleOutcome {
    /** Parsed, decoded and validated. */
    record Loaded(byte[] binary, WasmModule module, Object validated) implements ModuleOutcome {}

    /** The text parser or the decoder rejected it. */
    record Malformed(String reason) implements ModuleOutcome {}

    /** The validator rejected it. */
    record Invalid(String reason) implements ModuleOutcome {}

    /** A step failed with something other than a Verge error: a bug, reported as such. */
    record Crashed(String what) implements ModuleOutcome {}

    static String describe(ModuleOutcome o) {
        return switch (o) {
            case Loaded l -> "a valid module";
            case Malformed m -> "malformed: " + m.reason();
            case Invalid i -> "invalid: " + i.reason();
            case Crashed c -> "crash: " + c.what();
        };
    }
}
