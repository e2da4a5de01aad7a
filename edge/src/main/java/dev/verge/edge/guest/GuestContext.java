package dev.verge.edge.guest;

/**
 * The host data of one guest run: everything that belongs to this request and no other, which
 * the host functions (defined once per app version) find through their caller. Made per request,
 * never shared: the WASI state (descriptors, arguments, environment, streams), the run's budget,
 * and the state of any further host API (the {@code verge} imports' open stores).
 */
public final class GuestContext {
    private final AutoCloseable wasi;
    private final GuestRunner.BudgetRef budget;
    private final Object hostApi;

    GuestContext(AutoCloseable wasi, GuestRunner.BudgetRef budget, Object hostApi) {
        this.wasi = wasi;
        this.budget = budget;
        this.hostApi = hostApi;
    }

    /** The run's WASI state, as {@link WasiProvider#open} made it. */
    public <T> T wasi(Class<T> type) {
        return type.cast(wasi);
    }

    /** The run's budget: blocking host calls stop its CPU clock and wait no longer than its wall time. */
    public GuestRunner.BudgetRef budget() {
        return budget;
    }

    /**
     * The run's state of a further host API, or null when the run has none of that type (the
     * warm-up run is granted none: its calls are refused).
     */
    public <T> T hostApi(Class<T> type) {
        return type.isInstance(hostApi) ? type.cast(hostApi) : null;
    }
}
