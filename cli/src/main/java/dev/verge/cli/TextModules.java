package dev.verge.cli;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.text.ParseException;
import dev.verge.text.Wat;

/** The one place the CLI calls the WAT parser. */
final class TextModules {
    private TextModules() {}

    /**
     * Parses UTF-8 text, a {@code (module ...)} or bare module fields, to its binary form.
     *
     * @throws ParseException if the text is malformed
     */
    static byte[] parse(byte[] utf8) {
        return ModuleEncoder.encode(Wat.parse(utf8));
    }

    /**
     * The full message of a parse error: {@code line:column: reason} and the source line with a
     * caret under the column.
     */
    static String describe(RuntimeException e) {
        return e.getMessage();
    }
}
