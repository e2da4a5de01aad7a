package dev.verge.text;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.model.WasmModule;

/**
 * A {@code (module ...)} form as a WAST script writes it: a text module (already parsed), a
 * {@code (module binary "...")} (its bytes) or a {@code (module quote "...")} (its source bytes,
 * parsed only when the script asks for it, because {@code assert_malformed} expects the error).
 *
 * @param name the module's {@code $name} (with its {@code $}), or null
 * @param module the parsed module, for {@link Kind#TEXT}
 * @param bytes the binary module for {@link Kind#BINARY}; the source text's bytes for {@link Kind#QUOTE}
 * @param definition whether the form is a Wasm 3.0 {@code (module definition ...)}: a module to
 *     validate and name, not to instantiate
 * @param start the offset of the form's {@code (} in the script
 */
public record ModuleForm(String name, Kind kind, WasmModule module, byte[] bytes, boolean definition, int start) {
    /** How the module is written. */
    public enum Kind {
        TEXT,
        BINARY,
        QUOTE
    }

    /**
     * The module's binary encoding: encoded for text, as given for binary, parsed then encoded
     * for quote (which throws {@link ParseException} when the quoted text is malformed).
     */
    public byte[] binary() {
        return switch (kind) {
            case TEXT -> ModuleEncoder.encode(module);
            case BINARY -> bytes.clone();
            case QUOTE -> ModuleEncoder.encode(Wat.parse(bytes));
        };
    }
}
