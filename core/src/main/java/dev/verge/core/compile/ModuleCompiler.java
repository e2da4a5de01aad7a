package dev.verge.core.compile;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Locals;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.CompilationException;
import dev.verge.core.runtime.EngineConfig;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantPoolBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a validated module to hidden classes: each function becomes a static method
 * {@code f<index>(params..., Instance)}; imported functions get a bridge method of the same shape
 * that calls through the instance's function table; each {@code call_indirect} signature gets a
 * bridge {@code ci<type>_<table>}. A module is one class unless its constant pool would overflow;
 * then its functions are cut into several classes ({@link ClassPartition}) that call each other
 * with {@code invokedynamic} ({@link Calls}). Hidden classes can be unloaded with their module, and
 * being defined in the runtime's package they use its internals without those being exported.
 */
public final class ModuleCompiler {
    private static final int ACC_STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;

    private ModuleCompiler() {}

    /**
     * A generated class file and the first function (function index space) it holds; it holds the
     * functions up to the next class's first.
     */
    public record GeneratedClass(int firstFunction, byte[] bytes) {}

    /**
     * The generated classes, the handles of their functions (made on first use), and the class
     * files they were defined from (kept so that the compiled module can be serialized).
     */
    public record Output(List<Class<?>> classes, FunctionHandles functions, List<GeneratedClass> classFiles) {}

    /**
     * Compiles {@code module}, whose functions {@code driver} feeds through the validator.
     *
     * @param lookup a full-privilege lookup in the runtime package, where the classes are defined
     */
    public static Output compile(WasmModule module, EngineConfig config, FunctionDriver driver, MethodHandles.Lookup lookup) {
        String pkg = lookup.lookupClass().getPackageName();
        ClassDesc self = ClassDesc.of(pkg + ".WasmCode");
        return define(module, generate(module, config, driver, self), lookup);
    }

    /** How many times a function's plan may be tightened after its methods came out too large. */
    private static final int MAX_TIGHTENING = 3;

    /**
     * The class files of {@code module} (the first named {@code self}, the others after it),
     * without defining them. Each class is built as planned; one whose constant pool fills up is
     * split where it filled and built again.
     */
    public static List<GeneratedClass> generate(WasmModule module, EngineConfig config, FunctionDriver driver, ClassDesc self) {
        return generate(module, config, driver, self, ClassPartition.defaultBudget());
    }

    /**
     * {@link #generate(WasmModule, EngineConfig, FunctionDriver, ClassDesc)} with the functions
     * partitioned by a budget of {@code classBudget} estimated constant-pool entries per class
     * instead of the default 40,000: for tests (a budget beyond what a pool holds makes the
     * builder find the overflow itself and split).
     */
    public static List<GeneratedClass> generate(WasmModule module, EngineConfig config, FunctionDriver driver, ClassDesc self, int classBudget) {
        ClassPartition partition = ClassPartition.of(module, classBudget);
        List<GeneratedClass> out = new ArrayList<>();
        int k = 0;
        while (k < partition.classCount()) {
            try {
                ClassDesc name = k == 0 ? self : ClassDesc.of(self.packageName() + "." + self.displayName() + k);
                out.add(new GeneratedClass(partition.first(k), generateClass(module, config, driver, partition, k, name)));
                k++;
            } catch (PoolFull full) {
                ClassPartition next = partition.planned() ? partition.split(k, full.at) : ClassPartition.plan(module, classBudget);
                if (next == null) {
                    throw new CompilationException("cannot compile module: function " + partition.first(k)
                            + " alone needs more constant pool entries than a class holds", full);
                }
                if (!partition.planned()) {
                    out.clear();
                    k = 0;
                }
                partition = next;
            }
        }
        return out;
    }

