/**
 * The semantics of WebAssembly's numeric instructions, written once as small static methods that
 * compiled guest code calls with {@code invokestatic} (and that HotSpot inlines).
 *
 * <p>One class per value type ({@link dev.verge.core.runtime.ops.I32Ops}, {@link
 * dev.verge.core.runtime.ops.I64Ops}, {@link dev.verge.core.runtime.ops.F32Ops}, {@link
 * dev.verge.core.runtime.ops.F64Ops}) plus {@link dev.verge.core.runtime.ops.ConvertOps} for the
 * instructions that change type. Method names follow the instruction's mnemonic, so {@code
 * i32.div_s} is {@code I32Ops.divS} and {@code i64.trunc_f32_u} is {@code
 * ConvertOps.i64TruncF32U}; {@link dev.verge.core.runtime.ops.OpHelpers} derives that mapping from
 * the instruction table for the compiler. Instructions whose JVM bytecode already has the Wasm
 * semantics ({@code i32.add} is {@code iadd}, {@code f64.mul} is {@code dmul}) have no helper.
 *
 * <p>SIMD instructions follow the same rule with one class per shape ({@link
 * dev.verge.core.runtime.ops.I8x16Ops} to {@link dev.verge.core.runtime.ops.F64x2Ops}, and {@link
 * dev.verge.core.runtime.ops.V128Ops} for the shape-less ones) over an immutable {@link
 * dev.verge.core.runtime.V128}; {@link dev.verge.core.runtime.ops.LaneOps} holds the per-lane
 * rules that have no scalar counterpart. They are written for correctness first (lane loops), to
 * be specialised once benchmarks say which matter.
 *
 * <p>Values are carried as the JVM's {@code int}, {@code long}, {@code float} and {@code double}.
 * A float's bits, NaN payload included, must survive every helper unchanged except where the spec
 * says otherwise; helpers that produce NaNs set the quiet bit explicitly instead of trusting the
 * platform's library code to do so.
 *
 * <p>Fast paths are kept tiny so that they inline; anything that traps or is rare lives in a
 * separate method.
 */
package dev.verge.core.runtime.ops;
