package dev.verge.text.wast;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import java.util.function.Function;

/** Verge's own text parser, decoder and validator, as the script runner uses them. */
public final class StandardToolchain implements Toolchain {
    private final Function<String, byte[]> textParser;

    /**
     * @param textParser the WAT parser: {@code (module ...)} text to a binary module, throwing a
     *     {@link dev.verge.core.VergeException} for malformed text
     */
    public StandardToolchain(Function<String, byte[]> textParser) {
        this.textParser = textParser;
    }

    /** The toolchain with Verge's own WAT parser. */
    public static StandardToolchain create() {
        return new StandardToolchain(text -> {
            throw new TextUnavailable();
        });
    }

    /** Until the WAT parser exists: every text module is rejected with this reason. */
    private static final class TextUnavailable extends dev.verge.core.VergeException {
        TextUnavailable() {
            super("text format parser not available");
        }
    }

    @Override
    public byte[] parseText(String text) {
        return textParser.apply(text);
    }

    @Override
    public WasmModule decode(byte[] binary) {
        return ModuleDecoder.decode(binary);
    }

    @Override
    public Object validate(WasmModule module) {
        return Validator.validate(module);
    }
}
