/**
 * The Wasm binary format: {@link dev.verge.core.binary.ModuleDecoder} turns bytes into a
 * {@link dev.verge.core.model.WasmModule}, {@link dev.verge.core.binary.CodeReader} turns an
 * encoded instruction sequence into {@link dev.verge.core.instr.InstrVisitor} calls, and
 * {@link dev.verge.core.binary.DecoderLimits} bounds what untrusted input can make them allocate.
 * Malformed input is always a {@link dev.verge.core.binary.MalformedModuleException} with the
 * spec's wording and the offset where decoding stopped.
 */
package dev.verge.core.binary;
