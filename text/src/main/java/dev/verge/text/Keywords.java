package dev.verge.text;

import dev.verge.core.instr.Op;
import java.util.HashSet;
import java.util.Set;

/**
 * The keywords of the text format and of WAST scripts that are not instruction mnemonics. A
 * keyword-shaped token that is neither one of these nor a mnemonic is an "unknown operator", as
 * the reference interpreter's lexer reports it; a known one in the wrong place is an "unexpected
 * token". Wasm 3.0's keywords are listed so that their modules fail as unsupported, not unknown.
 */
final class Keywords {
    private static final Set<String> KNOWN = new HashSet<>();

    static {
        for (String k : new String[] {
            // modules
            "module", "type", "func", "param", "result", "start", "local", "global", "table", "memory",
            "elem", "data", "declare", "offset", "item", "import", "export", "mut", "then", "else", "end",
            "funcref", "externref", "extern", "i32", "i64", "f32", "f64", "v128",
            "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2",
            // scripts
            "binary", "quote", "script", "register", "invoke", "get", "assert_malformed", "assert_invalid",
            "assert_unlinkable", "assert_return", "assert_trap", "assert_exhaustion", "assert_exception",
            "nan:canonical", "nan:arithmetic", "input", "output", "ref.extern", "ref.host", "either",
            "definition", "instance", "thread", "wait", "shared",
            // Wasm 3.0 types and fields
            "ref", "null", "any", "eq", "i31", "struct", "array", "none", "nofunc", "noextern", "exn", "noexn",
            "anyref", "eqref", "i31ref", "structref", "arrayref", "nullref", "nullfuncref", "nullexternref",
            "exnref", "nullexnref", "rec", "sub", "final", "field", "tag", "i8", "i16", "pagesize"
        }) {
            KNOWN.add(k);
        }
        for (Op op : Op.values()) {
            KNOWN.add(op.mnemonic());
        }
    }

    private Keywords() {}

    static boolean isKnown(String keyword) {
        return KNOWN.contains(keyword) || keyword.startsWith("offset=") || keyword.startsWith("align=");
    }
}
