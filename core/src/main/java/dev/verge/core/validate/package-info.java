/**
 * Validation of decoded modules against the WebAssembly 2.0 rules.
 *
 * <p>{@link dev.verge.core.validate.Validator} checks a {@link dev.verge.core.model.WasmModule} and
 * returns a {@link dev.verge.core.validate.ValidModule}, the only input the compiler accepts.
 * Function bodies are checked by {@link dev.verge.core.validate.FunctionValidator}, a visitor that
 * decorates a downstream visitor: the compiler runs behind it and asks it for operand and label
 * types instead of tracking types itself.
 */
package dev.verge.core.validate;
