package dev.verge.core.compile;

import static java.lang.constant.ConstantDescs.CD_byte;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.verge.core.instr.Op;
import dev.verge.core.model.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * Emits memory, table and segment instructions as calls of the small runtime helpers
 * ({@code MemoryAccess}, {@code TableAccess}) that HotSpot inlines: operands stay where the Wasm
 * stack put them, immediates and the instance (or memory) follow.
 */
final class MemoryEmitter {
    private static final ClassDesc I = CD_int;
    private static final ClassDesc OBJ = RuntimeNames.OBJECT;
    private static final ClassDesc INST = RuntimeNames.INSTANCE;
    private static final ClassDesc MEM = RuntimeNames.MEMORY;

    private static final ClassDesc BYTES = CD_byte.arrayType();

    private final CodeBuilder cb;
    private final int ctx;
    /** The JVM local caching memory 0, or -1 when the module has no memory. */
    private final int memorySlot;
    /** The JVM local caching memory 0's flat array (see {@link #fresh()}), or -1. */
    private final int arraySlot;

    /**
     * An emitter for a module with a memory ({@code hasMemory}) or none; {@code cachesArray} says
     * whether the function has scalar accesses to memory 0, so that caching its array pays.
     */
    MemoryEmitter(CodeBuilder cb, int ctx, boolean hasMemory, boolean cachesArray) {
        this.cb = cb;
        this.ctx = ctx;
        this.memorySlot = hasMemory ? cb.allocateLocal(TypeKind.REFERENCE) : -1;
        this.arraySlot = hasMemory && cachesArray ? cb.allocateLocal(TypeKind.REFERENCE) : -1;
    }

    /**
     * Whether the array local holds memory 0's current array at the code being emitted. The
     * {@link FunctionEmitter} keeps this across its control flow: a label is fresh only when every
     * branch to it is, and a loop header is always fresh (entries and back-edges reload first).
     */
    private boolean fresh;

    /**
     * Caches memory 0 in a local: an instance's memory object never changes (growth replaces its
     * array, not the object), so loads and stores skip a field read. Its flat array is read into
     * a second local by the first access that needs it (see {@link #ensureFresh()}).
     */
    void prologue() {
        if (memorySlot >= 0) {
            cb.aload(ctx).getfield(INST, "memory0", MEM).astore(memorySlot);
        }
        if (arraySlot >= 0) {
            cb.aconst_null().astore(arraySlot);
        }
        fresh = false;
    }

    /**
     * Whether the array local is current here. The memory replaces its array when it grows and
     * when a write goes past its lazily backed prefix (never on a read): a scalar store's helper
     * returns the array after it, and everything else that can write or grow the memory (a call
     * of any kind, {@code memory.grow}, the bulk operations, vector stores) makes the local stale
     * ({@link #invalidate()}); the next access, loop entry or back-edge reloads it. Keeping the
     * array in a local, instead of reading it from the memory at every access, lets HotSpot keep
     * it in a register across the interrupt poll's volatile read (which orders later field
     * reads) and treat it, and its length, as loop-invariant.
     */
    boolean fresh() {
        return arraySlot < 0 || fresh;
    }

    /** Sets whether the array local is current: the state at a label, from its branches. */
    void setFresh(boolean current) {
        fresh = current;
    }

    /** After code that may replace the memory's array: the local is stale. */
    void invalidate() {
        fresh = false;
    }

    /** Reloads the array local if it is stale; it is current afterwards. */
    void ensureFresh() {
        if (!fresh()) {
            reload();
            fresh = true;
        }
    }

    /**
     * On a branch to a loop header, which must see a current array: reloads it if stale, without
     * changing what the code after the branch (the other way of a conditional) sees.
     */
    void reloadForBranch() {
        if (!fresh()) {
            reload();
        }
    }

    private void reload() {
        cb.aload(memorySlot).getfield(MEM, "bytes", BYTES).astore(arraySlot);
    }

    /** Pushes memory {@code index} (also for {@link SimdEmitter}). */
    void memoryRef(int index) {
        if (index == 0) {
            cb.aload(memorySlot);
        } else {
            cb.aload(ctx);
            cb.getfield(INST, "memories", RuntimeNames.MEMORY_ARRAY).loadConstant(index).aaload();
        }
    }

    /** Pushes memory {@code index}'s flat array, then the memory: the last arguments of an access. */
    private void arrayAndMemory(int index) {
        if (index == 0 && arraySlot >= 0) {
            cb.aload(arraySlot).aload(memorySlot);
        } else {
            memoryRef(index);
            cb.dup().getfield(MEM, "bytes", BYTES).swap();
        }
    }

