package dev.verge.core.runtime;

/**
 * Something an instance exports or imports: a function, a memory, a table or a global. The same
 * object is shared by every instance that exports or imports it.
 */
public sealed interface Extern permits WasmFunction, Memory, Table, Global {}
