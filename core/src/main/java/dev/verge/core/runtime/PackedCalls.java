package dev.verge.core.runtime;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * Calls from compiled code with one method descriptor whatever the callee's type: arguments in
 * the two arrays of the wide convention ({@code long[]} of number bits, {@code Object[]} of
 * references), results in a {@link MultiResults}. A class's constant pool needs an entry for
 * every distinct method it calls; a class whose pool is nearly full (a single function naming
 * tens of thousands of tables or signatures) calls its remaining functions this way, with no
 * entry per callee. Slow (boxing, {@code invokeWithArguments}): for such pathological functions
 * only, so that they compile at all.
 */
final class PackedCalls {
    private PackedCalls() {}

    /** {@code call_indirect}: element {@code element} of table {@code table}, checked against type {@code typeIndex}. */
    static MultiResults indirect(long[] nums, Object[] refs, int element, int typeIndex, int table, Instance caller) throws Throwable {
        return call(TableAccess.indirect(element, table, typeIndex, caller), nums, refs, caller);
    }

    /** {@code call}: function {@code index} of the caller's instance. */
    static MultiResults function(long[] nums, Object[] refs, int index, Instance caller) throws Throwable {
        return call(caller.functions[index], nums, refs, caller);
    }

    private static MultiResults call(WasmFunction f, long[] nums, Object[] refs, Instance caller) throws Throwable {
        FuncType type = f.type;
        Instance context = WasmFunction.contextFor(f, caller);
        List<ValType> params = type.params();
        Object[] arguments;
        if (JvmTypes.isWide(type)) {
            arguments = new Object[] {nums, refs, context};
        } else {
            arguments = new Object[params.size() + 1];
            for (int i = 0; i < params.size(); i++) {
                ValType t = params.get(i);
                arguments[i] = t instanceof NumType ? JvmTypes.fromBits(t, nums[i]) : refs[i];
            }
            arguments[params.size()] = context;
        }
        Object result = f.raw().invokeWithArguments(arguments);
        List<ValType> results = type.results();
        if (results.size() > 1) {
            return (MultiResults) result;
        }
        MultiResults packed = new MultiResults(results.size());
        if (results.size() == 1) {
            ValType t = results.getFirst();
            if (t instanceof NumType) {
                packed.nums[0] = JvmTypes.toBits(t, result);
            } else {
                packed.refs[0] = result;
            }
        }
        return packed;
    }
}
