package dev.verge.core.compile;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.EngineConfig;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What every function's code generation shares: the module, the generated class, the bridges it needs. */
final class ModuleContext {
    final WasmModule module;
    final ClassDesc thisClass;
    final EngineConfig config;
    final List<Integer> functionTypes;
    /** The {@code call_indirect} bridges to generate, as {@code typeIndex << 32 | tableIndex}. */
    final Set<Long> indirectBridges = new TreeSet<>();

    ModuleContext(WasmModule module, ClassDesc thisClass, EngineConfig config) {
        this.module = module;
        this.thisClass = thisClass;
        this.config = config;
        this.functionTypes = module.functionTypeIndices();
    }

    FuncType functionType(int functionIndex) {
        return module.funcType(functionTypes.get(functionIndex));
    }

    static String functionMethod(int functionIndex) {
        return "f" + functionIndex;
    }

    static String indirectMethod(int typeIndex, int tableIndex) {
        return "ci" + typeIndex + "_" + tableIndex;
    }

    static TypeKind kind(ValType t) {
        if (t == NumType.I32) return TypeKind.INT;
        if (t == NumType.I64) return TypeKind.LONG;
        if (t == NumType.F32) return TypeKind.FLOAT;
        if (t == NumType.F64) return TypeKind.DOUBLE;
        if (t instanceof NumType || t == ValType.V128) {
            throw new UnsupportedOperationException("type " + t + " is not supported");
        }
        return TypeKind.REFERENCE;
    }

    static ClassDesc desc(ValType t) {
        return switch (kind(t)) {
            case INT -> ConstantDescs.CD_int;
            case LONG -> ConstantDescs.CD_long;
            case FLOAT -> ConstantDescs.CD_float;
            case DOUBLE -> ConstantDescs.CD_double;
            default -> RuntimeNames.OBJECT;
        };
    }

    static ClassDesc returnDesc(List<ValType> results) {
        return switch (results.size()) {
            case 0 -> ConstantDescs.CD_void;
            case 1 -> desc(results.getFirst());
            default -> RuntimeNames.MULTI_RESULTS;
        };
    }

    /** {@code (params..., [extra], Instance) -> result}. */
    static MethodTypeDesc descriptor(FuncType type, ClassDesc... extra) {
        ClassDesc[] p = new ClassDesc[type.params().size() + extra.length + 1];
        int i = 0;
        for (ValType t : type.params()) {
            p[i++] = desc(t);
        }
        for (ClassDesc e : extra) {
            p[i++] = e;
        }
        p[i] = RuntimeNames.INSTANCE;
        return MethodTypeDesc.of(returnDesc(type.results()), p);
    }
}
