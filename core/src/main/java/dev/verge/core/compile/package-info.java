/**
 * Internal: compiles a validated module to a hidden JVM class (several for a module too large for
 * one class's constant pool) with {@code java.lang.classfile}.
 * Not part of the API; the runtime ({@code dev.verge.core.runtime}) is its only user.
 *
 * <p>Each Wasm function becomes a static method {@code f<index>(params..., Instance)}: Wasm locals
 * are JVM locals, the Wasm operand stack is the JVM operand stack, blocks are labels. The compiler
 * is the visitor downstream of the validator ({@code FunctionValidator}) and asks it for operand
 * types instead of keeping a type stack ({@link dev.verge.core.compile.OperandTypes}). Numeric
 * instructions are bytecode when the JVM's semantics match Wasm's, else calls of the helpers in
 * {@code dev.verge.core.runtime.ops}; memory, table and trap operations are calls of small runtime
 * helpers that HotSpot inlines.
 *
 * <p>The JVM's limits have fallbacks: functions with more than 253 parameter slots take their
 * arguments in two arrays; functions with too many locals keep them in heap arrays; functions
 * larger than one method are split into piece methods that share those arrays
 * ({@code SplitPlan}); a module whose functions one class's constant pool cannot name is cut into
 * several classes that call each other through {@code invokedynamic} ({@code ClassPartition},
 * {@code Calls}). Interruption polls (function entry, loop headers) and fuel are compiled in
 * when the engine configuration asks for them.
 */
package dev.verge.core.compile;
