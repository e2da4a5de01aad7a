package dev.verge.core.compile.fuzz;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.binary.WasmWriter;
import dev.verge.core.instr.Op;
import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Generates random valid Wasm 2.0 modules (SIMD included) from a seed, for fuzzing the compiler:
 * the same seed always gives the same module. The module-level parts (types, memory, tables,
 * globals, segments, exports) are made here; function bodies come from {@link BodyGenerator}, which
 * keeps a type stack and emits only instructions whose operands are there.
 *
 * <p>Every function is exported as {@code f<index>}, so every function may be the target of
 * {@code ref.func}, and the test can call each one. Some modules import host functions
 * {@code env.h<index>}, which the test defines. Memories and tables always have a maximum, so
 * {@code memory.grow} and {@code table.grow} stay small.
 */
public final class ModuleGenerator {
    /** The shape of a module: most are ordinary, a few stress one limit of the compiler. */
    enum Profile {
        NORMAL, BIG_FUNCTION, DEEP_NESTING, WIDE, TINY
    }

    final Random random;
    /** Whether to shrink the big profiles so that many seeds fit in a unit test's time. */
    private final boolean light;
    final boolean simd;
    final Profile profile;
    final List<SubType> types = new ArrayList<>();
    /** The type of each function, by function index (imported host functions first). */
    final List<FuncType> functionTypes = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    /** The only memory, or null. */
    MemoryType memory;
    final List<ElementSegment> elements = new ArrayList<>();
    final List<DataSegment> data = new ArrayList<>();

    private ModuleGenerator(long seed, boolean light) {
        this.random = new Random(seed);
        this.light = light;
        this.simd = random.nextInt(4) != 0;
        int p = random.nextInt(100);
        this.profile = p < 70 ? Profile.NORMAL
                : p < 78 ? Profile.BIG_FUNCTION
                : p < 87 ? Profile.DEEP_NESTING
                : p < 95 ? Profile.WIDE
                : Profile.TINY;
    }

    /** The module for {@code seed}. */
    public static WasmModule generate(long seed) {
        return generate(seed, false);
    }

    /**
     * The module for {@code seed}; when {@code light}, big functions and deep nests are a sixth of
     * their full size (still past the compiler's splitting threshold).
     */
    public static WasmModule generate(long seed, boolean light) {
        return new ModuleGenerator(seed, light).build();
    }

    /** The profile {@code seed} generates, for reports. */
    static Profile profileOf(long seed) {
        return new ModuleGenerator(seed, false).profile;
    }

    private WasmModule build() {
        int imported = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
        int defined = profile == Profile.TINY ? 1 : 1 + random.nextInt(profile == Profile.BIG_FUNCTION ? 2 : 6);
        int functionCount = imported + defined;
        List<Import> imports = new ArrayList<>();
        for (int i = 0; i < functionCount; i++) {
            FuncType t = profile == Profile.WIDE && i == 0 ? wideFuncType() : randomFuncType();
            functionTypes.add(t);
            if (i < imported) {
                imports.add(new Import("env", "h" + i, new FuncImport(typeIndex(t))));
            }
        }
        if (random.nextInt(4) != 0) {
            long min = random.nextInt(3);
            memory = new MemoryType(new Limits(min, min + random.nextInt(4)));
        }
        makeTables();
        makeGlobals();
        makeElements();
        makeData();
        List<FunctionBody> codes = new ArrayList<>();
        List<Integer> functions = new ArrayList<>();
        for (int i = imported; i < functionCount; i++) {
            functions.add(typeIndex(functionTypes.get(i)));
            codes.add(new BodyGenerator(this, functionTypes.get(i), bodyOptions(i - imported)).generate());
        }
        List<Export> exports = new ArrayList<>();
        for (int i = 0; i < functionCount; i++) {
            exports.add(new Export("f" + i, ExternKind.FUNC, i));
        }
        if (memory != null) {
            exports.add(new Export("mem", ExternKind.MEMORY, 0));
        }
        for (int i = 0; i < tables.size(); i++) {
            exports.add(new Export("t" + i, ExternKind.TABLE, i));
        }
        for (int i = 0; i < globals.size(); i++) {
            exports.add(new Export("g" + i, ExternKind.GLOBAL, i));
        }
        return new WasmModule(types, imports, functions, tables, memory == null ? List.of() : List.of(memory),
                globals, exports, -1, elements, data.size(), codes, data, List.<CustomSection>of(),
                new NameSection(null, Map.of(), Map.of()));
    }

    private BodyGenerator.Options bodyOptions(int function) {
        BodyGenerator.Options full = fullOptions(function);
        if (!light || (profile != Profile.BIG_FUNCTION && profile != Profile.DEEP_NESTING)) {
            return full;
        }
        return new BodyGenerator.Options(full.budget() / 6, Math.max(12, full.maxDepth() / 3), full.extraLocals(), full.nest());
    }

    private BodyGenerator.Options fullOptions(int function) {
        return switch (profile) {
            case BIG_FUNCTION -> function == 0
                    ? new BodyGenerator.Options(8_000 + random.nextInt(25_000), 40, 4, false)
                    : new BodyGenerator.Options(50 + random.nextInt(200), 12, random.nextInt(8), false);
            case DEEP_NESTING -> new BodyGenerator.Options(500 + random.nextInt(1500), 100 + random.nextInt(700),
                    random.nextInt(8), true);
            case WIDE -> new BodyGenerator.Options(100 + random.nextInt(400), 12,
                    random.nextBoolean() ? 200 + random.nextInt(3000) : random.nextInt(8), false);
            case TINY -> new BodyGenerator.Options(random.nextInt(6), 3, random.nextInt(2), false);
            case NORMAL -> new BodyGenerator.Options(10 + random.nextInt(300), 4 + random.nextInt(16),
                    random.nextInt(10), false);
        };
    }

