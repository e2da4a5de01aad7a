package dev.verge.core.runtime;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * A function: a guest function of some instance, or a host function. This is also the value of a
 * {@code funcref}: tables and {@code ref.func} hold these objects.
 *
 * <p>{@link #call(Object...)} is the convenient, boxing entry point; {@link #handle()} gives a
 * typed {@link MethodHandle} for calls without boxing.
 */
public final class WasmFunction implements Extern {
    /** The canonical type object; compared by identity first, then structurally. */
    final FuncType type;
    /**
     * The compiled code: {@code (params..., Instance context) -> result}, see
     * {@link JvmTypes#compiled}; null until {@link #code} first needs it. A guest function's
     * handle comes from its module ({@link CompiledModule#function}), which makes it on first use:
     * loading a module makes no handle. A host function's is made from its adapter, for Java
     * callers only (compiled code calls host functions through {@link #host} instead). Written
     * without synchronization, a benign race: equal handles, each safely published by its final
     * fields.
     */
    private MethodHandle raw;
    /** The host function, or null for a guest function. */
    final HostAdapter host;
    /** The instance the function belongs to, or null for a host function. */
    final Instance owner;
    /** The function index in the owner's module, or -1 for a host function. */
    final int index;

    private volatile MethodHandle typed;

    /** A guest function: function {@code index} of {@code owner}'s module. */
    WasmFunction(FuncType type, Instance owner, int index) {
        this.type = type;
        this.owner = owner;
        this.index = index;
        this.host = null;
    }

    private WasmFunction(FuncType type, HostAdapter host) {
        this.type = type;
        this.owner = null;
        this.index = -1;
        this.host = host;
    }

    /** A host function of the given type. */
    public static WasmFunction host(FuncType type, HostFunction function) {
        return new WasmFunction(type, new HostAdapter(function, type));
    }

    /** The compiled-code handle, made now if no caller needed it before. */
    MethodHandle raw() {
        return code(this);
    }

    /**
     * {@code f}'s compiled code, made on first use. Generated code calls this where it calls a
     * function object's code ({@code call_indirect} to another instance's function, imported guest
     * functions): a field read and a null check that HotSpot inlines.
     */
    static MethodHandle code(WasmFunction f) {
        MethodHandle h = f.raw;
        return h != null ? h : f.makeRaw();
    }

    private MethodHandle makeRaw() {
        MethodHandle h = host != null ? host.handle() : owner.module.function(index);
        raw = h;
        return h;
    }

    public FuncType type() {
        return type;
    }

    /** The context compiled code passes to {@code f}: its own instance, or the caller for host functions. */
    static Instance contextFor(WasmFunction f, Instance caller) {
        Instance o = f.owner;
        return o != null ? o : caller;
    }

    /**
     * Calls the function with boxed arguments (see {@link HostFunction} for the boxing) and returns
     * its results, one element each.
     *
     * @throws Trap when the guest traps, runs out of stack, is interrupted or runs out of fuel
     * @throws IllegalArgumentException when the arguments do not match the parameter types
     */
    public Object[] call(Object... args) {
        List<ValType> params = type.params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arguments, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            if (!JvmTypes.fits(params.get(i), args[i])) {
                throw new IllegalArgumentException("argument " + i + " is not a " + params.get(i));
            }
        }
        if (host != null) {
            // Straight to the host function: no method handle to build for one Java call.
            Object[] copy = args.clone();
            return unpack(Traps.guard(null, () -> host.call(copy, null)));
        }
        if (args.length == 0 && type.results().isEmpty()) {
            // _start and friends: invokeExact on the handle's own type, where invokeWithArguments
            // would adapt it with combinators whose classes the JVM spins at first use.
            Instance o = owner;
            MethodHandle code = raw();
            Traps.guard(o, () -> {
                code.invokeExact(o);
                return null;
            });
            return new Object[0];
        }
        Object[] full;
        if (JvmTypes.isWide(type)) {
            full = JvmTypes.wideArguments(type, args, owner);
        } else {
            full = new Object[args.length + 1];
            System.arraycopy(args, 0, full, 0, args.length);
            full[args.length] = owner;
        }
        MethodHandle code = raw();
        Object result = Traps.guard(owner, () -> code.invokeWithArguments(full));
        return unpack(result);
    }

    private Object[] unpack(Object result) {
        List<ValType> results = type.results();
        return switch (results.size()) {
            case 0 -> new Object[0];
            case 1 -> new Object[] {result};
            default -> {
                MultiResults mr = (MultiResults) result;
                Object[] out = new Object[results.size()];
                for (int i = 0; i < out.length; i++) {
                    ValType t = results.get(i);
                    out[i] = t instanceof NumType ? JvmTypes.fromBits(t, mr.nums[i]) : mr.refs[i];
                }
                yield out;
            }
        };
    }

    /**
     * A method handle of type {@code (params...) -> result} (void, int, long, float, double or
     * Object; {@code Object[]} when there are several results) that calls this function without
     * boxing. Traps, stack exhaustion and interruption surface as {@link Trap}.
     */
    public MethodHandle handle() {
        MethodHandle h = typed;
        if (h == null) {
            h = makeTyped();
            typed = h;
        }
        return h;
    }

    private MethodHandle makeTyped() {
        int n = JvmTypes.isWide(type) ? 2 : type.params().size();
        MethodHandle bound = MethodHandles.insertArguments(raw(), n, owner);
        if (type.results().size() > 1) {
            MethodHandle unpack = UNPACK.bindTo(this);
            bound = MethodHandles.filterReturnValue(bound.asType(bound.type().changeReturnType(Object.class)), unpack);
        }
        MethodHandle guard = MethodHandles.insertArguments(GUARD, 0, owner);
        return MethodHandles.catchException(bound, Throwable.class,
                MethodHandles.dropArguments(guard.asType(MethodType.methodType(bound.type().returnType(), Throwable.class)),
                        1, bound.type().parameterList()));
    }

    private static final MethodHandle UNPACK;
    private static final MethodHandle GUARD;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            UNPACK = l.findVirtual(WasmFunction.class, "unpack", MethodType.methodType(Object[].class, Object.class));
            GUARD = l.findStatic(Traps.class, "rethrow", MethodType.methodType(Object.class, Instance.class, Throwable.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public String toString() {
        return owner == null ? "host function " + type : "function " + index + " " + type;
    }
}