    private void memoryCall(String name, MethodTypeDesc desc) {
        cb.invokestatic(RuntimeNames.MEMORY_ACCESS, name, desc);
    }

    private void tableCall(String name, MethodTypeDesc desc) {
        cb.invokestatic(RuntimeNames.TABLE_ACCESS, name, desc);
    }

    /** The helper name of a load or store: {@code i64.load32_u} is {@code i64Load32U}. */
    static String helperName(Op op) {
        String m = op.mnemonic();
        StringBuilder sb = new StringBuilder(m.substring(0, 3));
        boolean upper = true;
        for (int i = 4; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /**
     * A load or store with its static offset. A store's helper returns the flat array the memory
     * has after it, which goes back to the local (or is dropped for another memory).
     */
    void access(Op op, long offset, int memoryIndex) {
        if (memoryIndex == 0) {
            ensureFresh();
        }
        PoolSafeConstants.loadLong(cb, offset);
        arrayAndMemory(memoryIndex);
        boolean store = op.results().isEmpty();
        ValType value = store ? op.params().get(1) : op.results().getFirst();
        MethodTypeDesc desc = store
                ? MethodTypeDesc.of(BYTES, I, ModuleContext.desc(value), CD_long, BYTES, MEM)
                : MethodTypeDesc.of(ModuleContext.desc(value), I, CD_long, BYTES, MEM);
        memoryCall(helperName(op), desc);
        if (!store) {
            return;
        }
        if (memoryIndex == 0 && arraySlot >= 0) {
            cb.astore(arraySlot);
            fresh = true;
        } else {
            cb.pop();
        }
    }

    void index(Op op, int index) {
        switch (op) {
            case MEMORY_SIZE -> {
                memoryRef(index);
                memoryCall("size", MethodTypeDesc.of(I, MEM));
            }
            case MEMORY_GROW -> {
                memoryRef(index);
                memoryCall("grow", MethodTypeDesc.of(I, I, MEM));
                invalidate();
            }
            case MEMORY_FILL -> {
                memoryRef(index);
                memoryCall("fill", MethodTypeDesc.of(CD_void, I, I, I, MEM));
                invalidate();
            }
            case DATA_DROP -> {
                cb.loadConstant(index).aload(ctx);
                memoryCall("dataDrop", MethodTypeDesc.of(CD_void, I, INST));
            }
            case TABLE_GET -> {
                cb.loadConstant(index).aload(ctx);
                tableCall("get", MethodTypeDesc.of(OBJ, I, I, INST));
            }
            case TABLE_SET -> {
                cb.loadConstant(index).aload(ctx);
                tableCall("set", MethodTypeDesc.of(CD_void, I, OBJ, I, INST));
            }
            case TABLE_SIZE -> {
                cb.loadConstant(index).aload(ctx);
                tableCall("size", MethodTypeDesc.of(I, I, INST));
            }
            case TABLE_GROW -> {
                cb.loadConstant(index).aload(ctx);
                tableCall("grow", MethodTypeDesc.of(I, OBJ, I, I, INST));
            }
            case TABLE_FILL -> {
                cb.loadConstant(index).aload(ctx);
                tableCall("fill", MethodTypeDesc.of(CD_void, I, OBJ, I, I, INST));
            }
            case ELEM_DROP -> {
                cb.loadConstant(index).aload(ctx);
                tableCall("elemDrop", MethodTypeDesc.of(CD_void, I, INST));
            }
            default -> throw new UnsupportedOperationException(op.mnemonic() + " is not supported");
        }
    }

    void index2(Op op, int first, int second) {
        switch (op) {
            case MEMORY_COPY -> {
                // Wasm 2.0 has one memory; multi-memory copies would need both.
                memoryRef(first);
                memoryCall("copy", MethodTypeDesc.of(CD_void, I, I, I, MEM));
                invalidate();
            }
            case MEMORY_INIT -> {
                cb.loadConstant(first).aload(ctx);
                memoryCall("init", MethodTypeDesc.of(CD_void, I, I, I, I, INST));
                invalidate();
            }
            case TABLE_COPY -> {
                cb.loadConstant(first).loadConstant(second).aload(ctx);
                tableCall("copy", MethodTypeDesc.of(CD_void, I, I, I, I, I, INST));
            }
            case TABLE_INIT -> {
                cb.loadConstant(first).loadConstant(second).aload(ctx);
                tableCall("init", MethodTypeDesc.of(CD_void, I, I, I, I, I, INST));
            }
            default -> throw new UnsupportedOperationException(op.mnemonic() + " is not supported");
        }
    }
}