    /** The index of {@code t} in the type section, adding it if new. */
    int typeIndex(FuncType t) {
        SubType s = SubType.of(t);
        int i = types.indexOf(s);
        if (i >= 0) {
            return i;
        }
        types.add(s);
        return types.size() - 1;
    }

    /** A value type: numbers most often, then references, then vectors (when SIMD is on). */
    ValType randomType() {
        int k = random.nextInt(simd ? 20 : 18);
        return switch (k) {
            case 0, 1, 2, 3, 4 -> ValType.I32;
            case 5, 6, 7, 8 -> ValType.I64;
            case 9, 10, 11 -> ValType.F32;
            case 12, 13, 14 -> ValType.F64;
            case 15 -> ValType.FUNCREF;
            case 16 -> ValType.EXTERNREF;
            case 17 -> ValType.I32;
            default -> ValType.V128;
        };
    }

    List<ValType> randomTypes(int max) {
        int n = random.nextInt(max + 1);
        List<ValType> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(randomType());
        }
        return out;
    }

    private FuncType randomFuncType() {
        int results = switch (random.nextInt(8)) {
            case 0, 1 -> 0;
            case 2, 3, 4, 5 -> 1;
            default -> 2 + random.nextInt(3);
        };
        List<ValType> r = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            r.add(randomType());
        }
        return new FuncType(randomTypes(random.nextInt(3) == 0 ? 8 : 3), r);
    }

    /** More than 255 JVM parameter slots (i64 and f64 take two), which needs the compiler's wide form. */
    private FuncType wideFuncType() {
        int n = 100 + random.nextInt(200);
        List<ValType> p = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            p.add(random.nextInt(3) == 0 ? randomType() : (random.nextBoolean() ? ValType.I64 : ValType.F64));
        }
        return new FuncType(p, randomTypes(3));
    }

    private void makeTables() {
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            RefType type = i == 0 || random.nextBoolean() ? RefType.FUNCREF : RefType.EXTERNREF;
            long min = random.nextInt(10);
            tables.add(new TableType(type, new Limits(min, min + random.nextInt(10))));
        }
    }

    private void makeGlobals() {
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            ValType t = randomType();
            globals.add(new Global(new GlobalType(t, random.nextBoolean()), expr(c -> constant(c, t))));
        }
    }

    /** A constant of type {@code t} (references: null or a function), without the {@code end}. */
    void constant(CodeWriter c, ValType t) {
        if (t == ValType.I32) {
            c.i32Const(Values.i32(random));
        } else if (t == ValType.I64) {
            c.i64Const(Values.i64(random));
        } else if (t == ValType.F32) {
            c.f32Const(Values.f32Bits(random));
        } else if (t == ValType.F64) {
            c.f64Const(Values.f64Bits(random));
        } else if (t == ValType.V128) {
            c.v128Const(Values.i64(random), Values.i64(random));
        } else if (t.equals(ValType.FUNCREF) && random.nextBoolean()) {
            c.index(Op.REF_FUNC, random.nextInt(functionTypes.size()));
        } else {
            c.refNull(t.equals(ValType.FUNCREF) ? AbsHeapType.FUNC : AbsHeapType.EXTERN);
        }
    }

    private void makeElements() {
        for (int t = 0; t < tables.size(); t++) {
            TableType table = tables.get(t);
            if (random.nextInt(4) == 0) {
                continue;
            }
            int min = (int) table.limits().min();
            int length = random.nextInt(min + 1);
            int offset = random.nextInt(min - length + 1);
            SegmentMode mode = new SegmentMode.Active(t, expr(c -> c.i32Const(offset)));
            elements.add(segment(table.element(), mode, length));
        }
        int passive = random.nextInt(3);
        for (int i = 0; i < passive; i++) {
            RefType type = random.nextBoolean() ? RefType.FUNCREF : RefType.EXTERNREF;
            elements.add(segment(type, SegmentMode.PASSIVE, random.nextInt(6)));
        }
        if (random.nextInt(4) == 0) {
            elements.add(segment(RefType.FUNCREF, SegmentMode.DECLARATIVE, 1 + random.nextInt(3)));
        }
    }

    private ElementSegment segment(RefType type, SegmentMode mode, int length) {
        if (type.equals(RefType.FUNCREF) && random.nextBoolean()) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                indices.add(random.nextInt(functionTypes.size()));
            }
            return new ElementSegment(type, mode, indices, List.of(), false);
        }
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            exprs.add(expr(c -> constant(c, type)));
        }
        return new ElementSegment(type, mode, List.of(), exprs, true);
    }

    private void makeData() {
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            long size = memory == null ? 0 : memory.limits().min() * MemoryType.PAGE_SIZE;
            if (memory != null && random.nextBoolean() && size >= bytes.length) {
                int offset = random.nextInt((int) Math.min(size - bytes.length + 1, Integer.MAX_VALUE));
                data.add(new DataSegment(new SegmentMode.Active(0, expr(c -> c.i32Const(offset))), Bytes.copyOf(bytes)));
            } else {
                data.add(new DataSegment(SegmentMode.PASSIVE, Bytes.copyOf(bytes)));
            }
        }
    }

    static Expr expr(Consumer<CodeWriter> code) {
        WasmWriter w = new WasmWriter();
        CodeWriter c = new CodeWriter(w);
        code.accept(c);
        c.op(Op.END);
        return new Expr(Bytes.copyOf(w.toByteArray()), 0);
    }
}
