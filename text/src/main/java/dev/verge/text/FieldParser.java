package dev.verge.text;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.binary.WasmWriter;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.ExternType;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Limits;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses module fields. {@link #declare()} is the first pass over a field (bind its identifier,
 * read type definitions); {@link #define()} the second (parse it completely into the module).
 */
final class FieldParser {
    private final Syntax s;
    private final Lexer lx;
    private final ModuleContext ctx;
    private final TypeParser types;
    private final InstrParser instrs;
    private final SegmentParser segments;
    /** The kind of the last definition seen by the first pass, for "import after ..." errors. */
    private String lastDefinition;
    /** Second-pass counters: the index each field defines. */
    private int funcIndex;
    private int tableIndex;
    private int memoryIndex;
    private int globalIndex;
    private final WasmWriter body = new WasmWriter(4096);

    FieldParser(Syntax s, ModuleContext ctx, TypeParser types, InstrParser instrs) {
        this.s = s;
        this.lx = s.lx;
        this.ctx = ctx;
        this.types = types;
        this.instrs = instrs;
        this.segments = new SegmentParser(s, ctx, types, this);
    }

    // ---------------------------------------------------------------- first pass

    void declare() {
        s.lparen();
        if (lx.kind() != Token.KEYWORD) {
            throw lx.unexpected();
        }
        String keyword = lx.text();
        int at = lx.start();
        lx.advance();
        switch (keyword) {
            case "type" -> typeDefinition();
            case "import" -> {
                s.name();
                s.name();
                s.lparen();
                if (lx.kind() != Token.KEYWORD) {
                    throw lx.unexpected();
                }
                String kind = lx.text();
                lx.advance();
                IndexSpace space = space(kind);
                importCheck(at);
                int idAt = lx.start();
                space.bind(s.optId(), s, idAt);
                if (space == ctx.memories) {
                    ctx.memory64.add(lx.isKeyword("i64"));
                }
            }
            case "func", "table", "memory", "global" -> {
                IndexSpace space = space(keyword);
                int idAt = lx.start();
                String id = s.optId();
                while (lx.isParenKeyword("export")) {
                    s.skipSexpr();
                }
                boolean imported = lx.isParenKeyword("import");
                if (imported) {
                    importCheck(at);
                    s.skipSexpr();
                } else {
                    lastDefinition = space.category;
                }
                space.bind(id, s, idAt);
                boolean is64 = lx.isKeyword("i64");
                if (space == ctx.memories) {
                    ctx.memory64.add(is64);
                }
                if (!imported) {
                    if (is64 || lx.isKeyword("i32")) {
                        lx.advance();
                    }
                    if (space == ctx.tables && types.atRefType()) {
                        types.refType();
                        if (lx.isParenKeyword("elem")) {
                            ctx.elems.skip(1);
                        }
                    } else if (space == ctx.memories && lx.isParenKeyword("data")) {
                        ctx.datas.skip(1);
                    }
                }
            }
            case "elem" -> {
                int idAt = lx.start();
                ctx.elems.bind(s.optId(), s, idAt);
            }
            case "data" -> {
                int idAt = lx.start();
                ctx.datas.bind(s.optId(), s, idAt);
            }
            case "export", "start" -> {}
            default -> throw lx.errorAt(at, Keywords.isKnown(keyword) ? "unexpected token" : "unknown operator " + keyword);
        }
    }

    private IndexSpace space(String kind) {
        return switch (kind) {
            case "func" -> ctx.funcs;
            case "table" -> ctx.tables;
            case "memory" -> ctx.memories;
            case "global" -> ctx.globals;
            default -> throw lx.unexpected();
        };
    }

    private void importCheck(int at) {
        if (lastDefinition != null) {
            throw lx.errorAt(at, "import after " + lastDefinition + " definition");
        }
    }

    /** {@code (type $id? (func ...))}, after {@code type}. */
    private void typeDefinition() {
        int at = lx.start();
        String id = s.optId();
        if (!s.openIf("func")) {
            throw lx.unexpected();
        }
        FuncType f = types.signature(new ArrayList<>());
        s.rparen();
        s.rparen();
        ctx.typeSpace.bind(id, s, at);
        ctx.addType(SubType.of(f));
    }

    // ---------------------------------------------------------------- second pass

    void define() {
        int start = lx.start();
        s.lparen();
        String keyword = lx.text();
        lx.advance();
        switch (keyword) {
            case "type" -> {
                lx.reset(start);
                s.skipSexpr();
                return;
            }
            case "import" -> importField();
            case "func" -> funcField();
            case "table" -> tableField();
            case "memory" -> memoryField();
            case "global" -> globalField();
            case "export" -> exportField();
            case "start" -> {
                int at = lx.start();
                int f = s.index(ctx.funcs);
                if (ctx.hasStart) {
                    throw lx.errorAt(at, "multiple start sections");
                }
                ctx.start = f;
                ctx.hasStart = true;
            }
            case "elem" -> segments.elem();
            case "data" -> segments.data();
            default -> throw lx.errorAt(start, "unexpected token");
        }
        s.rparen();
    }

    private void importField() {
        String module = s.name();
        String name = s.name();
        s.lparen();
        String kind = lx.text();
        lx.advance();
        s.optId();
        ExternType type = switch (kind) {
            case "func" -> {
                funcIndex++;
                yield new FuncImport(ctx.resolve(types.typeUse(true), s));
            }
            case "table" -> {
                tableIndex++;
                yield tableType();
            }
            case "memory" -> {
                memoryIndex++;
                yield memoryType();
            }
            case "global" -> {
                globalIndex++;
                yield types.globalType();
            }
            default -> throw lx.unexpected();
        };
        s.rparen();
        ctx.imports.add(new Import(module, name, type));
    }

    private TableType tableType() {
        boolean is64 = types.addressType();
        Limits limits = types.limits(is64);
        return new TableType(types.refType(), limits, is64);
    }

    private MemoryType memoryType() {
        boolean is64 = types.addressType();
        Limits limits = types.limits(is64);
        boolean shared = false;
        if (lx.isKeyword("shared")) {
            shared = true;
            lx.advance();
        }
        return new MemoryType(limits, shared, is64);
    }

    /** {@code (export "name")*}: exports of the field being defined. */
    private void inlineExports(ExternKind kind, int index) {
        while (s.openIf("export")) {
            ctx.exports.add(new Export(s.name(), kind, index));
            s.rparen();
        }
    }

    /** {@code (import "m" "n")} when present: the import's two names, else null. */
    private String[] inlineImport() {
        if (!s.openIf("import")) {
            return null;
        }
        String[] names = {s.name(), s.name()};
        s.rparen();
        return names;
    }

    private void funcField() {
        int index = funcIndex++;
        s.optId();
        inlineExports(ExternKind.FUNC, index);
        String[] imported = inlineImport();
        TypeUse use = types.typeUse(true);
        int typeIndex = ctx.resolve(use, s);
        if (imported != null) {
            ctx.imports.add(new Import(imported[0], imported[1], new FuncImport(typeIndex)));
            return;
        }
        IndexSpace locals = new IndexSpace("local");
        if (use.hasInline() || !use.explicit()) {
            for (String name : use.paramNames()) {
                locals.bind(name, s, use.position());
            }
        } else {
            FuncType declared = ctx.funcType(typeIndex);
            locals.skip(declared == null ? 0 : declared.params().size());
        }
        List<Locals> declarations = new ArrayList<>();
        while (s.openIf("local")) {
            if (lx.kind() == Token.ID) {
                int at = lx.start();
                String name = s.optId();
                addLocal(declarations, types.valType());
                locals.bind(name, s, at);
            } else {
                while (lx.kind() != Token.RPAREN) {
                    addLocal(declarations, types.valType());
                    locals.bind(null, s, 0);
                }
            }
            s.rparen();
        }
        body.reset();
        CodeWriter code = new CodeWriter(body);
        instrs.begin(locals);
        instrs.instrs(code);
        code.op(Op.END);
        ctx.functions.add(typeIndex);
        ctx.codes.add(new FunctionBody(declarations, new Expr(owned(body.toByteArray()), 0)));
        if (locals.hasNames()) {
            ctx.localNames.put(index, locals.namesByIndex());
        }
    }

    private static void addLocal(List<Locals> declarations, ValType type) {
        int last = declarations.size() - 1;
        if (last >= 0 && declarations.get(last).type().equals(type)) {
            declarations.set(last, new Locals(declarations.get(last).count() + 1, type));
        } else {
            declarations.add(new Locals(1, type));
        }
    }

    private void tableField() {
        int index = tableIndex++;
        s.optId();
        inlineExports(ExternKind.TABLE, index);
        String[] imported = inlineImport();
        if (imported != null) {
            ctx.imports.add(new Import(imported[0], imported[1], tableType()));
            return;
        }
        boolean is64 = types.addressType();
        if (!types.atRefType()) {
            Limits limits = types.limits(is64);
            ctx.tableTypes.add(new TableType(types.refType(), limits, is64));
            return;
        }
        // (table reftype (elem ...)): a table exactly as large as its inline element segment.
        RefType type = types.refType();
        s.lparen();
        s.keyword("elem");
        ElementSegment items = segments.elemList(type, true);
        s.rparen();
        int n = items.size();
        ctx.tableTypes.add(new TableType(type, new Limits(n, n), is64));
        SegmentMode mode = new SegmentMode.Active(index, constZero(is64));
        ctx.elements.add(new ElementSegment(items.type(), mode, items.functionIndices(), items.expressions(), items.usesExpressions()));
    }

    private void memoryField() {
        int index = memoryIndex++;
        s.optId();
        inlineExports(ExternKind.MEMORY, index);
        String[] imported = inlineImport();
        if (imported != null) {
            ctx.imports.add(new Import(imported[0], imported[1], memoryType()));
            return;
        }
        if (!lx.isParenKeyword("data") && !(lx.kind() == Token.KEYWORD && lx.isKeyword("i64") && lx.peekKind() == Token.LPAREN)) {
            ctx.memoryTypes.add(memoryType());
            return;
        }
        // (memory (data ...)): a memory exactly as large as its inline data, in whole pages.
        boolean is64 = types.addressType();
        s.lparen();
        s.keyword("data");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (lx.kind() == Token.STRING) {
            bytes.writeBytes(s.string());
        }
        s.rparen();
        long pages = (bytes.size() + 65535L) / 65536L;
        ctx.memoryTypes.add(new MemoryType(new Limits(pages, pages), false, is64));
        ctx.data.add(new DataSegment(new SegmentMode.Active(index, constZero(is64)), owned(bytes.toByteArray())));
    }

    private void globalField() {
        int index = globalIndex++;
        s.optId();
        inlineExports(ExternKind.GLOBAL, index);
        String[] imported = inlineImport();
        GlobalType type = types.globalType();
        if (imported != null) {
            ctx.imports.add(new Import(imported[0], imported[1], type));
            return;
        }
        ctx.globalDefs.add(new Global(type, constExpr()));
    }

    private void exportField() {
        String name = s.name();
        s.lparen();
        String kind = lx.text();
        lx.advance();
        ExternKind k = switch (kind) {
            case "func" -> ExternKind.FUNC;
            case "table" -> ExternKind.TABLE;
            case "memory" -> ExternKind.MEMORY;
            case "global" -> ExternKind.GLOBAL;
            default -> throw lx.unexpected();
        };
        int index = s.index(space(kind));
        s.rparen();
        ctx.exports.add(new Export(name, k, index));
    }

    /** Instructions up to the closing parenthesis, ended with {@code end}. */
    Expr constExpr() {
        WasmWriter w = new WasmWriter(16);
        CodeWriter code = new CodeWriter(w);
        instrs.begin(null);
        instrs.instrs(code);
        code.op(Op.END);
        return new Expr(owned(w.toByteArray()), 0);
    }

    /** One folded instruction, ended with {@code end}: the offset and item abbreviations. */
    Expr foldedExpr() {
        WasmWriter w = new WasmWriter(16);
        CodeWriter code = new CodeWriter(w);
        instrs.begin(null);
        instrs.foldedOne(code);
        code.op(Op.END);
        return new Expr(owned(w.toByteArray()), 0);
    }

    /** Wraps a freshly made array (never shared) without copying it again. */
    static Bytes owned(byte[] fresh) {
        return Bytes.wrap(fresh, 0, fresh.length);
    }

    /** {@code i32.const 0} (or {@code i64.const 0}) end: the offset of inline segments. */
    static Expr constZero(boolean is64) {
        WasmWriter w = new WasmWriter(4);
        CodeWriter code = new CodeWriter(w);
        if (is64) {
            code.i64Const(0);
        } else {
            code.i32Const(0);
        }
        code.op(Op.END);
        return new Expr(owned(w.toByteArray()), 0);
    }
}
