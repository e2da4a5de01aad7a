package dev.verge.core.compile;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Locals;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.CompilationException;
import dev.verge.core.runtime.EngineConfig;
import dev.verge.core.runtime.JvmTypes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a validated module to one hidden class: each function becomes a static method
 * {@code f<index>(params..., Instance)}; imported functions get a bridge method of the same shape
 * that calls through the instance's function table; each {@code call_indirect} signature gets a
 * bridge {@code ci<type>_<table>}. Hidden classes can be unloaded with their module, and being
 * defined in the runtime's package they use its internals without those being exported.
 */
public final class ModuleCompiler {
    private static final int ACC_STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;

    private ModuleCompiler() {}

    /**
     * The generated class, a handle to each defined function's method, and the class file it was
     * defined from (kept so that the compiled module can be serialized).
     */
    public record Output(Class<?> codeClass, MethodHandle[] functions, byte[] classBytes) {}

    /**
     * Compiles {@code module}, whose functions {@code driver} feeds through the validator.
     *
     * @param lookup a full-privilege lookup in the runtime package, where the class is defined
     */
    public static Output compile(WasmModule module, EngineConfig config, FunctionDriver driver, MethodHandles.Lookup lookup) {
        String pkg = lookup.lookupClass().getPackageName();
        ClassDesc self = ClassDesc.of(pkg + ".WasmCode");
        byte[] bytes = generate(module, config, driver, self);
        return define(module, bytes, lookup);
    }

    /** How many times a function's plan may be tightened after its methods came out too large. */
    private static final int MAX_TIGHTENING = 3;

    /**
     * The class file of {@code module} (named {@code self}), without defining it. Functions are
     * planned from estimated sizes; when a method still comes out over HotSpot's huge-method limit
     * its function is planned again with tighter limits, up to {@link #MAX_TIGHTENING} times.
     */
    public static byte[] generate(WasmModule module, EngineConfig config, FunctionDriver driver, ClassDesc self) {
        Map<Integer, Integer> tightening = new HashMap<>();
        while (true) {
            byte[] bytes = build(module, config, driver, self, tightening);
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

    private static byte[] build(WasmModule module, EngineConfig config, FunctionDriver driver, ClassDesc self, Map<Integer, Integer> tightening) {
        ModuleContext mc = new ModuleContext(module, self, config);
        int imported = mc.functionTypes.size() - module.functions().size();
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(ModuleCompiler.class.getClassLoader()))));
        try {
            return cf.build(self, clb -> {
                clb.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
                for (int i = 0; i < imported; i++) {
                    int index = i;
                    FuncType ft = mc.functionType(i);
                    clb.withMethodBody(ModuleContext.functionMethod(i), ModuleContext.descriptor(ft), ACC_STATIC,
                            cb -> Bridges.importBridge(cb, ft, index));
                }
                for (int d = 0; d < module.functions().size(); d++) {
                    int defined = d;
                    int index = imported + d;
                    mc.currentFunction = index;
                    FuncType ft = mc.functionType(index);
                    FunctionBody body = module.codes().get(d);
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
                Map<FuncType, List<Integer>> definedByType = new HashMap<>();
                for (int d = 0; d < module.functions().size(); d++) {
                    definedByType.computeIfAbsent(mc.functionType(imported + d), k -> new ArrayList<>()).add(imported + d);
                }
                for (long key : mc.indirectBridges) {
                    int typeIndex = (int) (key >>> 32);
                    int table = (int) key;
                    FuncType ft = module.funcType(typeIndex);
                    List<Integer> sameType = definedByType.getOrDefault(ft, List.of());
                    clb.withMethodBody(ModuleContext.indirectMethod(typeIndex, table), ModuleContext.descriptor(ft, ConstantDescs.CD_int), ACC_STATIC,
                            cb -> Bridges.indirectBridge(cb, mc, ft, typeIndex, table, sameType));
                }
            });
        } catch (CompilationException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new CompilationException("cannot compile module: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new CompilationException("cannot compile module: nesting too deep for the compiler's stack", e);
        }
    }

    /**
     * Defines {@code bytes}, a class file this compiler generated for {@code module}, as a hidden
     * class in {@code lookup}'s package and finds each defined function's method. Used by
     * {@link #compile} and to load a serialized module without compiling it again.
     *
     * @throws CompilationException when the JVM rejects the class
     */
    public static Output define(WasmModule module, byte[] bytes, MethodHandles.Lookup lookup) {
        List<Integer> typeOf = module.functionTypeIndices();
        int imported = typeOf.size() - module.functions().size();
        try {
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true);
            Class<?> cls = hidden.lookupClass();
            MethodHandle[] handles = new MethodHandle[module.functions().size()];
            for (int d = 0; d < handles.length; d++) {
                int index = imported + d;
                handles[d] = hidden.findStatic(cls, ModuleContext.functionMethod(index), JvmTypes.compiled(module.funcType(typeOf.get(index))));
            }
            return new Output(cls, handles, bytes);
        } catch (LinkageError | ReflectiveOperationException e) {
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
