package dev.verge.text;

import java.util.HashMap;
import java.util.Map;

/**
 * One index space of a module (functions, tables, ...) or of a function (locals): how many entries
 * it has and which identifiers name them.
 */
final class IndexSpace {
    /** The category as the reference interpreter names it in messages ("function", "elem segment"). */
    final String category;
    private final Map<String, Integer> names = new HashMap<>();
    private int count;

    IndexSpace(String category) {
        this.category = category;
    }

    int count() {
        return count;
    }

    /** Adds an entry, named {@code id} unless it is null; returns its index. */
    int bind(String id, Syntax syntax, int position) {
        if (id != null && names.putIfAbsent(id, count) != null) {
            throw syntax.errorAt(position, "duplicate " + category + " " + id);
        }
        return count++;
    }

    /** Adds {@code n} anonymous entries. */
    void skip(int n) {
        count += n;
    }

    /** The index named {@code id}, or -1. */
    int lookup(String id) {
        Integer i = names.get(id);
        return i == null ? -1 : i;
    }

    /** Whether any entry has a name. */
    boolean hasNames() {
        return !names.isEmpty();
    }

    /** The names by index, without their {@code $}. */
    Map<Integer, String> namesByIndex() {
        Map<Integer, String> out = new HashMap<>();
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            out.put(e.getValue(), e.getKey().substring(1));
        }
        return out;
    }
}
