package dev.verge.core.runtime;

import dev.verge.core.VergeException;
import java.util.List;

/**
 * A WebAssembly trap: the one exception type for every abnormal stop of guest code. It carries
 * the {@link TrapKind}, the spec's message, and a Wasm backtrace (innermost frame first) with
 * function names from the {@code name} section where present.
 *
 * <p>Traps are thrown often by some guests (and by the spec suite), so the JVM stack trace is not
 * filled in; the Wasm backtrace is what matters to users.
 */
public final class Trap extends VergeException {
    /** One frame of the Wasm call stack. {@code name} is null when the module names nothing. */
    public record Frame(int functionIndex, String name) {
        @Override
        public String toString() {
            return name != null ? name : "<func " + functionIndex + ">";
        }
    }

    private final TrapKind kind;
    private final List<Frame> backtrace;
    /**
     * Guest frames captured where the trap was raised, not yet named: pairs of the generated class
     * and function index, innermost first. Named at the API boundary (see {@code Traps}).
     */
    transient List<Object[]> pendingFrames;

    public Trap(TrapKind kind) {
        this(kind, List.of(), null);
    }

    public Trap(TrapKind kind, List<Frame> backtrace, Throwable cause) {
        this(kind, kind.message(), backtrace, cause);
    }

    /**
     * A trap whose message adds a detail after the spec's message, e.g. the table index in
     * "uninitialized element 2" (the message still starts with the spec's wording).
     */
    public Trap(TrapKind kind, String detail) {
        this(kind, kind.message() + " " + detail, List.of(), null);
    }

    private Trap(TrapKind kind, String message, List<Frame> backtrace, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.backtrace = List.copyOf(backtrace);
        // Wherever the trap is raised (compiled code, a numeric helper, a runtime helper), note the
        // guest frames on the stack now; they are named when the trap leaves guest code.
        this.pendingFrames = backtrace.isEmpty() ? Traps.capture() : List.of();
    }

    public TrapKind kind() {
        return kind;
    }

    /** The Wasm frames, innermost first; empty when unknown. */
    public List<Frame> backtrace() {
        return backtrace;
    }

    /** A copy of this trap with a backtrace attached. */
    public Trap withBacktrace(List<Frame> frames) {
        return new Trap(kind, getMessage(), frames, getCause());
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
