package dev.verge.core.compile;

import dev.verge.core.model.FuncType;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicCallSiteDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * A direct {@code call}, by where the callee is: a method of this class is called with
 * {@code invokestatic}; a function of another class of the module that this class names, with an
 * {@code invokedynamic} bound once to the callee's method handle ({@code CodeLinks}); any other
 * function (a class names only as many callees as its constant pool has room for), through the
 * bridge {@code cf<type>(params..., int index, Instance)} that calls the instance's function object.
 */
final class Calls {
    private Calls() {}

    private static final DirectMethodHandleDesc BOOTSTRAP = MethodHandleDesc.ofMethod(DirectMethodHandleDesc.Kind.STATIC,
            RuntimeNames.CODE_LINKS, "function", MethodTypeDesc.of(ConstantDescs.CD_CallSite, ConstantDescs.CD_MethodHandles_Lookup,
                    ConstantDescs.CD_String, ConstantDescs.CD_MethodType));

    /** Calls function {@code index} of type {@code ft}; its arguments are on the stack, the instance in local {@code ctx}. */
    static void call(CodeBuilder cb, ModuleContext mc, int index, FuncType ft, int ctx) {
        if (mc.isOwn(index) || mc.partition.named(mc.classIndex, index)) {
            direct(cb, mc, index, ft, ctx);
        } else {
            int typeIndex = mc.functionTypes.get(index);
            mc.farBridges.add(typeIndex);
            PoolSafeConstants.loadInt(cb, index);
            cb.aload(ctx).invokestatic(mc.thisClass, ModuleContext.farMethod(typeIndex), ModuleContext.descriptor(ft, ConstantDescs.CD_int));
        }
    }

    /** Calls function {@code index}, this class's own or one it names, with {@code invokestatic} or {@code invokedynamic}. */
    static void direct(CodeBuilder cb, ModuleContext mc, int index, FuncType ft, int ctx) {
        cb.aload(ctx);
        if (mc.isOwn(index)) {
            cb.invokestatic(mc.thisClass, ModuleContext.functionMethod(index), ModuleContext.descriptor(ft));
        } else {
            cb.invokedynamic(crossClass(index, ft));
        }
    }

    /** The call site of a call to function {@code index} of another class. */
    static DynamicCallSiteDesc crossClass(int index, FuncType ft) {
        return DynamicCallSiteDesc.of(BOOTSTRAP, ModuleContext.functionMethod(index), ModuleContext.descriptor(ft));
    }

    /**
     * Past this many constant-pool entries a class calls functions of other classes, and through
     * {@code call_indirect} bridges it does not have yet, in the packed convention
     * ({@code PackedCalls}), which takes no entry per callee or signature. Partitioned classes
     * are planned to stay well below it (about 40,000), so only a single function that alone
     * names tens of thousands of tables, signatures or functions gets there. The system property
     * {@code verge.compile.packedCallsAbove} lowers it for tests (0: every such call packed).
     */
    private static final int PACKED_ABOVE = Integer.getInteger("verge.compile.packedCallsAbove", 58_000);

    private static final MethodTypeDesc PACKED_FUNCTION = MethodTypeDesc.of(RuntimeNames.MULTI_RESULTS, ConstantDescs.CD_long.arrayType(),
            RuntimeNames.OBJECT.arrayType(), ConstantDescs.CD_int, RuntimeNames.INSTANCE);
    private static final MethodTypeDesc PACKED_INDIRECT = MethodTypeDesc.of(RuntimeNames.MULTI_RESULTS, ConstantDescs.CD_long.arrayType(),
            RuntimeNames.OBJECT.arrayType(), ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int, RuntimeNames.INSTANCE);

    /** Whether this class's pool has no room left for new callees (see {@link #PACKED_ABOVE}). */
    static boolean poolNearlyFull(CodeBuilder cb) {
        return cb.constantPool().size() > PACKED_ABOVE;
    }

    /** Whether a call of function {@code index} from here goes through the packed convention. */
    static boolean packed(CodeBuilder cb, ModuleContext mc, int index) {
        return !mc.isOwn(index) && poolNearlyFull(cb);
    }

    /** Calls function {@code index} with its arguments packed on the stack; leaves a {@code MultiResults}. */
    static void callPacked(CodeBuilder cb, int index, int ctx) {
        PoolSafeConstants.loadInt(cb, index);
        cb.aload(ctx).invokestatic(RuntimeNames.PACKED_CALLS, "function", PACKED_FUNCTION);
    }

    /**
     * {@code call_indirect} of type {@code typeIndex} through table {@code table}, with the packed
     * arguments and then the element index on the stack; leaves a {@code MultiResults}.
     */
    static void callIndirectPacked(CodeBuilder cb, int typeIndex, int table, int ctx) {
        PoolSafeConstants.loadInt(cb, typeIndex);
        PoolSafeConstants.loadInt(cb, table);
        cb.aload(ctx).invokestatic(RuntimeNames.PACKED_CALLS, "indirect", PACKED_INDIRECT);
    }
}
