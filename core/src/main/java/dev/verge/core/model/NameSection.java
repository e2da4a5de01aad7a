package dev.verge.core.model;

import java.util.Map;

/**
 * The debugging names of the {@code name} custom section. Absent entries mean no name; a malformed
 * name section is ignored (as the spec allows for custom sections) and yields {@link #EMPTY}.
 */
public record NameSection(String moduleName, Map<Integer, String> functionNames, Map<Integer, Map<Integer, String>> localNames) {
    public static final NameSection EMPTY = new NameSection(null, Map.of(), Map.of());

    public NameSection {
        functionNames = Map.copyOf(functionNames);
        localNames = Map.copyOf(localNames);
    }

    public String functionName(int index) {
        return functionNames.get(index);
    }

    public String localName(int function, int local) {
        Map<Integer, String> m = localNames.get(function);
        return m == null ? null : m.get(local);
    }
}
