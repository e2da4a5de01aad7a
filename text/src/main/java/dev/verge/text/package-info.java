/**
 * The WebAssembly text format. {@link dev.verge.text.Wat} parses a {@code .wat} module into a
 * {@link dev.verge.core.model.WasmModule} or its binary encoding; malformed text is a
 * {@link dev.verge.text.ParseException} with the reference interpreter's wording and a
 * line:column position.
 *
 * <p>The pieces a WAST script runner builds on are public: {@link dev.verge.text.Lexer} (tokens
 * as positions, one token of lookahead), {@link dev.verge.text.WatParser#parseModuleForm} (a
 * {@code (module ...)} form: text, binary or quote) and {@link dev.verge.text.NumberParser}
 * (number literals to integers and exact float bits).
 *
 * <p>Parsing takes two passes over a module's fields: the first binds identifiers and reads type
 * definitions, the second parses each field and writes instructions straight into their binary
 * encoding with {@link dev.verge.core.binary.CodeWriter}, reading immediates by shape from the
 * one instruction table, {@link dev.verge.core.instr.Op}.
 */
package dev.verge.text;
