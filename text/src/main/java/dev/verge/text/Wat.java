package dev.verge.text;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.model.WasmModule;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(utf8);
            String before = new String(utf8, 0, bad, StandardCharsets.UTF_8);
            throw ParseException.at(before, before.length(), "malformed UTF-8 encoding");
        }
    }

    private static int firstMalformed(byte[] b) {
        int lo = 0;
        int hi = b.length;
        // The longest valid prefix, found by bisection: prefixes of valid UTF-8 stay valid up to
        // a sequence boundary, so checking whole-prefix validity is monotone enough here.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (validPrefix(b, mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static boolean validPrefix(byte[] b, int n) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            // A prefix that cuts a multi-byte sequence is also reported; callers only need the
            // position roughly, at the first complete malformed sequence.
            return false;
        }
    }
}
