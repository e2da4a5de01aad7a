package dev.verge.core.runtime;

import dev.verge.core.model.ExternType;
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
        // instanceof tests, not a pattern switch: its invokedynamic bootstrap costs milliseconds
        // in the fresh JVM of every `verge run` (see RATIONALE.md, start-up).
        ExternType type = imp.type();
        boolean ok;
        if (type instanceof FuncImport f) {
            ok = value instanceof WasmFunction w && w.type.equals(module.type(f.typeIndex()));
        } else if (type instanceof MemoryType m) {
            ok = value instanceof Memory mem && limitsMatch(mem.type().limits(), m.limits());
        } else if (type instanceof TableType t) {
            ok = value instanceof Table tb && tb.elementType().equals(t.element()) && limitsMatch(tb.type().limits(), t.limits());
        } else {
            ok = value instanceof Global gl && gl.type().equals((GlobalType) type);
        }
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
