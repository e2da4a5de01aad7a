package dev.verge.core.model;

import java.util.List;
import java.util.stream.Collectors;

/** A function type: parameter types to result types. */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {
    public static final FuncType EMPTY = new FuncType(List.of(), List.of());

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped with
    // invokedynamic on first use, which costs about 1 ms per method-handle class the JVM spins in
    // a fresh process, and every instantiation compares function types (imports, call_indirect).
    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType f && params.equals(f.params) && results.equals(f.results);
    }

    @Override
    public int hashCode() {
        return 31 * params.hashCode() + results.hashCode();
    }

    @Override
    public String toString() {
        return "[" + params.stream().map(ValType::text).collect(Collectors.joining(" ")) + "] -> ["
                + results.stream().map(ValType::text).collect(Collectors.joining(" ")) + "]";
    }
}
