package dev.verge.text.wast;

import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.model.WasmModule;
import dev.verge.core.validate.Validator;
import dev.verge.text.Wat;
import java.util.function.Function;

/** Verge's own text parser, decoder and validator, as the script runner uses them. */
public final class StandardToolchain implements Toolchain {
    private final Function<byte[], byte[]> textParser;

    /**
     * @param textParser the WAT parser: UTF-8 {@code (module ...)} text to a binary module, throwing a
     *     {@link dev.verge.core.VergeException} for malformed text
     */
    public StandardToolchain(Function<byte[], byte[]> textParser) {
        this.textParser = textParser;
    }

    /** The toolchain with Verge's own WAT parser. */
    public static StandardToolchain create() {
        return new StandardToolchain(utf8 -> ModuleEncoder.encode(Wat.parse(utf8)));
    }

    @Override
    public byte[] parseText(byte[] utf8) {
        return textParser.apply(utf8);
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
