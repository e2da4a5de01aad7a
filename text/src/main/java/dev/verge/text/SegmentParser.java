package dev.verge.text;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Expr;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Parses element and data segments, with their offset and item abbreviations. */
final class SegmentParser {
    private final Syntax s;
    private final Lexer lx;
    private final ModuleContext ctx;
    private final TypeParser types;
    private final FieldParser fields;

    SegmentParser(Syntax s, ModuleContext ctx, TypeParser types, FieldParser fields) {
        this.s = s;
        this.lx = s.lx;
        this.ctx = ctx;
        this.types = types;
        this.fields = fields;
    }

    /** {@code (offset instr*)} or a single folded instruction. */
    private Expr offset() {
        if (s.openIf("offset")) {
            Expr e = fields.constExpr();
            s.rparen();
            return e;
        }
        if (lx.kind() != Token.LPAREN) {
            throw lx.unexpected();
        }
        return fields.foldedExpr();
    }

    /** After {@code elem}: {@code $id? (declare | (table x)? offset)? elemlist}. */
    void elem() {
        s.optId();
        SegmentMode mode = SegmentMode.PASSIVE;
        if (lx.isKeyword("declare")) {
            lx.advance();
            mode = SegmentMode.DECLARATIVE;
        } else {
            int table = 0;
            boolean explicitTable = false;
            if (s.openIf("table")) {
                table = s.index(ctx.tables);
                explicitTable = true;
                s.rparen();
            } else if (s.atIndex()) {
                // The MVP's form: a bare table index before the offset.
                table = s.index(ctx.tables);
                explicitTable = true;
            }
            if (explicitTable || lx.kind() == Token.LPAREN && !lx.isParenKeyword("ref")) {
                mode = new SegmentMode.Active(table, offset());
            }
        }
        ElementSegment items = elemList(null, mode instanceof SegmentMode.Active);
        ctx.elements.add(new ElementSegment(items.type(), mode, items.functionIndices(), items.expressions(), items.usesExpressions()));
    }

    /**
     * An element list: {@code func x*}, {@code reftype item*}, or (for active segments and inline
     * table elements) bare function indices. With {@code tableType} given, the reference type was
     * already read by the table and only items follow.
     */
    ElementSegment elemList(RefType tableType, boolean bareIndicesAllowed) {
        RefType type = tableType;
        boolean indices;
        if (type == null && lx.isKeyword("func")) {
            lx.advance();
            type = RefType.FUNCREF;
            indices = true;
        } else if (type == null && types.atRefType()) {
            type = types.refType();
            indices = false;
        } else if (!bareIndicesAllowed) {
            throw lx.unexpected();
        } else {
            indices = s.atIndex() || lx.kind() == Token.RPAREN && tableType == null;
            if (type == null) {
                type = RefType.FUNCREF;
            }
        }
        if (indices) {
            List<Integer> funcs = new ArrayList<>();
            while (s.atIndex()) {
                funcs.add(s.index(ctx.funcs));
            }
            return new ElementSegment(type, SegmentMode.PASSIVE, funcs, List.of(), false);
        }
        List<Expr> exprs = new ArrayList<>();
        while (lx.kind() == Token.LPAREN) {
            if (s.openIf("item")) {
                exprs.add(fields.constExpr());
                s.rparen();
            } else {
                exprs.add(fields.foldedExpr());
            }
        }
        return new ElementSegment(type, SegmentMode.PASSIVE, List.of(), exprs, true);
    }

    /** After {@code data}: {@code $id? ((memory x)? offset)? string*}. */
    void data() {
        s.optId();
        SegmentMode mode = SegmentMode.PASSIVE;
        int memory = 0;
        boolean explicitMemory = false;
        if (s.openIf("memory")) {
            memory = s.index(ctx.memories);
            explicitMemory = true;
            s.rparen();
        } else if (s.atIndex()) {
            memory = s.index(ctx.memories);
            explicitMemory = true;
        }
        if (explicitMemory || lx.kind() == Token.LPAREN) {
            mode = new SegmentMode.Active(memory, offset());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (lx.kind() == Token.STRING) {
            bytes.writeBytes(s.string());
        }
        ctx.data.add(new DataSegment(mode, FieldParser.owned(bytes.toByteArray())));
    }
}
