package dev.verge.core.compile;

import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.CompilationException;
import dev.verge.core.runtime.JvmTypes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * The method handles of one compiled module's functions ({@code f<index>} of the hidden class that
 * holds the function), each made the first time something asks for it. Most functions never need
 * one: within a class, calls are {@code invokestatic}. Handles are needed for calls from Java
 * (exports, the start function, {@code funcref}s), for {@code call_indirect} to a function the
 * calling class cannot call directly, and for calls between the classes of a partitioned module
 * ({@code CodeLinks}, which is given this object as class data). Making all of them when a module
 * loaded cost about 0.1 ms a function (bigio's 74: 9 to 13 ms of a 33 ms start-up).
 *
 * <p>Thread-safe without locks: two threads may both make a missing handle and both store it, a
 * benign race, since the handles are equivalent and a {@link MethodHandle} is immutable (its
 * state lives in final fields, which the Java memory model publishes safely with the object).
 */
public final class FunctionHandles {
    private final WasmModule module;
    private final List<Integer> typeOf;
    /** The first function index of each class, ascending; class {@code k} holds those below {@code first[k + 1]}. */
    private final int[] first;
    /** A full-privilege lookup of each class, set as the class is defined. */
    private final MethodHandles.Lookup[] classes;
    /** The handle of each function index, null until first asked for. */
    private final MethodHandle[] made;

    FunctionHandles(WasmModule module, List<ModuleCompiler.GeneratedClass> classFiles) {
        this.module = module;
        this.typeOf = module.functionTypeIndices();
        this.first = new int[classFiles.size()];
        for (int k = 0; k < first.length; k++) {
            first[k] = classFiles.get(k).firstFunction();
        }
        this.classes = new MethodHandles.Lookup[first.length];
        this.made = new MethodHandle[typeOf.size()];
    }

    /** Records class {@code k}, just defined; only {@link ModuleCompiler#define} calls this, before any code can run. */
    void defined(int k, MethodHandles.Lookup hidden) {
        classes[k] = hidden;
    }

    /**
     * The handle of function {@code index} (function index space: an imported function's is its
     * bridge), of type {@link JvmTypes#compiled}.
     *
     * @throws CompilationException if the JVM cannot make it (never for classes this compiler made)
     * @throws IllegalStateException if the function's class is not defined yet
     */
    public MethodHandle function(int index) {
        MethodHandle h = made[index];
        if (h == null) {
            h = find(index);
            made[index] = h;
        }
        return h;
    }

    private MethodHandle find(int index) {
        MethodHandles.Lookup holder = classes[classOf(index)];
        if (holder == null) {
            throw new IllegalStateException("function " + index + " is called before its module was linked");
        }
        try {
            return holder.findStatic(holder.lookupClass(), ModuleContext.functionMethod(index), JvmTypes.compiled(module.funcType(typeOf.get(index))));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new CompilationException("cannot find the compiled code of function " + index + ": " + e, e);
        }
    }

    /** The class that holds function {@code index}: the last whose first function is at most {@code index}. */
    private int classOf(int index) {
        int lo = 0;
        int hi = first.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (first[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** How many handles have been made so far (tests check that loading a module makes none). */
    public int madeCount() {
        int n = 0;
        for (MethodHandle h : made) {
            if (h != null) {
                n++;
            }
        }
        return n;
    }
}
