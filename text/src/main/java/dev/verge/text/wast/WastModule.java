package dev.verge.text.wast;

/**
 * A module as a script writes it. Turning it into bytes happens when its command runs (not when
 * the script is parsed), because {@code assert_malformed} expects exactly that step to fail.
 */
public sealed interface WastModule {
    /** The {@code $name} the script gives it, or null. */
    String name();

    /** A module in the text format; {@code source} is its {@code (module ...)} text. */
    record Text(String name, String source, int line) implements WastModule {}

    /** {@code (module binary "...")}: the bytes, exactly. */
    record Binary(String name, byte[] bytes) implements WastModule {}

    /** {@code (module quote "...")}: UTF-8 text to be parsed, maybe malformed (even as UTF-8). */
    record Quote(String name, byte[] text) implements WastModule {}
}
