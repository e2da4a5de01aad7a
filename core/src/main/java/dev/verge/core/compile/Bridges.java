package dev.verge.core.compile;

import static dev.verge.core.compile.ModuleContext.kind;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * Methods that call a {@code WasmFunction} object rather than a method of this class: imported
 * functions and {@code call_indirect}. They load the function, then call its compiled code with
 * {@code invokeExact}, passing the callee's own instance (or, for host functions, the caller's).
 */
final class Bridges {
    private Bridges() {}

    private static final MethodTypeDesc CODE = MethodTypeDesc.of(RuntimeNames.METHOD_HANDLE, RuntimeNames.WASM_FUNCTION);
    private static final MethodTypeDesc CONTEXT_FOR = MethodTypeDesc.of(RuntimeNames.INSTANCE, RuntimeNames.WASM_FUNCTION, RuntimeNames.INSTANCE);

    /** {@code f<index>(params..., Instance)} for an imported function. */
    static void importBridge(CodeBuilder cb, FuncType ft, int index) {
        int ctx = paramSlots(ft);
        int f = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(ctx).getfield(RuntimeNames.INSTANCE, "functions", RuntimeNames.FUNCTION_ARRAY).loadConstant(index).aaload().astore(f);
        invoke(cb, ft, f, ctx);
    }

    /**
     * {@code cf<type>(params..., int index, Instance)}: calls function {@code index} through the
     * instance's function object, for callees the class does not name (see {@link Calls}).
     */
    static void farBridge(CodeBuilder cb, FuncType ft) {
        int index = paramSlots(ft);
        int ctx = index + 1;
        int f = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(ctx).getfield(RuntimeNames.INSTANCE, "functions", RuntimeNames.FUNCTION_ARRAY).iload(index).aaload().astore(f);
        invoke(cb, ft, f, ctx);
    }

    /** The most same-type functions an indirect call dispatches to directly. */
    private static final int MAX_DIRECT_TARGETS = 256;

    /** The functions an indirect bridge may call directly: the first {@value #MAX_DIRECT_TARGETS} of its type. */
    static List<Integer> directTargets(List<Integer> sameType) {
        return sameType.subList(0, Math.min(sameType.size(), MAX_DIRECT_TARGETS));
    }

    /**
     * {@code ci<type>_<table>(params..., int element, Instance)}. When the element is a function
     * of this same instance (the common case: C function pointers, vtables) that this class can
     * call without new constant-pool entries (its own, with {@code invokestatic}; another class's
     * that it names, with its {@code invokedynamic}), it is called through a switch on its index,
     * which HotSpot can inline; other functions go through their method handle.
     *
     * @param sameType the defined functions of this module whose type equals {@code ft}
     */
    static void indirectBridge(CodeBuilder cb, ModuleContext mc, FuncType ft, int typeIndex, int table, List<Integer> sameType) {
        int element = paramSlots(ft);
        int ctx = element + 1;
        int f = cb.allocateLocal(TypeKind.REFERENCE);
        cb.iload(element).loadConstant(table).loadConstant(typeIndex).aload(ctx);
        cb.invokestatic(RuntimeNames.TABLE_ACCESS, "indirect", MethodTypeDesc.of(RuntimeNames.WASM_FUNCTION,
                ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int, RuntimeNames.INSTANCE));
        cb.astore(f);
        List<Integer> targets = new ArrayList<>();
        for (int index : directTargets(sameType)) {
            if (mc.isOwn(index) || mc.partition.named(mc.classIndex, index)) {
                targets.add(index);
            }
        }
        if (!targets.isEmpty()) {
            Label slow = cb.newLabel();
            cb.aload(f).getfield(RuntimeNames.WASM_FUNCTION, "owner", RuntimeNames.INSTANCE).aload(ctx).if_acmpne(slow);
            List<SwitchCase> cases = new ArrayList<>();
            List<Label> labels = new ArrayList<>();
            for (int index : targets) {
                Label l = cb.newLabel();
                labels.add(l);
                cases.add(SwitchCase.of(index, l));
            }
            cb.aload(f).getfield(RuntimeNames.WASM_FUNCTION, "index", ConstantDescs.CD_int);
            cb.lookupswitch(slow, cases);
            for (int i = 0; i < targets.size(); i++) {
                cb.labelBinding(labels.get(i));
                loadArguments(cb, ft);
                Calls.direct(cb, mc, targets.get(i), ft, ctx);
                ClassDescReturn.emit(cb, ft);
            }
            cb.labelBinding(slow);
        }
        invoke(cb, ft, f, ctx);
    }

    private static void loadArguments(CodeBuilder cb, FuncType ft) {
        if (ModuleContext.isWide(ft)) {
            cb.aload(0).aload(1);
            return;
        }
        int slot = 0;
        for (ValType t : ft.params()) {
            cb.loadLocal(kind(t), slot);
            slot += kind(t).slotSize();
        }
    }

    private static void invoke(CodeBuilder cb, FuncType ft, int f, int ctx) {
        HostCalls.emit(cb, ft, f, ctx); // host functions: called without a method handle
        cb.aload(f).invokestatic(RuntimeNames.WASM_FUNCTION, "code", CODE); // the handle, made on first use
        loadArguments(cb, ft);
        cb.aload(f).aload(ctx).invokestatic(RuntimeNames.WASM_FUNCTION, "contextFor", CONTEXT_FOR);
        cb.invokevirtual(RuntimeNames.METHOD_HANDLE, "invokeExact", ModuleContext.descriptor(ft));
        ClassDescReturn.emit(cb, ft);
    }

    private static int paramSlots(FuncType ft) {
        if (ModuleContext.isWide(ft)) {
            return 2;
        }
        int slot = 0;
        for (ValType t : ft.params()) {
            slot += kind(t).slotSize();
        }
        return slot;
    }

    /** Returns whatever the call left, typed as the function's return. */
    private static final class ClassDescReturn {
        static void emit(CodeBuilder cb, FuncType ft) {
            switch (ft.results().size()) {
                case 0 -> cb.return_();
                case 1 -> cb.return_(kind(ft.results().getFirst()));
                default -> cb.areturn();
            }
        }
    }
}
