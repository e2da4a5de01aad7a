package dev.verge.text.print;

import dev.verge.core.model.NameSection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code $identifiers} printed for functions and locals: the {@code name} section's names
 * when they are usable as identifiers (non-empty, identifier characters only, unique in their
 * space), else plain indices.
 */
final class Names {
    private final Map<Integer, String> functions = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> locals = new HashMap<>();

    Names(NameSection section) {
        Set<String> used = new HashSet<>();
        section.functionNames().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    if (isId(e.getValue()) && used.add(e.getValue())) {
                        functions.put(e.getKey(), "$" + e.getValue());
                    }
                });
        for (var f : section.localNames().entrySet()) {
            Set<String> usedLocals = new HashSet<>();
            Map<Integer, String> m = new HashMap<>();
            f.getValue().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> {
                        if (isId(e.getValue()) && usedLocals.add(e.getValue())) {
                            m.put(e.getKey(), "$" + e.getValue());
                        }
                    });
            locals.put(f.getKey(), m);
        }
    }

    /** The function's {@code $name}, or its index. */
    String function(int index) {
        String n = functions.get(index);
        return n != null ? n : Integer.toUnsignedString(index);
    }

    /** The function's {@code $name} and a space, or nothing (for declarations). */
    String functionDeclaration(int index) {
        String n = functions.get(index);
        return n != null ? " " + n : "";
    }

    String local(int function, int index) {
        Map<Integer, String> m = locals.get(function);
        String n = m == null ? null : m.get(index);
        return n != null ? n : Integer.toUnsignedString(index);
    }

    String localDeclaration(int function, int index) {
        Map<Integer, String> m = locals.get(function);
        String n = m == null ? null : m.get(index);
        return n != null ? " " + n : "";
    }

    /** Whether {@code name} can be written as {@code $name} (the text format's idchars). */
    static boolean isId(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
