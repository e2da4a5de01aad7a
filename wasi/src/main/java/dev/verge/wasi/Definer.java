package dev.verge.wasi;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.Caller;
import dev.verge.core.runtime.HostFunction;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Memory;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Defines the {@code wasi_snapshot_preview1} functions in a linker, and is the one edge where
 * failures become errnos: a {@link WasiError} gives its errno, a host I/O exception its mapped
 * errno, a guest pointer out of bounds {@code EFAULT}; no Java exception reaches the guest.
 */
final class Definer {
    static final String MODULE = "wasi_snapshot_preview1";

    /** The body of a WASI function: returns the errno code (0 for success). */
    @FunctionalInterface
    interface Body {
        int call(WasiContext ctx, Memory mem, Args args) throws WasiError, IOException;
    }

    /**
     * The arguments of one call, read by position, and the calling instance (null when called
     * from Java): what a call that waits watches for interrupts ({@link HostWait}).
     */
    record Args(Object[] values, Instance instance) {
        int i32(int index) {
            return (Integer) values[index];
        }

        long i64(int index) {
            return (Long) values[index];
        }
    }

    private final Linker linker;
    /**
     * Finds the state of the guest making a call: a fixed context ({@link Wasi#addTo}) or the one
     * in the calling instance's host data ({@link Wasi#define}). Runs outside the errno mapping,
     * so a misconfigured embedding traps with its reason instead of looking like an I/O error.
     */
    private final Function<Caller, WasiContext> contexts;

    Definer(Linker linker, Function<Caller, WasiContext> contexts) {
        this.linker = linker;
        this.contexts = contexts;
    }

    /**
     * Defines {@code name} with parameters spelled one letter each ({@code i} i32, {@code I} i64)
     * and one i32 result, the errno.
     */
    void fn(String name, String params, Body body) {
        linker.defineFunction(MODULE, name, type(params, List.of(NumType.I32)), new Call(body, contexts, true));
    }

    /** Defines a function that never returns normally (proc_exit): no result. */
    void noReturn(String name, String params, Body body) {
        linker.defineFunction(MODULE, name, type(params, List.of()), new Call(body, contexts, false));
    }

    /**
     * A WASI function as the linker calls it: finds the guest's state and memory, runs the body
     * and returns its errno (or nothing). A class rather than a lambda: one call site on every start (see
     * RATIONALE.md, "Why are the WASI functions lambdas, but the start path's single call sites
     * plain classes?").
     */
    private static final class Call implements HostFunction {
        private final Body body;
        private final Function<Caller, WasiContext> contexts;
        private final boolean returnsErrno;

        Call(Body body, Function<Caller, WasiContext> contexts, boolean returnsErrno) {
            this.body = body;
            this.contexts = contexts;
            this.returnsErrno = returnsErrno;
        }

        @Override
        public Object[] call(Caller caller, Object[] values) {
            WasiContext ctx = contexts.apply(caller);
            int errno = run(body, ctx, caller.memory("memory"), new Args(values, caller.instance()));
            return returnsErrno ? new Object[] {errno} : new Object[0];
        }
    }

    private static int run(Body body, WasiContext ctx, Memory mem, Args args) {
        try {
            return body.call(ctx, mem, args);
        } catch (WasiError e) {
            return e.errno.code();
        } catch (IOException e) {
            return IoErrors.errno(e).code();
        } catch (UncheckedIOException e) {
            return IoErrors.errno(e.getCause()).code();
        } catch (Trap t) {
            if (t.kind() == TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS) {
                return Errno.FAULT.code();
            }
            throw t;
        } catch (WasiExit e) {
            throw e;
        } catch (SecurityException e) {
            return Errno.ACCES.code();
        } catch (OutOfMemoryError e) {
            return Errno.NOMEM.code();
        } catch (RuntimeException e) {
            // A host failure the mapping does not know (a bug or an odd file system): the guest
            // gets an I/O error, never a Java exception.
            return Errno.IO.code();
        }
    }

    private static FuncType type(String params, List<ValType> results) {
        List<ValType> ps = new ArrayList<>();
        for (char c : params.toCharArray()) {
            ps.add(switch (c) {
                case 'i' -> NumType.I32;
                case 'I' -> NumType.I64;
                default -> throw new IllegalArgumentException("parameter letter " + c);
            });
        }
        return new FuncType(ps, results);
    }
}
