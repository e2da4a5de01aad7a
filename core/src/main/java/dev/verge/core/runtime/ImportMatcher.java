package dev.verge.core.runtime;

import dev.verge.core.model.FuncImport;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.TableType;

/** The spec's import matching: whether a supplied extern has the type an import requires. */
final class ImportMatcher {
    static final String UNKNOWN = "unknown import";
    static final String INCOMPATIBLE = "incompatible import type";

    private ImportMatcher() {}

    /** Checks {@code value} against {@code imp}; throws {@link UnlinkableException} when it does not match. */
    static void check(CompiledModule module, Import imp, Extern value) {
        if (value == null) {
            throw new UnlinkableException(UNKNOWN, imp.module(), imp.name());
        }
        boolean ok = switch (imp.type()) {
            case FuncImport f -> value instanceof WasmFunction w && w.type.equals(module.type(f.typeIndex()));
            case TableType t -> value instanceof Table tb
                    && tb.elementType().equals(t.element())
                    && limitsMatch(tb.type().limits(), t.limits());
            case MemoryType m -> value instanceof Memory mem && limitsMatch(mem.type().limits(), m.limits());
            case GlobalType g -> value instanceof Global gl && gl.type().equals(g);
        };
        if (!ok) {
            throw new UnlinkableException(INCOMPATIBLE, imp.module(), imp.name());
        }
    }

    /** Limits subtyping: at least the required minimum, and a maximum no larger than required. */
    static boolean limitsMatch(Limits actual, Limits required) {
        if (Long.compareUnsigned(actual.min(), required.min()) < 0) {
            return false;
        }
        if (!required.hasMax()) {
            return true;
        }
        return actual.hasMax() && Long.compareUnsigned(actual.max(), required.max()) <= 0;
    }
}
