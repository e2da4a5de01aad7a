package dev.verge.core.instr;

/**
 * The shape of an instruction's immediates. The decoder reads immediates by shape, never by
 * opcode, and calls the {@link InstrVisitor} method that the shape names; the text parser and the
 * encoder use the same shapes.
 */
public enum Imm {
    /** No immediates: {@link InstrVisitor#op}. */
    NONE,
    /** A block type: {@link InstrVisitor#block} ({@code block}, {@code loop}, {@code if}). */
    BLOCK,
    /** A label index: {@link InstrVisitor#branch} ({@code br}, {@code br_if}). */
    LABEL,
    /** A label vector and a default label: {@link InstrVisitor#brTable}. */
    BR_TABLE,
    /** A function index: {@link InstrVisitor#index} ({@code call}, {@code ref.func}). */
    FUNC,
    /** A local index: {@link InstrVisitor#index}. */
    LOCAL,
    /** A global index: {@link InstrVisitor#index}. */
    GLOBAL,
    /** A table index: {@link InstrVisitor#index} ({@code table.get/set/size/grow/fill}). */
    TABLE,
    /** A memory index: {@link InstrVisitor#index} ({@code memory.size/grow/fill}). */
    MEMORY,
    /** An element segment index: {@link InstrVisitor#index} ({@code elem.drop}). */
    ELEM,
    /** A data segment index: {@link InstrVisitor#index} ({@code data.drop}). */
    DATA,
    /** A type index then a table index: {@link InstrVisitor#index2} ({@code call_indirect}). */
    TYPE_TABLE,
    /** A data index then a memory index: {@link InstrVisitor#index2} ({@code memory.init}). */
    DATA_MEMORY,
    /** Destination then source memory: {@link InstrVisitor#index2} ({@code memory.copy}). */
    MEMORY_MEMORY,
    /** An element index then a table index: {@link InstrVisitor#index2} ({@code table.init}). */
    ELEM_TABLE,
    /** Destination then source table: {@link InstrVisitor#index2} ({@code table.copy}). */
    TABLE_TABLE,
    /** Alignment, offset and memory: {@link InstrVisitor#memory} (loads and stores). */
    MEMARG,
    /** A memarg then a lane index: {@link InstrVisitor#memoryLane} ({@code v128.load8_lane}, ...). */
    MEMARG_LANE,
    /** A lane index: {@link InstrVisitor#lane} ({@code extract_lane}, {@code replace_lane}). */
    LANE,
    /** Sixteen lane indices: {@link InstrVisitor#shuffle} ({@code i8x16.shuffle}). */
    SHUFFLE,
    /** {@link InstrVisitor#i32Const}. */
    I32,
    /** {@link InstrVisitor#i64Const}. */
    I64,
    /** {@link InstrVisitor#f32Const}, the raw bits. */
    F32,
    /** {@link InstrVisitor#f64Const}, the raw bits. */
    F64,
    /** {@link InstrVisitor#v128Const}, 16 bytes. */
    V128,
    /** A vector of value types: {@link InstrVisitor#selectTyped} ({@code select t*}). */
    SELECT_TYPES,
    /** A heap type: {@link InstrVisitor#refNull} ({@code ref.null}). */
    HEAP_TYPE
}
