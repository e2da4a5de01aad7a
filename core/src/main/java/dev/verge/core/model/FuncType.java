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

    @Override
    public String toString() {
        return "[" + params.stream().map(ValType::text).collect(Collectors.joining(" ")) + "] -> ["
                + results.stream().map(ValType::text).collect(Collectors.joining(" ")) + "]";
    }
}
