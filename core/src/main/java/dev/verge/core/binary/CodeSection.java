package dev.verge.core.binary;

import dev.verge.core.model.Expr;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Locals;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the code section: for each defined function its size, its local declarations and its
 * instructions. The instructions are checked here by {@link CodeScanner} (malformed code must be
 * reported when the module is decoded, as the spec requires) but kept as a view of the module's
 * bytes.
 */
final class CodeSection {
    /** The spec's bound: a function's locals must be countable in a u32. */
    private static final long MAX_SPEC_LOCALS = 0xFFFF_FFFFL;

    private CodeSection() {}

    static void read(WasmReader r, ModuleBuilder m) {
        DecoderLimits limits = m.limits;
        int n = DeclarationSections.count(r, "functions", m.importedFunctions, limits.maxFunctions());
        for (int i = 0; i < n; i++) {
            int sizeAt = r.pos();
            int size = r.length();
            DecoderLimits.check("function body bytes", size, limits.maxFunctionBodySize(), r.offsetOf(sizeAt));
            int start = r.pos();
            List<Locals> locals = locals(r, limits);
            Expr body = m.body(r, start + size);
            // As in the reference decoder, the body is read past its declared end if it does not
            // close in time; either way a wrong size is reported as such.
            if (r.pos() != start + size) {
                throw r.errorAt("section size mismatch", start);
            }
            m.codes.add(new FunctionBody(locals, body));
        }
    }

    private static List<Locals> locals(WasmReader r, DecoderLimits limits) {
        int start = r.pos();
        int n = r.length();
        if (n == 0) {
            return List.of();
        }
        List<Locals> out = new ArrayList<>(n);
        long total = 0;
        for (int i = 0; i < n; i++) {
            long count = r.u32Long();
            ValType type = TypeReader.valueType(r);
            total += count;
            out.add(new Locals(count, type));
        }
        if (total > MAX_SPEC_LOCALS) {
            throw r.errorAt("too many locals", start);
        }
        DecoderLimits.check("locals", total, limits.maxLocals(), r.offsetOf(start));
        return out;
    }
}
