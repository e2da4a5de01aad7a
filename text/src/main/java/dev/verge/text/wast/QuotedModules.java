package dev.verge.text.wast;

/**
 * {@code (module quote "...")} text may be a whole {@code (module ...)} or just module fields;
 * the WAT parser is always handed a whole module.
 */
final class QuotedModules {
    private QuotedModules() {}

    static String asModule(String text) {
        int i = skipBlank(text, 0);
        if (text.startsWith("(module", i) && (i + 7 == text.length() || !isIdChar(text.charAt(i + 7)))) {
            return text;
        }
        return "(module\n" + text + "\n)";
    }

    private static boolean isIdChar(char c) {
        return c > ' ' && c < 0x7F && c != '(' && c != ')' && c != '"' && c != ';';
    }

    /** Skips white space, line comments and (nested) block comments. */
    private static int skipBlank(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (s.startsWith(";;", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("(;", i)) {
                int depth = 0;
                while (i < s.length()) {
                    if (s.startsWith("(;", i)) {
                        depth++;
                        i += 2;
                    } else if (s.startsWith(";)", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
            } else {
                return i;
            }
        }
        return i;
    }
}
