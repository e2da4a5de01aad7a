/**
 * The WAST script runner, a library used by {@code verge wast} and by JUnit tests alike.
 *
 * <p>{@link dev.verge.text.wast.ScriptParser} reads a script into
 * {@link dev.verge.text.wast.Command}s; {@link dev.verge.text.wast.WastRunner} runs them, turning
 * modules into bytes, modules and validated modules through a {@link dev.verge.text.wast.Toolchain}
 * (Verge's parser, decoder and validator) and running code through a
 * {@link dev.verge.text.wast.WastEngine} (Verge's engine, adapted by
 * {@link dev.verge.text.wast.VergeWastEngine}). Each command yields a
 * {@link dev.verge.text.wast.CommandResult}; none is ever skipped.
 */
package dev.verge.text.wast;
