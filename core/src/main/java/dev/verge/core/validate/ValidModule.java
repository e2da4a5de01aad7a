package dev.verge.core.validate;

import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * A module that {@link Validator} has accepted, with the facts a compiler needs precomputed: the
 * type of every function, the locals of every defined function, which functions may be referenced
 * with {@code ref.func}, and how deep each function's operand stack and block nesting get.
 *
 * <p>Only {@link Validator} creates instances, so holding one is proof of validity. Immutable and
 * safe to share between threads.
 */
public final class ValidModule {
    private final WasmModule module;
    private final ValidatorLimits limits;

    // The validation context (the spec's C), as arrays indexed by the spec's index spaces. Package
    // private: the function validator reads them on its hot path.
    final FuncType[] types;
    final ValType[][] typeParams;
    final ValType[][] typeResults;
    final FuncType[] functions;
    /** The type index of each function, by function index. */
    final int[] functionTypes;
    final int importedFunctions;
    final TableType[] tables;
    final MemoryType[] memories;
    final GlobalType[] globals;
    final int importedGlobals;
    final RefType[] elementTypes;
    final int dataSegments;
    final boolean[] declaredReferences;

    // Filled in while the bodies are validated; never changed after validate() returns.
    final int[] maxOperandHeights;
    final int[] maxControlDepths;
    /** Which defined functions' bodies have been validated (see {@link Validator#validateWith}). */
    final boolean[] validatedBodies;

    ValidModule(WasmModule module, ValidatorLimits limits) {
        this.module = module;
        this.limits = limits;
        int typeCount = module.types().size();
        types = new FuncType[typeCount];
        typeParams = new ValType[typeCount][];
        typeResults = new ValType[typeCount][];
        for (int i = 0; i < typeCount; i++) {
            SubType t = module.types().get(i);
            if (t.composite() instanceof FuncType f) {
                types[i] = f;
                typeParams[i] = f.params().toArray(new ValType[0]);
                typeResults[i] = f.results().toArray(new ValType[0]);
            }
        }
        List<Integer> functionTypeIndices = module.functionTypeIndices();
        functions = new FuncType[functionTypeIndices.size()];
        functionTypes = new int[functions.length];
        for (int i = 0; i < functions.length; i++) {
            int t = functionTypeIndices.get(i);
            functionTypes[i] = t;
            // Unknown type indices are reported by the validator; leave the slot empty until then.
            functions[i] = t >= 0 && t < typeCount ? types[t] : null;
        }
        importedFunctions = functions.length - module.functions().size();
        tables = module.allTables().toArray(new TableType[0]);
        memories = module.allMemories().toArray(new MemoryType[0]);
        globals = module.allGlobals().toArray(new GlobalType[0]);
        importedGlobals = globals.length - module.globals().size();
        List<ElementSegment> elements = module.elements();
        elementTypes = new RefType[elements.size()];
        for (int i = 0; i < elementTypes.length; i++) {
            elementTypes[i] = elements.get(i).type();
        }
        dataSegments = module.data().size();
        declaredReferences = new boolean[functions.length];
        maxOperandHeights = new int[module.functions().size()];
        maxControlDepths = new int[module.functions().size()];
        validatedBodies = new boolean[module.functions().size()];
    }

    /** The module as decoded. */
    public WasmModule module() {
        return module;
    }

    /** The limits and features it was validated with. */
    public ValidatorLimits limits() {
        return limits;
    }

    /** The size of the function index space: imported functions first, then defined ones. */
    public int functionCount() {
        return functions.length;
    }

    public int importedFunctionCount() {
        return importedFunctions;
    }

    /** The number of functions the module defines (and has bodies for). */
    public int definedFunctionCount() {
        return functions.length - importedFunctions;
    }

    /** The type of the function at {@code functionIndex} in the function index space. */
    public FuncType functionType(int functionIndex) {
        return functions[functionIndex];
    }

    /** The type of the {@code definedIndex}-th function the module defines. */
    public FuncType definedFunctionType(int definedIndex) {
        return functions[importedFunctions + definedIndex];
    }

    /** The function type at a type index. */
    public FuncType type(int typeIndex) {
        return types[typeIndex];
    }

    /**
     * Every local of a defined function as {@code local.get} indexes them: its parameters, then its
     * declared locals. Computed on each call (a module may declare many locals per function and
     * the compiler needs them once), so callers should keep the result.
     */
    public List<ValType> localTypes(int definedIndex) {
        FunctionBody body = module.codes().get(definedIndex);
        List<ValType> out = new ArrayList<>(definedFunctionType(definedIndex).params());
        for (Locals run : body.locals()) {
            for (long i = 0; i < run.count(); i++) {
                out.add(run.type());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether {@code ref.func functionIndex} may appear in a function body: the function is named
     * outside function bodies (in an element segment, an export or a global's initializer).
     */
    public boolean isDeclaredReference(int functionIndex) {
        return functionIndex >= 0 && functionIndex < declaredReferences.length && declaredReferences[functionIndex];
    }

    /**
     * The largest number of operands on a defined function's operand stack at any point, which
     * bounds the JVM operand stack and spill slots its compiled code needs.
     */
    public int maxOperandHeight(int definedIndex) {
        return maxOperandHeights[definedIndex];
    }

    /** The deepest control nesting in a defined function, counting the function's own frame. */
    public int maxControlDepth(int definedIndex) {
        return maxControlDepths[definedIndex];
    }

    /** Every table, imported ones first. */
    public List<TableType> tables() {
        return List.of(tables);
    }

    /** Every memory, imported ones first. */
    public List<MemoryType> memories() {
        return List.of(memories);
    }

    /** Every global's type, imported ones first. */
    public List<GlobalType> globals() {
        return List.of(globals);
    }
}
