package dev.verge.core.runtime;

import dev.verge.core.model.FuncType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * Calls a {@link HostFunction} with a compiled function's conventions: checks its results and
 * returns them as compiled code does (one value, null, or {@link MultiResults}).
 *
 * <p>Compiled code calls {@link #call} and {@link #callWide} directly, boxing the arguments itself
 * (see {@code compile.HostCalls}); only Java callers that want a method handle
 * ({@link WasmFunction#handle()}, {@link WasmFunction#call}) get one, from {@link #handle}, made on
 * first use. Building a handle per host function adapts its type with method-handle combinators,
 * and the JVM generates a class for each new shape: for the 45 WASI functions that was about
 * 0.05 s of every {@code verge run}, for handles a guest mostly never used.
 */
final class HostAdapter {
    private static final MethodHandle INVOKE;
    private static final MethodHandle WIDE;

    static {
        try {
            INVOKE = MethodHandles.lookup().findVirtual(HostAdapter.class, "invoke", MethodType.methodType(Object.class, Object[].class));
            WIDE = MethodHandles.lookup().findVirtual(HostAdapter.class, "callWide",
                    MethodType.methodType(Object.class, long[].class, Object[].class, Instance.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HostFunction function;
    private final FuncType type;

    HostAdapter(HostFunction function, FuncType type) {
        this.function = function;
        this.type = type;
    }

    /** A method handle of type {@link JvmTypes#compiled} that calls this function. */
    MethodHandle handle() {
        MethodType target = JvmTypes.compiled(type);
        if (JvmTypes.isWide(type)) {
            return WIDE.bindTo(this).asType(target);
        }
        return INVOKE.bindTo(this)
                .asCollector(Object[].class, target.parameterCount())
                .asType(target);
    }

    /**
     * Calls the function in the wide convention ({@link JvmTypes#isWide}): number arguments as
     * bits in {@code nums}, references in {@code refs}, by parameter position.
     */
    Object callWide(long[] nums, Object[] refs, Instance caller) {
        return call(JvmTypes.wideToBoxed(type, nums, refs), caller);
    }

    private Object invoke(Object[] argsAndCaller) {
        int n = argsAndCaller.length - 1;
        return call(Arrays.copyOf(argsAndCaller, n), (Instance) argsAndCaller[n]);
    }

    /**
     * Calls the function with boxed {@code args} (owned by the callee from now on) for
     * {@code caller} (null when called from Java), and returns its results as compiled code
     * returns them: null when there are none, the boxed value when there is one, a
     * {@link MultiResults} when there are several.
     *
     * @throws Trap the function's own trap, or {@link TrapKind#HOST_ERROR} when it threw anything
     *     else or returned results that do not match its type
     */
    Object call(Object[] args, Instance caller) {
        Object[] results;
        try {
            results = function.call(caller == null ? Caller.NONE : caller.caller, args);
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
