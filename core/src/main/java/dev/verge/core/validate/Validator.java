package dev.verge.core.validate;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.Global;
import dev.verge.core.model.Import;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates a decoded module against the WebAssembly 2.0 rules: the module-level rules here (index
 * spaces, limits, constant expressions, segments, the start function, exports), and every function
 * body through a {@link FunctionValidator}.
 *
 * <p>The checks run in the reference interpreter's order, so that a module with several errors
 * reports the same one. Errors are {@link InvalidModuleException}s whose reason is the spec's
 * wording; errors inside a function carry its index and the instruction's offset.
 */
public final class Validator {
    private final ValidModule v;
    private final WasmModule m;
    private final FunctionValidator code;
    private final ConstantExpressionChecker constants;

    private Validator(WasmModule module, ValidatorLimits limits) {
        this.m = module;
        this.v = new ValidModule(module, limits);
        this.code = new FunctionValidator(v);
        this.constants = new ConstantExpressionChecker(code, v);
    }

    /** Validates {@code module} with {@link ValidatorLimits#DEFAULT}. */
    public static ValidModule validate(WasmModule module) {
        return validate(module, ValidatorLimits.DEFAULT);
    }

    /**
     * Validates {@code module} within {@code limits}, accepting the features they enable.
     *
     * @throws InvalidModuleException if the module is not valid
     */
    public static ValidModule validate(WasmModule module, ValidatorLimits limits) {
        Validator checker = new Validator(module, limits);
        checker.run();
        return checker.v;
    }

    /**
     * Validates {@code module} within {@code limits} while {@code bodies} validates the function
     * bodies, and returns what {@code bodies} returns: the compiler's way to read each body once
     * (it feeds every function through {@link FunctionValidator#run} as it emits its code) instead
     * of once to validate and once more to compile. The module-level rules run before
     * {@code bodies} (so the {@link ValidModule} it gets has passed them, but its bodies not yet)
     * and after it, in {@link #validate}'s order; bodies that {@code bodies} did not run through
     * a validator, or did not finish (it threw), are validated here, so the module is fully
     * validated, and an invalid module reports the same error as from {@link #validate}, whatever
     * {@code bodies} does or throws.
     *
     * @throws InvalidModuleException if the module is not valid
     */
    public static <T> T validateWith(WasmModule module, ValidatorLimits limits, Function<ValidModule, T> bodies) {
        Validator checker = new Validator(module, limits);
        checker.beforeBodies();
        T result;
        try {
            result = bodies.apply(checker.v);
        } catch (InvalidModuleException e) {
            throw e;
        } catch (RuntimeException e) {
            // An invalid body later in the module is what validate() would have reported.
            checker.remainingBodies();
            checker.afterBodies();
            throw e;
        }
        checker.remainingBodies();
        checker.afterBodies();
        return result;
    }

    private void run() {
        beforeBodies();
        remainingBodies();
        afterBodies();
    }

    private void beforeBodies() {
        imports();
        functionTypes();
        DeclaredReferences.collect(v);
        globals();
        for (TableType t : m.tables()) {
            table(t);
        }
        for (MemoryType t : m.memories()) {
            memory(t);
        }
        elements();
        data();
        if (m.codes().size() != m.functions().size()) {
            // The decoder rejects this as malformed; a hand-built module may still get here.
            throw new InvalidModuleException("function and code section have inconsistent lengths");
        }
    }

    private void afterBodies() {
        start();
        exports();
        if (v.memories.length > 1 && !v.limits().features().multiMemory()) {
            throw new InvalidModuleException("multiple memories are not allowed (yet)");
        }
    }

    private void imports() {
        for (Import i : m.imports()) {
            switch (i.type()) {
                case FuncImport f -> type(f.typeIndex());
                case TableType t -> table(t);
                case MemoryType t -> memory(t);
                default -> {}
            }
        }
    }

    private void functionTypes() {
        for (int t : m.functions()) {
            type(t);
        }
    }

    private void type(int index) {
        if (index < 0 || index >= v.types.length || v.types[index] == null) {
            throw new InvalidModuleException("unknown type " + Integer.toUnsignedString(index));
        }
    }

