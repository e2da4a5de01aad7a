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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every function's code generation in one generated class shares: the module, the class and
 * which functions are its own ({@link ClassPartition}), the bridges it needs.
 */
final class ModuleContext {
    final WasmModule module;
    final ClassDesc thisClass;
    final EngineConfig config;
    final List<Integer> functionTypes;
    /** Which class each function is in; this class is {@link #classIndex}. */
    final ClassPartition partition;
    final int classIndex;
    /** The {@code call_indirect} bridges to generate, as {@code typeIndex << 32 | tableIndex}. */
    final Set<Long> indirectBridges = new TreeSet<>();
    /** The type indices of the {@code cf<type>} bridges to generate: calls by index to functions this class does not name. */
    final Set<Integer> farBridges = new TreeSet<>();
    /** The function being compiled (names its piece methods). */
    int currentFunction;
    /** By function index: whether its body accesses memory 0's array ({@link MemoryUse}), once per function. */
    final Map<Integer, Boolean> memoryArrayUse = new HashMap<>();

    /** A piece of a split function: {@code (long[] nums, Object[] refs, Instance) -> int}. */
    static final MethodTypeDesc PIECE_TYPE = MethodTypeDesc.of(ConstantDescs.CD_int,
            ConstantDescs.CD_long.arrayType(), RuntimeNames.OBJECT.arrayType(), RuntimeNames.INSTANCE);

    /** The most values any block or function takes or returns: the size of the transfer area. */
    final int maxArity;

    ModuleContext(WasmModule module, ClassDesc thisClass, EngineConfig config, ClassPartition partition, int classIndex) {
        this.module = module;
        this.thisClass = thisClass;
        this.config = config;
        this.partition = partition;
        this.classIndex = classIndex;
        this.functionTypes = module.functionTypeIndices();
        int max = 1;
        for (var t : module.types()) {
            if (t.composite() instanceof FuncType f) {
                max = Math.max(max, Math.max(f.params().size(), f.results().size()));
            }
        }
        this.maxArity = max;
    }

    FuncType functionType(int functionIndex) {
        return module.funcType(functionTypes.get(functionIndex));
    }

    static String functionMethod(int functionIndex) {
        // concat, not +: this runs when a cached module is loaded, often as the process's first
        // string concatenation, whose invokedynamic bootstrap costs a fresh JVM milliseconds.
        return "f".concat(Integer.toString(functionIndex));
    }

    static String pieceMethod(int functionIndex, int piece) {
        return "f" + functionIndex + "$p" + piece;
    }

    /** Whether parameters take more JVM slots than a method may have (with the instance: 255). */
    static boolean isWide(FuncType type) {
        return dev.verge.core.runtime.JvmTypes.isWide(type);
    }

    /** Whether {@code functionIndex} is a method of this class. */
    boolean isOwn(int functionIndex) {
        return partition.classOf(functionIndex) == classIndex;
    }

    static String farMethod(int typeIndex) {
        return "cf" + typeIndex;
    }

    static String indirectMethod(int typeIndex, int tableIndex) {
        return "ci" + typeIndex + "_" + tableIndex;
    }

    static TypeKind kind(ValType t) {
        if (t == NumType.I32) return TypeKind.INT;
        if (t == NumType.I64) return TypeKind.LONG;
        if (t == NumType.F32) return TypeKind.FLOAT;
        if (t == NumType.F64) return TypeKind.DOUBLE;
        if (t instanceof NumType) {
            throw new UnsupportedOperationException("type " + t + " is not supported");
        }
        return TypeKind.REFERENCE;
    }

    static ClassDesc desc(ValType t) {
        if (t == ValType.V128) {
            return SimdEmitter.V128_DESC;
        }
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
        boolean wide = isWide(type);
        ClassDesc[] p = new ClassDesc[(wide ? 2 : type.params().size()) + extra.length + 1];
        int i = 0;
        if (wide) {
            p[i++] = ConstantDescs.CD_long.arrayType();
            p[i++] = RuntimeNames.OBJECT.arrayType();
        } else {
            for (ValType t : type.params()) {
                p[i++] = desc(t);
            }
        }
        for (ClassDesc e : extra) {
            p[i++] = e;
        }
        p[i] = RuntimeNames.INSTANCE;
        return MethodTypeDesc.of(returnDesc(type.results()), p);
    }
}
