/**
 * The embedding API: compile with an {@link dev.verge.core.runtime.Engine}, link imports with a
 * {@link dev.verge.core.runtime.Linker}, run exports of an {@link dev.verge.core.runtime.Instance}.
 *
 * <pre>{@code
 * Engine engine = new Engine();                       // shareable, thread-safe
 * CompiledModule module = engine.compile(wasmBytes);  // decode, validate, compile once
 * Instance instance = new Linker()
 *         .defineFunction("env", "log", new FuncType(List.of(ValType.I32), List.of()),
 *                 (caller, args) -> { System.out.println(args[0]); return null; })
 *         .instantiate(module);                       // cheap: no class generation
 * Object[] sum = instance.function("add").call(1, 2);
 * }</pre>
 *
 * <p>Values are boxed in {@code call}: i32 as {@link java.lang.Integer}, i64 as
 * {@link java.lang.Long}, f32 as {@link java.lang.Float}, f64 as {@link java.lang.Double}, funcref
 * as {@link dev.verge.core.runtime.WasmFunction}, externref as any object; NaN payloads are kept.
 * {@link dev.verge.core.runtime.WasmFunction#handle()} calls without boxing. Every abnormal stop of
 * guest code is a {@link dev.verge.core.runtime.Trap} with its {@link dev.verge.core.runtime.TrapKind},
 * the spec's message and a Wasm backtrace; unresolved imports are
 * {@link dev.verge.core.runtime.UnlinkableException}s. The numeric semantics live in
 * {@code dev.verge.core.runtime.ops}.
 *
 * <p>Package-private classes here ({@code MemoryAccess}, {@code TableAccess}, {@code Traps},
 * {@code MultiResults}) are what compiled code calls: generated classes are defined in this
 * package, so they need not be public.
 */
package dev.verge.core.runtime;
