package dev.verge.cli;

/** The one place the CLI calls the WAT parser. */
final class TextModules {
    private TextModules() {}

    /** Parses a {@code (module ...)} to its binary form. */
    static byte[] parse(String text) {
        throw new ModuleLoader.TextError("the text format parser is not available yet");
    }

    /**
     * The full message of a parse error: {@code line:column: reason} and the source line with a
     * caret under the column.
     */
    static String describe(RuntimeException e) {
        return e.getMessage();
    }
}