    private void table(TableType t) {
        limits(t.limits(), t.is64() ? -1L : 0xFFFF_FFFFL, t.is64() ? "table size must be at most 2^64-1"
                : "table size must be at most 2^32-1");
    }

    private void memory(MemoryType t) {
        if (t.is64() && !v.limits().features().memory64()) {
            throw new InvalidModuleException("memory64 is not enabled");
        }
        limits(t.limits(), t.is64() ? 1L << 48 : 65536L, t.is64() ? "memory size must be at most 2^48 pages"
                : "memory size must be at most 65536 pages (4GiB)");
    }

    /** The spec's limits rule; {@code range} is compared unsigned (-1 means no bound). */
    private static void limits(Limits l, long range, String tooLarge) {
        if (Long.compareUnsigned(l.min(), range) > 0) {
            throw new InvalidModuleException(tooLarge);
        }
        if (l.hasMax()) {
            if (Long.compareUnsigned(l.max(), range) > 0) {
                throw new InvalidModuleException(tooLarge);
            }
            if (Long.compareUnsigned(l.min(), l.max()) > 0) {
                throw new InvalidModuleException("size minimum must not be greater than maximum");
            }
        }
    }

    private void constant(Expr e, ValType type) {
        code.beginConstant(type);
        CodeReader.read(e, constants);
        code.finish();
    }

    private void globals() {
        for (Global g : m.globals()) {
            constant(g.init(), g.type().type());
        }
    }

    private void elements() {
        for (ElementSegment e : m.elements()) {
            if (e.usesExpressions()) {
                for (Expr item : e.expressions()) {
                    constant(item, e.type());
                }
            } else {
                for (int f : e.functionIndices()) {
                    function(f);
                }
                if (!ValType.FUNCREF.equals(e.type())) {
                    throw new InvalidModuleException("type mismatch: function indices in an element segment of type "
                            + e.type().text());
                }
            }
            if (e.mode() instanceof SegmentMode.Active a) {
                if (a.index() < 0 || a.index() >= v.tables.length) {
                    throw new InvalidModuleException("unknown table " + Integer.toUnsignedString(a.index()));
                }
                TableType t = v.tables[a.index()];
                if (!t.element().equals(e.type())) {
                    throw new InvalidModuleException("type mismatch: element segment's type " + e.type().text()
                            + " does not match table's element type " + t.element().text());
                }
                constant(a.offset(), t.is64() ? ValType.I64 : ValType.I32);
            }
        }
    }

    private void data() {
        for (DataSegment d : m.data()) {
            if (d.mode() instanceof SegmentMode.Active a) {
                if (a.index() < 0 || a.index() >= v.memories.length) {
                    throw new InvalidModuleException("unknown memory " + Integer.toUnsignedString(a.index()));
                }
                constant(a.offset(), v.memories[a.index()].is64() ? ValType.I64 : ValType.I32);
            }
        }
    }

    /** Validates every body not validated yet (by {@link #validateWith}'s caller), in order. */
    private void remainingBodies() {
        for (int i = 0; i < m.functions().size(); i++) {
            if (!v.validatedBodies[i]) {
                code.validateFunction(i);
                code.recordValid(i);
            }
        }
    }

    private void start() {
        if (m.start() == -1) {
            return;
        }
        function(m.start());
        FuncType t = v.functions[m.start()];
        if (!t.params().isEmpty() || !t.results().isEmpty()) {
            throw new InvalidModuleException("start function must not have parameters or results");
        }
    }

    private void function(int index) {
        if (index < 0 || index >= v.functions.length) {
            throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(index));
        }
    }

    private void exports() {
        Set<String> names = new HashSet<>();
        for (Export e : m.exports()) {
            int i = e.index();
            int size = switch (e.kind()) {
                case FUNC -> v.functions.length;
                case TABLE -> v.tables.length;
                case MEMORY -> v.memories.length;
                case GLOBAL -> v.globals.length;
                case TAG -> 0;
            };
            if (i < 0 || i >= size) {
                String kind = e.kind() == ExternKind.FUNC ? "function" : e.kind().text();
                throw new InvalidModuleException("unknown " + kind + " " + Integer.toUnsignedString(i));
            }
            if (!names.add(e.name())) {
                throw new InvalidModuleException("duplicate export name");
            }
        }
    }
}
