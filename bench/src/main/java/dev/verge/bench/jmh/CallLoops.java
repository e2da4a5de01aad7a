package dev.verge.bench.jmh;

/** The WAT of the call benchmarks' measured loop, shared so that every call kind is timed by the same loop. */
final class CallLoops {
    private CallLoops() {}

    /**
     * An exported function {@code name(n)} that runs {@code n} iterations, each evaluating
     * {@code call} (an expression of type i32 that may use {@code $x}, the previous result) so the
     * calls chain and cannot be hoisted.
     */
    static String loop(String name, String call) {
        return """
                (func (export "%s") (param $n i32) (result i32)
                  (local $i i32) (local $x i32)
                  (loop $next
                    (local.set $x (i32.add %s (local.get $i)))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
                  (local.get $x))
                """.formatted(name, call);
    }
}
