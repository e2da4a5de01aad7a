package dev.verge.core.compile;

import static dev.verge.core.compile.ModuleContext.kind;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * The host-function path of a bridge ({@link Bridges}): when the function about to be called is a
 * host function, the bridge boxes the arguments into an {@code Object[]} itself and calls the
 * runtime's {@code HostAdapter} directly, then unboxes the result. No method handle is involved,
 * so linking a host function costs nothing: adapting a {@code HostFunction} to each compiled
 * signature with method-handle combinators made the JVM generate a class per new shape, about
 * 0.05 CPU-s for the WASI functions at every start (see RATIONALE.md).
 */
final class HostCalls {
    private HostCalls() {}

    private static final ClassDesc HOST_ADAPTER = ClassDesc.of(RuntimeNames.PACKAGE + "HostAdapter");
    private static final MethodTypeDesc CALL = MethodTypeDesc.of(RuntimeNames.OBJECT, RuntimeNames.OBJECT.arrayType(), RuntimeNames.INSTANCE);
    private static final MethodTypeDesc CALL_WIDE = MethodTypeDesc.of(RuntimeNames.OBJECT,
            ConstantDescs.CD_long.arrayType(), RuntimeNames.OBJECT.arrayType(), RuntimeNames.INSTANCE);

    /**
     * Emits: if the {@code WasmFunction} in local {@code f} is a host function, call it with this
     * method's parameters and return its result; otherwise fall through with the stack as it was
     * (empty). {@code ctx} is the local of the calling instance, which host functions receive.
     */
    static void emit(CodeBuilder cb, FuncType ft, int f, int ctx) {
        Label guest = cb.newLabel();
        cb.aload(f).getfield(RuntimeNames.WASM_FUNCTION, "host", HOST_ADAPTER).ifnull(guest);
        cb.aload(f).getfield(RuntimeNames.WASM_FUNCTION, "host", HOST_ADAPTER);
        if (ModuleContext.isWide(ft)) {
            cb.aload(0).aload(1).aload(ctx).invokevirtual(HOST_ADAPTER, "callWide", CALL_WIDE);
        } else {
            boxArguments(cb, ft);
            cb.aload(ctx).invokevirtual(HOST_ADAPTER, "call", CALL);
        }
        returnResult(cb, ft);
        cb.labelBinding(guest);
    }

    /** Pushes a new {@code Object[]} of the parameters, boxed as {@code HostFunction} takes them. */
    private static void boxArguments(CodeBuilder cb, FuncType ft) {
        cb.loadConstant(ft.params().size()).anewarray(RuntimeNames.OBJECT);
        int slot = 0;
        for (int i = 0; i < ft.params().size(); i++) {
            ValType t = ft.params().get(i);
            TypeKind k = kind(t);
            cb.dup().loadConstant(i).loadLocal(k, slot);
            box(cb, k);
            cb.aastore();
            slot += k.slotSize();
        }
    }

    private static void box(CodeBuilder cb, TypeKind k) {
        switch (k) {
            case INT -> cb.invokestatic(ConstantDescs.CD_Integer, "valueOf", MethodTypeDesc.of(ConstantDescs.CD_Integer, ConstantDescs.CD_int));
            case LONG -> cb.invokestatic(ConstantDescs.CD_Long, "valueOf", MethodTypeDesc.of(ConstantDescs.CD_Long, ConstantDescs.CD_long));
            case FLOAT -> cb.invokestatic(ConstantDescs.CD_Float, "valueOf", MethodTypeDesc.of(ConstantDescs.CD_Float, ConstantDescs.CD_float));
            case DOUBLE -> cb.invokestatic(ConstantDescs.CD_Double, "valueOf", MethodTypeDesc.of(ConstantDescs.CD_Double, ConstantDescs.CD_double));
            default -> { } // references (and v128 values) are objects already
        }
    }

    /** Returns the adapter's result (null, one boxed value, or MultiResults) as the bridge's return type. */
    private static void returnResult(CodeBuilder cb, FuncType ft) {
        if (ft.results().isEmpty()) {
            cb.pop().return_();
            return;
        }
        if (ft.results().size() > 1) {
            cb.checkcast(RuntimeNames.MULTI_RESULTS).areturn();
            return;
        }
        ValType t = ft.results().getFirst();
        switch (kind(t)) {
            case INT -> cb.checkcast(ConstantDescs.CD_Integer)
                    .invokevirtual(ConstantDescs.CD_Integer, "intValue", MethodTypeDesc.of(ConstantDescs.CD_int)).ireturn();
            case LONG -> cb.checkcast(ConstantDescs.CD_Long)
                    .invokevirtual(ConstantDescs.CD_Long, "longValue", MethodTypeDesc.of(ConstantDescs.CD_long)).lreturn();
            case FLOAT -> cb.checkcast(ConstantDescs.CD_Float)
                    .invokevirtual(ConstantDescs.CD_Float, "floatValue", MethodTypeDesc.of(ConstantDescs.CD_float)).freturn();
            case DOUBLE -> cb.checkcast(ConstantDescs.CD_Double)
                    .invokevirtual(ConstantDescs.CD_Double, "doubleValue", MethodTypeDesc.of(ConstantDescs.CD_double)).dreturn();
            default -> {
                ClassDesc d = ModuleContext.desc(t);
                if (!d.equals(RuntimeNames.OBJECT)) {
                    cb.checkcast(d); // v128
                }
                cb.areturn();
            }
        }
    }
}
