package dev.verge.core.compile;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.instr.IgnoringVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Which hidden class each function goes to. A class's constant pool holds at most 65,535 entries
 * and every function costs a few (its method's name; a reference where it is called: name and
 * type, and a {@code Methodref} or {@code InvokeDynamic}), so a module of some 20,000 functions no
 * longer fits one class. Functions (imported ones as their bridges) are cut into contiguous ranges
 * of the function index space, in index order, each range's estimated pool use within a budget.
 *
 * <p>A class names (puts in its pool) its own functions and the functions of other classes its
 * code calls, up to the budget: a function that calls more distinct functions than one class can
 * name calls the rest through a bridge taking the callee's index ({@link #named} says which).
 * Estimates can be wrong (constants, pieces of split functions, bridges are not counted exactly);
 * the compiler then splits the class that overflowed with {@link #split} and builds it again.
 */
final class ClassPartition {
    /** Pool entries the budget leaves for what the estimate does not count: runtime references, constants past the soft limit. */
    static final int DEFAULT_BUDGET = 40_000;
    /** Estimated entries every class has whatever its functions: runtime classes, fields and methods. */
    private static final int FIXED = 1_500;
    /** A named function's cost: a {@code Utf8} name, a {@code NameAndType}, a {@code Methodref} or {@code InvokeDynamic}. */
    private static final int PER_NAME = 3;
    /** Wasm bytes per piece of a split function, roughly: what pieces cost is estimated from it. */
    private static final int BYTES_PER_PIECE = 3_000;

    /**
     * A test knob, read once: {@code -Dverge.compile.classBudget=N} partitions every module, with
     * N estimated pool entries per class ({@code 1}: each function in its own class), so that the
     * ordinary tests and the spec suite exercise calls across classes. Not for production.
     */
    static final int FORCED_BUDGET = Integer.getInteger("verge.compile.classBudget", 0);

    /** The first function index of each class, ascending; {@code first[0] == 0}. */
    private final int[] first;
    private final int functionCount;
    /** Per class, the sorted functions of other classes it names; null when there is one class. */
    private final int[][] named;
    /** What the plan was made from, to split a class later; null when there is one class. */
    private final Costs costs;

    private ClassPartition(int[] first, int functionCount, int[][] named, Costs costs) {
        this.first = first;
        this.functionCount = functionCount;
        this.named = named;
        this.costs = costs;
    }

    /**
     * The partition to start from: one class when the module obviously fits (its functions are
     * all it names, so no scan of the code is needed), else a plan from a scan of every call.
     */
    static ClassPartition of(WasmModule module, int budget) {
        int functions = module.functionTypeIndices().size();
        if (FORCED_BUDGET <= 0 && oneClassEstimate(module) <= budget) {
            return new ClassPartition(new int[] {0}, functions, null, null);
        }
        return plan(module, budget);
    }

    /** The budget to use when none is given: the knob's, else {@link #DEFAULT_BUDGET}. */
    static int defaultBudget() {
        return FORCED_BUDGET > 0 ? FORCED_BUDGET : DEFAULT_BUDGET;
    }

    /** A plan from a scan of every call, also for a module that proved too large for one class. */
    static ClassPartition plan(WasmModule module, int budget) {
        Costs costs = Costs.scan(module);
        int n = costs.functionCount();
        int[] first = new int[16];
        int classes = 0;
        Accumulator acc = new Accumulator(costs);
        for (int f = 0; f < n; f++) {
            if (acc.size() > 0 && acc.total() + acc.increment(f) > budget) {
                acc = new Accumulator(costs);
            }
            if (acc.size() == 0) {
                if (classes == first.length) {
                    first = Arrays.copyOf(first, classes * 2);
                }
                first[classes++] = f;
            }
            acc.add(f);
        }
        if (classes == 0) {
            first[classes++] = 0;
        }
        return withNames(Arrays.copyOf(first, classes), n, costs);
    }

    private static ClassPartition withNames(int[] first, int n, Costs costs) {
        int[][] named = new int[first.length][];
        for (int k = 0; k < first.length; k++) {
            named[k] = namesOf(costs, first[k], k + 1 < first.length ? first[k + 1] : n);
        }
        return new ClassPartition(first, n, named, costs);
    }

    /** The other classes' functions that the class of functions {@code [from, to)} names. */
    private static int[] namesOf(Costs costs, int from, int to) {
        Accumulator acc = new Accumulator(costs);
        for (int f = from; f < to; f++) {
            acc.add(f);
        }
        return acc.namedOutside(from, to);
    }

    /** This partition with class {@code k} cut in two before function {@code at}, or in halves when {@code at} is not inside it. */
    ClassPartition split(int k, int at) {
        int from = first[k];
        int to = end(k);
        if (to - from < 2) {
            return null;
        }
        int cut = at > from && at < to ? at : from + (to - from) / 2;
        int[] next = new int[first.length + 1];
        System.arraycopy(first, 0, next, 0, k + 1);
        next[k + 1] = cut;
        System.arraycopy(first, k + 1, next, k + 2, first.length - k - 1);
        return withNames(next, functionCount, costs);
    }

    /** Whether this partition came from a scan of the calls (else it is the one class a small module gets). */
    boolean planned() {
        return costs != null;
    }

    int classCount() {
        return first.length;
    }

    int first(int k) {
        return first[k];
    }

    /** One past the last function of class {@code k}. */
    int end(int k) {
        return k + 1 < first.length ? first[k + 1] : functionCount;
    }

    int classOf(int function) {
        int k = Arrays.binarySearch(first, function);
        return k >= 0 ? k : -k - 2;
    }

    /** Whether class {@code k} names {@code function}, of another class, in its pool: calls it with {@code invokedynamic}. */
    boolean named(int k, int function) {
        return named != null && Arrays.binarySearch(named[k], function) >= 0;
    }

    /** The functions of other classes that class {@code k} names. */
    int[] namedBy(int k) {
        return named == null ? new int[0] : named[k];
    }

    /** The estimated pool use of the module as one class, where every callee is one of its own functions. */
    private static long oneClassEstimate(WasmModule module) {
        long total = FIXED + (long) PER_NAME * module.functionTypeIndices().size() + 2L * module.types().size();
        for (FunctionBody b : module.codes()) {
            total += Costs.pieceCost(b);
        }
        return total;
    }

    /** The module's defined functions (function index space) by type, in index order. */
    static Map<FuncType, List<Integer>> definedByType(WasmModule module, List<Integer> functionTypes) {
        Map<FuncType, List<Integer>> out = new HashMap<>();
        for (int i = functionTypes.size() - module.codes().size(); i < functionTypes.size(); i++) {
            out.computeIfAbsent(module.funcType(functionTypes.get(i)), t -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /**
     * What each function costs a class: its callees, counting for each {@code call_indirect} the
     * targets its bridge would call directly, from a scan of its code.
     */
    record Costs(WasmModule module, int imported, int[][] callees, int[] typeOf) {
        int functionCount() {
            return typeOf.length;
        }

        static int pieceCost(FunctionBody b) {
            int length = b.body().code().length();
            return length > BYTES_PER_PIECE ? PER_NAME * (length / BYTES_PER_PIECE + 1) : 0;
        }

        static Costs scan(WasmModule module) {
            List<Integer> types = module.functionTypeIndices();
            int[] typeOf = new int[types.size()];
            for (int i = 0; i < typeOf.length; i++) {
                typeOf[i] = types.get(i);
            }
            int imported = typeOf.length - module.codes().size();
            int[][] callees = new int[module.codes().size()][];
            int[] mark = new int[typeOf.length];
            Arrays.fill(mark, -1);
            Map<FuncType, List<Integer>> byType = definedByType(module, types);
            for (int d = 0; d < callees.length; d++) {
                int self = d;
                int[][] out = {new int[8]};
                int[] count = {0};
                IntConsumer callee = index -> {
                    if (mark[index] != self) {
                        mark[index] = self;
                        if (count[0] == out[0].length) {
                            out[0] = Arrays.copyOf(out[0], count[0] * 2);
                        }
                        out[0][count[0]++] = index;
                    }
                };
                CodeReader.read(module.codes().get(d).body(), new IgnoringVisitor() {
                    @Override
                    public void index(Op op, int index) {
                        if (op == Op.CALL) {
                            callee.accept(index);
                        }
                    }

                    @Override
                    public void index2(Op op, int typeIndex, int table) {
                        // The indirect bridge calls these directly when the class names them.
                        if (op == Op.CALL_INDIRECT) {
                            Bridges.directTargets(byType.getOrDefault(module.funcType(typeIndex), List.of())).forEach(callee::accept);
                        }
                    }
                });
                callees[d] = Arrays.copyOf(out[0], count[0]);
            }
            return new Costs(module, imported, callees, typeOf);
        }
    }

    /** The estimated pool use of a class being filled, function by function. */
    private static final class Accumulator {
        private final Costs costs;
        /** Functions named in this class: own ones and callees, in the order first named. */
        private int[] names = new int[16];
        private int nameCount;
        private final BitSet namedSet = new BitSet();
        private final BitSet typesSeen = new BitSet();
        private int size;
        private long total = FIXED;

        Accumulator(Costs costs) {
            this.costs = costs;
        }

        int size() {
            return size;
        }

        long total() {
            return total;
        }

        /** What adding function {@code f} would cost, callees beyond the budget not counted (they go through a bridge). */
        long increment(int f) {
            return visit(f, false);
        }

        void add(int f) {
            total += visit(f, true);
            size++;
        }

        /**
         * The cost of function {@code f}: its name, its pieces, and the callees not named yet, as
         * many as the budget leaves room for (the same ones whether or not {@code commit} names them).
         */
        private long visit(int f, boolean commit) {
            long cost = namedSet.get(f) ? 0 : PER_NAME + typeCost(f);
            int d = f - costs.imported();
            if (d >= 0) {
                cost += Costs.pieceCost(costs.module().codes().get(d));
            }
            if (commit) {
                name(f);
            }
            if (d < 0) {
                return cost;
            }
            long room = Math.max(0, (DEFAULT_BUDGET - total - cost) / PER_NAME);
            long fresh = 0;
            for (int c : costs.callees()[d]) {
                if (fresh >= room) {
                    break;
                }
                if (!namedSet.get(c)) {
                    fresh++;
                    cost += PER_NAME + typeCost(c);
                    if (commit) {
                        name(c);
                    }
                }
            }
            return cost;
        }

        private long typeCost(int f) {
            return typesSeen.get(costs.typeOf()[f]) ? 0 : 2;
        }

        private void name(int f) {
            if (namedSet.get(f)) {
                return;
            }
            namedSet.set(f);
            typesSeen.set(costs.typeOf()[f]);
            if (nameCount == names.length) {
                names = Arrays.copyOf(names, nameCount * 2);
            }
            names[nameCount++] = f;
        }

        int[] namedOutside(int from, int to) {
            int[] out = new int[nameCount];
            int n = 0;
            for (int i = 0; i < nameCount; i++) {
                if (names[i] < from || names[i] >= to) {
                    out[n++] = names[i];
                }
            }
            int[] result = Arrays.copyOf(out, n);
            Arrays.sort(result);
            return result;
        }
    }
}
