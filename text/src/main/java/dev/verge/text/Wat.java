package dev.verge.text;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.model.WasmModule;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The WebAssembly text format: {@code .wat} source to a module or to its binary encoding.
 *
 * <pre>{@code
 * byte[] wasm = Wat.toBinary("(module (func (export \"one\") (result i32) (i32.const 1)))");
 * }</pre>
 *
 * Malformed text raises {@link ParseException} with the line and column of the problem.
 */
public final class Wat {
    private Wat() {}

    /** Parses a module: {@code (module ...)} or its fields alone. */
    public static WasmModule parse(String source) {
        return WatParser.parse(source);
    }

    /** Parses UTF-8 source; malformed UTF-8 is reported as a parse error at its position. */
    public static WasmModule parse(byte[] utf8) {
        return parse(decode(utf8));
    }

    /** The binary encoding of a module given as text. */
    public static byte[] toBinary(String source) {
        return ModuleEncoder.encode(parse(source));
    }

    /** Decodes UTF-8 strictly, reporting the line and column of the first malformed byte. */
    static String decode(byte[] utf8) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            String before = new String(utf8, 0, in.position(), StandardCharsets.UTF_8);
            throw ParseException.at(before, before.length(), "malformed UTF-8 encoding");
        }
        return out.flip().toString();
    }
}
