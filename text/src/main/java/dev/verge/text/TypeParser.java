package dev.verge.text;

import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.ConcreteHeapType;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.RefType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.List;

/** Parses types: value, reference and function types, type uses, limits and the extern types. */
final class TypeParser {
    private final Syntax s;
    private final Lexer lx;
    private final ModuleContext ctx;

    TypeParser(Syntax syntax, ModuleContext ctx) {
        this.s = syntax;
        this.lx = syntax.lx;
        this.ctx = ctx;
    }

    /** Whether the current token starts a value type. */
    boolean atValType() {
        if (lx.kind() == Token.LPAREN) {
            return lx.peekKind() == Token.KEYWORD && lx.peekText().equals("ref");
        }
        return lx.kind() == Token.KEYWORD && simpleValType(lx.text()) != null;
    }

    private static ValType simpleValType(String k) {
        return switch (k) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            default -> shortRefType(k);
        };
    }

    private static RefType shortRefType(String k) {
        return switch (k) {
            case "funcref" -> RefType.FUNCREF;
            case "externref" -> RefType.EXTERNREF;
            case "anyref" -> RefType.nullable(AbsHeapType.ANY);
            case "eqref" -> RefType.nullable(AbsHeapType.EQ);
            case "i31ref" -> RefType.nullable(AbsHeapType.I31);
            case "structref" -> RefType.nullable(AbsHeapType.STRUCT);
            case "arrayref" -> RefType.nullable(AbsHeapType.ARRAY);
            case "exnref" -> RefType.nullable(AbsHeapType.EXN);
            case "nullref" -> RefType.nullable(AbsHeapType.NONE);
            case "nullfuncref" -> RefType.nullable(AbsHeapType.NOFUNC);
            case "nullexternref" -> RefType.nullable(AbsHeapType.NOEXTERN);
            case "nullexnref" -> RefType.nullable(AbsHeapType.NOEXN);
            default -> null;
        };
    }

    ValType valType() {
        if (lx.kind() == Token.KEYWORD) {
            ValType t = simpleValType(lx.text());
            if (t != null) {
                lx.advance();
                return t;
            }
        }
        if (lx.isParenKeyword("ref")) {
            return refType();
        }
        throw lx.unexpected();
    }

    /** Whether the current token starts a reference type. */
    boolean atRefType() {
        return lx.isParenKeyword("ref") || lx.kind() == Token.KEYWORD && shortRefType(lx.text()) != null;
    }

    RefType refType() {
        if (lx.kind() == Token.KEYWORD) {
            RefType t = shortRefType(lx.text());
            if (t != null) {
                lx.advance();
                return t;
            }
            throw lx.unexpected();
        }
        s.lparen();
        s.keyword("ref");
        boolean nullable = false;
        if (lx.isKeyword("null")) {
            nullable = true;
            lx.advance();
        }
        HeapType heap = heapType();
        s.rparen();
        if (nullable && heap instanceof AbsHeapType a) {
            return RefType.nullable(a);
        }
        return new RefType(nullable, heap);
    }

    HeapType heapType() {
        if (lx.kind() == Token.KEYWORD) {
            for (AbsHeapType a : AbsHeapType.values()) {
                if (lx.isKeyword(a.text())) {
                    lx.advance();
                    return a;
                }
            }
            throw lx.unexpected();
        }
        if (s.atIndex()) {
            return new ConcreteHeapType(s.index(ctx.typeSpace));
        }
        throw lx.unexpected();
    }

    /**
     * {@code (param ...)* (result ...)*}; {@code names} receives one entry per parameter when
     * identifiers are allowed, and is null when they are not (blocks, call_indirect).
     */
    FuncType signature(List<String> names) {
        List<ValType> params = new ArrayList<>();
        while (lx.isParenKeyword("param")) {
            lx.advance();
            lx.advance();
            if (lx.kind() == Token.ID) {
                if (names == null) {
                    throw lx.unexpected();
                }
                names.add(lx.idName());
                lx.advance();
                params.add(valType());
            } else {
                while (lx.kind() != Token.RPAREN) {
                    params.add(valType());
                    if (names != null) {
                        names.add(null);
                    }
                }
            }
            s.rparen();
        }
        List<ValType> results = new ArrayList<>();
        while (lx.isParenKeyword("result")) {
            lx.advance();
            lx.advance();
            while (lx.kind() != Token.RPAREN) {
                results.add(valType());
            }
            s.rparen();
        }
        if (lx.isParenKeyword("param") || lx.isParenKeyword("type")) {
            // Declarations out of order: the grammar allows no param after a result.
            lx.advance();
            throw lx.error("unexpected token");
        }
        return new FuncType(params, results);
    }

    /** {@code (type x)? (param ...)* (result ...)*}. */
    TypeUse typeUse(boolean allowNames) {
        int position = lx.start();
        int index = 0;
        boolean explicit = false;
        if (s.openIf("type")) {
            explicit = true;
            index = s.index(ctx.typeSpace);
            s.rparen();
        }
        List<String> names = allowNames ? new ArrayList<>() : null;
        FuncType f = signature(names);
        return new TypeUse(explicit, index, f.params(), names == null ? List.of() : names, f.results(), position);
    }

    /** Limits for a 32-bit (or, when {@code is64}, 64-bit) table or memory. */
    Limits limits(boolean is64) {
        long min = is64 ? s.u64() : s.u32() & 0xFFFFFFFFL;
        if (lx.kind() == Token.NAT) {
            long max = is64 ? s.u64() : s.u32() & 0xFFFFFFFFL;
            return new Limits(min, max);
        }
        return Limits.atLeast(min);
    }

    /** An address type keyword ({@code i32} or {@code i64}) when present: whether it was i64. */
    boolean addressType() {
        if (lx.isKeyword("i64")) {
            lx.advance();
            return true;
        }
        if (lx.isKeyword("i32")) {
            lx.advance();
        }
        return false;
    }

    GlobalType globalType() {
        if (s.openIf("mut")) {
            ValType t = valType();
            s.rparen();
            return new GlobalType(t, true);
        }
        return new GlobalType(valType(), false);
    }
}
