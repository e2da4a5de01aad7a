package dev.verge.core.runtime;

import dev.verge.core.model.FuncType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * Turns a {@link HostFunction} into a method handle with a compiled function's calling convention
 * ({@link JvmTypes#compiled}), boxing arguments and unboxing results. Host calls are the slow path
 * by nature; guest-to-guest calls never come here.
 */
final class HostAdapter {
    private static final MethodHandle INVOKE;
    private static final MethodHandle WIDE;

    static {
        try {
            INVOKE = MethodHandles.lookup().findVirtual(HostAdapter.class, "invoke", MethodType.methodType(Object.class, Object[].class));
            WIDE = MethodHandles.lookup().findVirtual(HostAdapter.class, "invokeWide",
                    MethodType.methodType(Object.class, long[].class, Object[].class, Instance.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HostFunction function;
    private final FuncType type;

    private HostAdapter(HostFunction function, FuncType type) {
        this.function = function;
        this.type = type;
    }

    static MethodHandle handle(HostFunction function, FuncType type) {
        MethodType target = JvmTypes.compiled(type);
        if (JvmTypes.isWide(type)) {
            return WIDE.bindTo(new HostAdapter(function, type)).asType(target);
        }
        return INVOKE.bindTo(new HostAdapter(function, type))
                .asCollector(Object[].class, target.parameterCount())
                .asType(target);
    }

    private Object invokeWide(long[] nums, Object[] refs, Instance caller) {
        Object[] args = JvmTypes.wideToBoxed(type, nums, refs);
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = caller;
        return invoke(all);
    }

    private Object invoke(Object[] argsAndCaller) {
        int n = argsAndCaller.length - 1;
        Instance caller = (Instance) argsAndCaller[n];
        Object[] results;
        try {
            results = function.call(caller == null ? Caller.NONE : caller.caller, Arrays.copyOf(argsAndCaller, n));
        } catch (Trap t) {
            throw t;
        } catch (RuntimeException e) {
            throw new Trap(TrapKind.HOST_ERROR, java.util.List.of(), e);
        }
        int count = type.results().size();
        int got = results == null ? 0 : results.length;
        if (got != count) {
            throw new Trap(TrapKind.HOST_ERROR, java.util.List.of(),
                    new IllegalStateException("host function returned " + got + " results for type " + type));
        }
        for (int i = 0; i < count; i++) {
            if (!JvmTypes.fits(type.results().get(i), results[i])) {
                throw new Trap(TrapKind.HOST_ERROR, java.util.List.of(),
                        new IllegalStateException("host function result " + i + " is not a " + type.results().get(i)));
            }
        }
        if (count == 0) {
            return null;
        }
        if (count == 1) {
            return results[0];
        }
        MultiResults out = new MultiResults(count);
        for (int i = 0; i < count; i++) {
            if (type.results().get(i) instanceof dev.verge.core.model.NumType) {
                out.nums[i] = JvmTypes.toBits(type.results().get(i), results[i]);
            } else {
                out.refs[i] = results[i];
            }
        }
        return out;
    }
}
