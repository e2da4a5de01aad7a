package dev.verge.core.model;

import java.util.List;

/** A defined function's code: its local declarations and its body. */
public record FunctionBody(List<Locals> locals, Expr body) {
    public FunctionBody {
        locals = List.copyOf(locals);
    }

    /** The number of declared locals (parameters not included). */
    public long localCount() {
        long n = 0;
        for (Locals l : locals) {
            n += l.count();
        }
        return n;
    }
}
