package dev.verge.text.wast;

import dev.verge.core.model.WasmModule;

/**
 * The steps that turn a script's module into something an engine can instantiate: parse text,
 * decode, validate. Each step reports a rejection with a {@link dev.verge.core.VergeException}
 * whose message is the reason; the runner knows from the step which outcome that is (malformed
 * for the first two, invalid for the third).
 */
public interface Toolchain {
    /**
     * Text format to binary; the UTF-8 text is either {@code (module ...)} or bare module fields
     * (malformed UTF-8 is a malformed module, so the text is passed as bytes).
     */
    byte[] parseText(byte[] utf8);

    WasmModule decode(byte[] binary);

    /** Validates, returning the validator's proof of validity (handed on to the engine). */
    Object validate(WasmModule module);

    /** The reason a step gave, without locations where the exception type knows it. */
    default String reason(RuntimeException e) {
        return switch (e) {
            case dev.verge.core.binary.MalformedModuleException m -> m.reason();
            case dev.verge.core.validate.InvalidModuleException i -> i.reason();
            case dev.verge.text.ParseException p -> p.reason();
            default -> String.valueOf(e.getMessage());
        };
    }
}
