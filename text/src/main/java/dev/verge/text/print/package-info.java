/**
 * The text-format printer ({@code wasm2wat}): {@link dev.verge.text.print.WatPrinter} turns a
 * decoded module into text that parses back to the same module, reading instructions with the
 * decoder's {@code CodeReader} and mnemonics from {@code Op}.
 */
package dev.verge.text.print;
