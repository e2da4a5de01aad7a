package dev.verge.core.model;

import java.util.List;

/**
 * An entry of the type section. In Wasm 2.0 every entry is a final function type with no
 * supertypes; the fields for Wasm 3.0's subtyping ({@code sub}, {@code final}, supertypes) are here
 * so that GC types fit without changing the model's shape. Recursive groups are flattened, as the
 * spec's type index space is.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {
    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    /** A Wasm 2.0 type entry. */
    public static SubType of(FuncType type) {
        return new SubType(true, List.of(), type);
    }
}
