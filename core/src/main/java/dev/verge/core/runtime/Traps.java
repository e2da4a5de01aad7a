package dev.verge.core.runtime;

import dev.verge.core.model.NameSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Raising traps from compiled code and runtime helpers, and turning whatever leaves guest code into
 * a {@link Trap} at the API boundary.
 *
 * <p>Compiled functions are static methods named {@code f<index>} of the module's hidden classes; a trap records
 * those frames when it is raised (a stack walk, paid only when trapping), and the boundary names
 * them from the module's {@code name} section.
 */
final class Traps {
    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.SHOW_HIDDEN_FRAMES, StackWalker.Option.RETAIN_CLASS_REFERENCE));

    private Traps() {}

    /** A new trap of {@code kind} with the guest frames of the current stack. */
    static Trap trap(TrapKind kind) {
        return new Trap(kind);
    }

    /** Like {@link #trap(TrapKind)} with a detail after the spec's message. */
    static Trap trap(TrapKind kind, String detail) {
        return new Trap(kind, detail);
    }

    static Trap unreachable() {
        return trap(TrapKind.UNREACHABLE);
    }

    static Trap memoryOutOfBounds() {
        return trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    static Trap tableOutOfBounds() {
        return trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }

    /** The trap for an interrupt compiled code saw: clears the request. */
    static Trap interrupted(Instance instance) {
        instance.interrupted = false;
        return trap(TrapKind.INTERRUPTED);
    }

    /** Called by compiled code when fuel went negative. */
    static Trap outOfFuel(Instance instance) {
        instance.fuel = 0;
        return trap(TrapKind.OUT_OF_FUEL);
    }

    static List<Object[]> capture() {
        return WALKER.walk(frames -> {
            List<Object[]> out = new ArrayList<>();
            frames.forEach(f -> {
                Class<?> c = f.getDeclaringClass();
                String m = f.getMethodName();
                if (c.isHidden() && m.length() > 1 && m.charAt(0) == 'f' && Character.isDigit(m.charAt(1))) {
                    try {
                        out.add(new Object[] {c, Integer.parseInt(m.substring(1))});
                    } catch (NumberFormatException e) {
                        // not a compiled function
                    }
                }
            });
            return out;
        });
    }

    /** Guest code run from the API; may throw anything. */
    @FunctionalInterface
    interface GuestCall {
        Object run() throws Throwable;
    }

    /** Runs guest code from the API, turning any way out of it but a normal return into a trap. */
    static Object guard(Instance owner, GuestCall body) {
        try {
            return body.run();
        } catch (Throwable t) {
            return rethrow(owner, t);
        }
    }

    /**
     * Throws {@code t} as a trap with a named backtrace: stack exhaustion becomes
     * {@link TrapKind#CALL_STACK_EXHAUSTED}; exceptions the engine never expects are rethrown.
     */
    static Object rethrow(Instance owner, Throwable t) {
        if (t instanceof Trap trap) {
            throw named(owner, trap);
        }
        if (t instanceof StackOverflowError) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    private static Trap named(Instance owner, Trap trap) {
        List<Object[]> pending = trap.pendingFrames;
        if (pending == null || pending.isEmpty() || !trap.backtrace().isEmpty()) {
            return trap;
        }
        List<Trap.Frame> frames = new ArrayList<>();
        for (Object[] f : pending) {
            int index = (Integer) f[1];
            NameSection names = owner != null && owner.module().ownsClass((Class<?>) f[0]) ? owner.module().module().names() : null;
            frames.add(new Trap.Frame(index, names == null ? null : names.functionName(index)));
        }
        return trap.withBacktrace(frames);
    }
}
