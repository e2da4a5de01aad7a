package dev.verge.text;


/** Token-level helpers shared by the parsers: expecting tokens, reading names, numbers and indices. */
final class Syntax {
    final Lexer lx;

    Syntax(Lexer lexer) {
        this.lx = lexer;
    }

    ParseException errorAt(int offset, String reason) {
        return lx.errorAt(offset, reason);
    }

    ParseException error(String reason) {
        return lx.error(reason);
    }

    void expect(Token kind) {
        if (lx.kind() != kind) {
            throw lx.unexpected();
        }
        lx.advance();
    }

    void lparen() {
        expect(Token.LPAREN);
    }

    void rparen() {
        expect(Token.RPAREN);
    }

    void keyword(String keyword) {
        if (!lx.isKeyword(keyword)) {
            throw lx.unexpected();
        }
        lx.advance();
    }

    /** Consumes {@code ( keyword} when it is next and says whether it was. */
    boolean openIf(String keyword) {
        if (lx.isParenKeyword(keyword)) {
            lx.advance();
            lx.advance();
            return true;
        }
        return false;
    }

    /** An optional identifier, with its {@code $}; null when absent. */
    String optId() {
        if (lx.kind() == Token.ID) {
            String id = lx.idName();
            lx.advance();
            return id;
        }
        return null;
    }

    byte[] string() {
        if (lx.kind() != Token.STRING) {
            throw lx.unexpected();
        }
        byte[] b = lx.stringBytes();
        lx.advance();
        return b;
    }

    /** A string that must be valid UTF-8: an import, export or module name. */
    String name() {
        int at = lx.start();
        String name = LexicalRules.strictUtf8(string());
        if (name == null) {
            throw errorAt(at, "malformed UTF-8 encoding");
        }
        return name;
    }

    /** An unsigned 32-bit number. */
    int u32() {
        if (lx.kind() != Token.NAT) {
            throw lx.unexpected();
        }
        try {
            int v = NumberParser.parseU32(lx.text());
            lx.advance();
            return v;
        } catch (NumberFormatException e) {
            throw error(e.getMessage());
        }
    }

    /** An unsigned 64-bit number. */
    long u64() {
        if (lx.kind() != Token.NAT) {
            throw lx.unexpected();
        }
        try {
            long v = NumberParser.parseU64(lx.text());
            lx.advance();
            return v;
        } catch (NumberFormatException e) {
            throw error(e.getMessage());
        }
    }

    /** Whether the current token can start an index: a number or an identifier. */
    boolean atIndex() {
        return lx.kind() == Token.NAT || lx.kind() == Token.ID;
    }

    /** An index into {@code space}: a number, or an identifier bound in it. */
    int index(IndexSpace space) {
        if (lx.kind() == Token.ID) {
            String id = lx.idName();
            int i = space.lookup(id);
            if (i < 0) {
                throw error("unknown " + space.category + " " + id);
            }
            lx.advance();
            return i;
        }
        return u32();
    }

    /** Skips one balanced s-expression starting at the current {@code (}. */
    void skipSexpr() {
        int depth = 0;
        do {
            switch (lx.kind()) {
                case LPAREN -> depth++;
                case RPAREN -> depth--;
                case EOF -> throw lx.unexpected();
                default -> {}
            }
            lx.advance();
        } while (depth > 0);
    }
}