    /**
     * Class {@code k} of {@code partition}. Functions are planned from estimated sizes; when a
     * method still comes out over HotSpot's huge-method limit its function is planned again with
     * tighter limits, up to {@link #MAX_TIGHTENING} times.
     */
    private static byte[] generateClass(WasmModule module, EngineConfig config, FunctionDriver driver, ClassPartition partition, int k,
            ClassDesc self) {
        Map<Integer, Integer> tightening = new HashMap<>();
        while (true) {
            byte[] bytes = build(module, config, driver, partition, k, self, tightening);
            boolean replan = false;
            for (int f : MethodSizes.functionsOver(bytes, MethodSizes.HUGE_METHOD_LIMIT)) {
                int t = tightening.getOrDefault(f, 0);
                if (t < MAX_TIGHTENING) {
                    tightening.put(f, t + 1);
                    replan = true;
                }
            }
            if (!replan) {
                return bytes;
            }
        }
    }

    /** Past this many pool entries after a function, the class ends there: the next function might not fit. */
    private static final int POOL_FULL = 62_000;

    /** A class's constant pool filled up: split it before function {@code at} (or in halves when -1). */
    private static final class PoolFull extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int at;

        PoolFull(int at) {
            super("constant pool full", null, false, false);
            this.at = at;
        }
    }

    private static byte[] build(WasmModule module, EngineConfig config, FunctionDriver driver, ClassPartition partition, int k, ClassDesc self,
            Map<Integer, Integer> tightening) {
        ModuleContext mc = new ModuleContext(module, self, config, partition, k);
        int imported = mc.functionTypes.size() - module.functions().size();
        int from = partition.first(k);
        int to = partition.end(k);
        ConstantPoolBuilder[] pool = new ConstantPoolBuilder[1];
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(ModuleCompiler.class.getClassLoader()))));
        try {
            return cf.build(self, clb -> {
                pool[0] = clb.constantPool();
                clb.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
                if (partition.planned()) {
                    reserveNames(clb.constantPool(), mc, from, to);
                }
                for (int i = from; i < to; i++) {
                    if (i > from && clb.constantPool().size() > POOL_FULL) {
                        throw new PoolFull(i);
                    }
                    if (i < imported) {
                        int index = i;
                        FuncType ft = mc.functionType(i);
                        clb.withMethodBody(ModuleContext.functionMethod(i), ModuleContext.descriptor(ft), ACC_STATIC,
                                cb -> Bridges.importBridge(cb, ft, index));
                    } else {
                        defineFunction(clb, mc, driver, i - imported, tightening);
                    }
                }
                Map<FuncType, List<Integer>> definedByType = mc.indirectBridges.isEmpty() ? Map.of()
                        : ClassPartition.definedByType(module, mc.functionTypes);
                for (long key : mc.indirectBridges) {
                    int typeIndex = (int) (key >>> 32);
                    int table = (int) key;
                    FuncType ft = module.funcType(typeIndex);
                    List<Integer> sameType = definedByType.getOrDefault(ft, List.of());
                    clb.withMethodBody(ModuleContext.indirectMethod(typeIndex, table), ModuleContext.descriptor(ft, ConstantDescs.CD_int), ACC_STATIC,
                            cb -> Bridges.indirectBridge(cb, mc, ft, typeIndex, table, sameType));
                }
                for (int typeIndex : mc.farBridges) {
                    FuncType ft = module.funcType(typeIndex);
                    clb.withMethodBody(ModuleContext.farMethod(typeIndex), ModuleContext.descriptor(ft, ConstantDescs.CD_int), ACC_STATIC,
                            cb -> Bridges.farBridge(cb, ft));
                }
            });
        } catch (CompilationException | PoolFull e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            if (pool[0] != null && pool[0].size() > POOL_OVERFLOWING) {
                throw new PoolFull(-1); // overflowed within a function or the bridges: cut the class in halves
            }
            throw new CompilationException("cannot compile module: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new CompilationException("cannot compile module: nesting too deep for the compiler's stack", e);
        }
    }

    /** A failure with this many pool entries is taken for an overflow of the pool. */
    private static final int POOL_OVERFLOWING = 65_000;

    /**
     * Puts the names of the class's functions and of the other classes' functions it calls in the
     * pool first, before any code: the pool-safe constants ({@link PoolSafeConstants}) stop taking
     * entries at their soft limit, so names, which have no other encoding, always find room. Only
     * for partitioned modules: it moves constants to pool indices past 255 ({@code ldc_w}, a byte
     * longer, which can change HotSpot's inlining of small methods), and a module that fits one
     * class keeps exactly the code it had before partitioning existed; if its pool overflows
     * anyway, it is partitioned.
     */
    private static void reserveNames(ConstantPoolBuilder cp, ModuleContext mc, int from, int to) {
        ClassEntry owner = cp.classEntry(mc.thisClass);
        for (int i = from; i < to; i++) {
            cp.methodRefEntry(owner, cp.nameAndTypeEntry(ModuleContext.functionMethod(i), ModuleContext.descriptor(mc.functionType(i))));
        }
        for (int callee : mc.partition.namedBy(mc.classIndex)) {
            cp.invokeDynamicEntry(Calls.crossClass(callee, mc.functionType(callee)));
        }
    }

    /** Function {@code defined}'s method and the methods of its pieces, when it is split. */
    private static void defineFunction(ClassBuilder clb, ModuleContext mc, FunctionDriver driver, int defined, Map<Integer, Integer> tightening) {
        int imported = mc.functionTypes.size() - mc.module.functions().size();
        int index = imported + defined;
        mc.currentFunction = index;
        FuncType ft = mc.functionType(index);
        FunctionBody body = mc.module.codes().get(defined);
        List<ValType> locals = declaredLocals(body);
        FunctionEmitter.Role main = roleOf(mc, driver, defined, ft, locals, body, tightening.getOrDefault(index, 0));
        clb.withMethodBody(ModuleContext.functionMethod(index), ModuleContext.descriptor(ft), ACC_STATIC,
                cb -> compileFunction(cb, mc, driver, defined, index, ft, locals, main));
        SplitPlan plan = main.plan();
        // Each method emitted records how to enter the pieces it calls; a piece may call pieces in turn.
        for (int k = 0; plan != null && k < plan.called.size(); k++) {
            SplitPlan.Piece piece = plan.pieces.get(plan.called.get(k));
            FunctionEmitter.Role role = new FunctionEmitter.Role(true, main.wide(), plan, piece.index(), main.frameSize());
            clb.withMethodBody(ModuleContext.pieceMethod(index, piece.index()), ModuleContext.PIECE_TYPE, ACC_STATIC,
                    cb -> compilePiece(cb, mc, driver, defined, index, ft, locals, role));
        }
    }

    /**
     * Defines {@code classes}, class files this compiler generated for {@code module}, as hidden
     * classes in {@code lookup}'s package. Used by {@link #compile} and to load a serialized module
     * without compiling it again. No function's method handle is made here: {@link FunctionHandles}
     * makes each on first use. Several classes share that object as class data (see
     * {@code CodeLinks}); it knows every class once all are defined, before any code can run.
     *
     * @throws CompilationException when the JVM rejects a class, or the classes do not hold the
     *     module's functions
     */
    public static Output define(WasmModule module, List<GeneratedClass> classes, MethodHandles.Lookup lookup) {
        List<Integer> typeOf = module.functionTypeIndices();
        for (int k = 0; k < classes.size(); k++) {
            int first = classes.get(k).firstFunction();
            if (k == 0 ? first != 0 : first <= classes.get(k - 1).firstFunction() || first >= typeOf.size()) {
                throw new CompilationException("generated classes do not hold the module's functions in order (class " + k + " starts at " + first + ")", null);
            }
        }
        if (classes.isEmpty()) {
            throw new CompilationException("no generated class", null);
        }
        try {
            FunctionHandles handles = new FunctionHandles(module, classes);
            List<Class<?>> defined = new ArrayList<>(classes.size());
            for (int k = 0; k < classes.size(); k++) {
                byte[] bytes = classes.get(k).bytes();
                MethodHandles.Lookup hidden = classes.size() == 1 ? lookup.defineHiddenClass(bytes, true)
                        : lookup.defineHiddenClassWithClassData(bytes, handles, true);
                defined.add(hidden.lookupClass());
                handles.defined(k, hidden);
            }
            return new Output(List.copyOf(defined), handles, List.copyOf(classes));
        } catch (LinkageError | IllegalAccessException e) {
            throw new CompilationException("generated code was rejected by the JVM: " + e, e);
        }
    }

    /** JVM locals hold at most 65,535 slots; beyond this many the locals go to frame arrays. */
    private static final int MAX_LOCAL_SLOTS = 60_000;

    private static List<ValType> declaredLocals(FunctionBody body) {
        List<ValType> locals = new ArrayList<>();
        for (Locals l : body.locals()) {
            for (long i = 0; i < l.count(); i++) {
                locals.add(l.type());
            }
        }
        return locals;
    }

    /**
     * How a function is compiled: plainly, with its locals in frame arrays (too many parameters or
     * locals for the JVM), or split into pieces (too much code for one method).
     */
    private static FunctionEmitter.Role roleOf(ModuleContext mc, FunctionDriver driver, int defined, FuncType ft, List<ValType> locals, FunctionBody body,
            int tightening) {
        boolean wide = ModuleContext.isWide(ft);
        int slots = 1;
        for (ValType t : ft.params()) {
            slots += ModuleContext.kind(t).slotSize();
        }
        for (ValType t : locals) {
            slots += ModuleContext.kind(t).slotSize();
        }
        SplitPlan plan = null;
        // Below this many bytes of Wasm no function comes near the limit, unless a build showed otherwise.
        if (body.body().code().length() > ANALYZE_ABOVE || tightening > 0 || FORCED_SPLIT_LIMIT > 0) {
            double scale = Math.pow(0.6, tightening);
            int limit = FORCED_SPLIT_LIMIT > 0 ? FORCED_SPLIT_LIMIT : (int) (SplitPlan.DEFAULT_LIMIT * scale);
            int splitAbove = FORCED_SPLIT_LIMIT > 0 ? FORCED_SPLIT_LIMIT : (int) (SplitPlan.DEFAULT_SPLIT_ABOVE * scale);
            try {
                plan = SplitPlan.analyze(driver, defined, mc, limit, splitAbove);
            } catch (UnsupportedOperationException | IllegalStateException e) {
                throw new CompilationException("function " + (mc.functionTypes.size() - mc.module.functions().size() + defined) + ": " + e.getMessage(), e);
            }
        }
        boolean frameMode = wide || slots > MAX_LOCAL_SLOTS || plan != null;
        if (!frameMode) {
            return FunctionEmitter.Role.PLAIN;
        }
        int frameSize = LocalAccess.frameSize(ft.params().size() + locals.size(), mc.maxArity, plan == null ? 0 : plan.maxHeight);
        return new FunctionEmitter.Role(true, wide, plan, -1, frameSize);
    }

    private static void compileFunction(CodeBuilder cb, ModuleContext mc, FunctionDriver driver, int defined, int index, FuncType ft,
            List<ValType> locals, FunctionEmitter.Role role) {
        try {
            driver.drive(defined, types -> {
                FunctionEmitter e = new FunctionEmitter(cb, mc, types, ft, locals, role);
                e.begin();
                return e;
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new CompilationException("function " + index + ": " + e.getMessage(), e);
        }
    }

    private static void compilePiece(CodeBuilder cb, ModuleContext mc, FunctionDriver driver, int defined, int index, FuncType ft,
            List<ValType> locals, FunctionEmitter.Role role) {
        SplitPlan plan = role.plan();
        SplitPlan.Piece piece = plan.pieces.get(role.piece());
        SplitPlan.Entry entry = plan.entries.get(piece.index());
        try {
            driver.resume(defined, entry.checkpoint(), piece.end(), types -> {
                FunctionEmitter e = new FunctionEmitter(cb, mc, types, ft, locals, role);
                e.beginPiece(entry.frames());
                return e;
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new CompilationException("function " + index + ": " + e.getMessage(), e);
        }
    }

    /**
     * A test knob, read once: with {@code -Dverge.compile.splitLimit=N} every function estimated
     * over N bytes is split into pieces of at most about N, so that the spec suite and the fuzzers
     * can exercise splitting on small functions (tens of bytes make nearly every instruction a
     * segment). Not for production: methods get slower, not safer.
     */
    private static final int FORCED_SPLIT_LIMIT = Integer.getInteger("verge.compile.splitLimit", 0);

    /** Functions with at most this many bytes of Wasm code are not analysed for splitting. */
    private static final int ANALYZE_ABOVE = 800;

    static MethodTypeDesc descriptorOf(FuncType ft) {
        return ModuleContext.descriptor(ft);
    }
}
