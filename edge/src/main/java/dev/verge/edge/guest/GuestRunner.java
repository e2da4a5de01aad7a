package dev.verge.edge.guest;

import dev.verge.core.VergeException;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.InstancePre;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.ResourceLimitException;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import dev.verge.core.runtime.WasmFunction;
import dev.verge.edge.manifest.Limits;
import dev.verge.wasi.WasiExit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs guests of one app version, each to completion in a fresh instance: {@link #prepare} links
 * the granted imports once per app version (WASI, and whatever else the caller defines) into an
 * {@link InstancePre}; {@link #run} then makes only what belongs to one run (its WASI state, its
 * {@link GuestContext}, a fresh instance with fresh memory), calls {@code _start} under the CPU
 * and wall budgets, and says how it ended. {@code run} never throws for anything the guest does.
 */
public final class GuestRunner {
    private final WasiProvider wasi;
    private final Watchdog watchdog;

    public GuestRunner(WasiProvider wasi, Watchdog watchdog) {
        this.wasi = wasi;
        this.watchdog = watchdog;
    }

    /** How a run ended. */
    public sealed interface Outcome {
        /** {@code _start} returned (code 0) or the guest called {@code proc_exit}. */
        record Exited(int code) implements Outcome {}

        /** The guest trapped. */
        record Trapped(Trap trap) implements Outcome {}

        /** The watchdog stopped it at its CPU or wall budget. */
        record Stopped(Watchdog.Reason reason) implements Outcome {}

        /** It could not start: its WASI state could not be made, no {@code _start}. */
        record Failed(String message) implements Outcome {}

        /** It asked for more memory (or table space) than its limit at instantiation. */
        record OverLimit(String message) implements Outcome {}
    }

    /**
     * The outcome and the time instantiation took.
     *
     * @param outcome how the run ended
     * @param instantiateNanos nanoseconds spent making the run's state and instance
     */
    public record Result(Outcome outcome, long instantiateNanos) {}

    /**
     * Links {@code module} once for all its runs: WASI, then what {@code extraImports} defines
     * (host functions that find their per-run state through {@link GuestContext#hostApi}).
     *
     * @throws dev.verge.core.runtime.UnlinkableException when the module imports something not
     *     defined, or with another type
     */
    public InstancePre prepare(CompiledModule module, Consumer<Linker> extraImports) {
        Linker linker = new Linker();
        wasi.define(linker);
        if (extraImports != null) {
            extraImports.accept(linker);
        }
        return linker.instantiatePre(module);
    }

    /**
     * Runs a fresh instance of {@code pre} once. {@code hostApi} makes the run's state for the
     * extra imports given to {@link #prepare} (it gets the run's budget, which is set once
     * instantiation is done, so blocking host calls can stop the CPU clock); it may be null, or
     * return null, for none.
     */
    public Result run(InstancePre pre, GuestIo io, Limits limits, Function<BudgetRef, Object> hostApi) {
        long t0 = System.nanoTime();
        BudgetRef budgetRef = new BudgetRef();
        AutoCloseable wasiState;
        try {
            wasiState = wasi.open(io);
        } catch (RuntimeException e) {
            return new Result(new Outcome.Failed("cannot set up WASI: " + e.getMessage()), System.nanoTime() - t0);
        }
        try {
            GuestContext context = new GuestContext(wasiState, budgetRef, hostApi == null ? null : hostApi.apply(budgetRef));
            return runInstance(pre, context, limits, budgetRef, t0);
        } finally {
            try {
                wasiState.close();
            } catch (Exception e) {
                // The guest's own descriptors failed to close; its outcome stands, nothing leaks to others.
            }
        }
    }

    private Result runInstance(InstancePre pre, GuestContext context, Limits limits, BudgetRef budgetRef, long t0) {
        Instance instance;
        try {
            instance = pre.instantiate(context);
        } catch (Trap t) {
            WasiExit exit = WasiExit.find(t);
            return new Result(exit != null ? new Outcome.Exited(exit.code()) : new Outcome.Trapped(t), System.nanoTime() - t0);
        } catch (WasiExit e) {
            return new Result(new Outcome.Exited(e.code()), System.nanoTime() - t0);
        } catch (ResourceLimitException e) {
            return new Result(new Outcome.OverLimit(e.getMessage()), System.nanoTime() - t0);
        } catch (VergeException e) {
            return new Result(new Outcome.Failed(e.getMessage()), System.nanoTime() - t0);
        }
        long instantiated = System.nanoTime() - t0;
        WasmFunction start = instance.function("_start");
        if (start == null) {
            return new Result(new Outcome.Failed("the module exports no _start function"), instantiated);
        }
        try (Watchdog.Budget budget = watchdog.watch(instance, limits.cpuTime(), limits.wallTime())) {
            budgetRef.budget = budget;
            try {
                start.call();
                return new Result(new Outcome.Exited(0), instantiated);
            } catch (WasiExit e) {
                return new Result(new Outcome.Exited(e.code()), instantiated);
            } catch (Trap t) {
                WasiExit exit = WasiExit.find(t);
                if (exit != null) {
                    return new Result(new Outcome.Exited(exit.code()), instantiated);
                }
                if (t.kind() == TrapKind.INTERRUPTED && budget.reason() != Watchdog.Reason.NONE) {
                    return new Result(new Outcome.Stopped(budget.reason()), instantiated);
                }
                return new Result(new Outcome.Trapped(t), instantiated);
            } catch (VergeException e) {
                return new Result(new Outcome.Failed(e.getMessage()), instantiated);
            }
        }
    }

    /** Where host functions find the running guest's budget (null until instantiation is done). */
    public static final class BudgetRef {
        volatile Watchdog.Budget budget;

        /**
         * How long a blocking host call may wait: the run's wall time left (an interrupt cannot
         * reach a guest blocked in the host, so the call itself must give up in time), or
         * {@code fallback} before the run has started.
         */
        public java.time.Duration wallLeft(java.time.Duration fallback) {
            Watchdog.Budget b = budget;
            return b == null ? fallback : b.wallLeft();
        }

        /** Runs a blocking host operation with the CPU clock stopped. */
        public <T> T blocking(java.util.function.Supplier<T> op) {
            Watchdog.Budget b = budget;
            if (b != null) {
                b.blockingStarted();
            }
            try {
                return op.get();
            } finally {
                if (b != null) {
                    b.blockingEnded();
                }
            }
        }
    }
}
