package dev.verge.core.compile;

import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * The runtime classes, fields and methods generated code refers to, named in one place. The
 * generated class is defined in the runtime's package, so it may use that package's internals.
 */
final class RuntimeNames {
    private RuntimeNames() {}

    static final String PACKAGE = "dev.verge.core.runtime.";
    static final ClassDesc INSTANCE = ClassDesc.of(PACKAGE + "Instance");
    static final ClassDesc MEMORY = ClassDesc.of(PACKAGE + "Memory");
    static final ClassDesc GLOBAL = ClassDesc.of(PACKAGE + "Global");
    static final ClassDesc WASM_FUNCTION = ClassDesc.of(PACKAGE + "WasmFunction");
    static final ClassDesc MULTI_RESULTS = ClassDesc.of(PACKAGE + "MultiResults");
    static final ClassDesc TRAP = ClassDesc.of(PACKAGE + "Trap");
    static final ClassDesc TRAPS = ClassDesc.of(PACKAGE + "Traps");
    static final ClassDesc MEMORY_ACCESS = ClassDesc.of(PACKAGE + "MemoryAccess");
    static final ClassDesc FLOAT_CONSTANTS = ClassDesc.of(PACKAGE + "FloatConstants");
    static final ClassDesc TABLE_ACCESS = ClassDesc.of(PACKAGE + "TableAccess");
    static final ClassDesc CODE_LINKS = ClassDesc.of(PACKAGE + "CodeLinks");
    static final ClassDesc PACKED_CALLS = ClassDesc.of(PACKAGE + "PackedCalls");
    static final ClassDesc METHOD_HANDLE = ConstantDescs.CD_MethodHandle;
    static final ClassDesc OBJECT = ConstantDescs.CD_Object;

    static final ClassDesc GLOBAL_ARRAY = GLOBAL.arrayType();
    static final ClassDesc MEMORY_ARRAY = MEMORY.arrayType();
    static final ClassDesc FUNCTION_ARRAY = WASM_FUNCTION.arrayType();

    static final MethodTypeDesc TRAP_OF_INSTANCE = MethodTypeDesc.of(TRAP, INSTANCE);
    static final MethodTypeDesc TRAP_NO_ARGS = MethodTypeDesc.of(TRAP);
}
