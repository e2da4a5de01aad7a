package dev.verge.core.runtime;

import dev.verge.core.compile.FunctionHandles;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * How the hidden classes of one module call each other's functions. A module too large for one
 * class (its constant pool would overflow) is compiled to several, and hidden classes cannot name
 * one another: a call to a function of another class is an {@code invokedynamic} named
 * {@code f<index>} whose bootstrap, {@link #function}, binds it for good to that function's method
 * handle. Every class of the module is defined with the same {@link FunctionHandles} as its class
 * data, which makes the handle of a function index (an imported function's: its bridge) when a
 * call site first asks; it knows every class once all are defined, before any of their code can
 * run. HotSpot inlines through a constant call site as it does through {@code invokestatic}.
 */
final class CodeLinks {
    private CodeLinks() {}

    /**
     * The bootstrap of a cross-class call: {@code name} is {@code f<index>}, {@code type} the
     * callee's compiled type. Runs once per call instruction, the first time it executes.
     */
    static CallSite function(MethodHandles.Lookup caller, String name, MethodType type) throws IllegalAccessException {
        FunctionHandles functions = MethodHandles.classData(caller, ConstantDescs.DEFAULT_NAME, FunctionHandles.class);
        return new ConstantCallSite(functions.function(Integer.parseInt(name, 1, name.length(), 10)));
    }
}
