package dev.verge.edge.manifest;

import java.time.Duration;

/**
 * What one request of an app may use. Defaults follow Fastly Compute where it publishes them
 * (50 ms of CPU, 2 minutes of wall time per request).
 *
 * @param memoryBytes the most linear memory one instance may have
 * @param cpuTime the guest's running time per request (see RATIONALE: measured as time spent in
 *     guest code, excluding time blocked in host calls)
 * @param wallTime the wall-clock time per request, from instantiation to the last output
 * @param requestBodyBytes the largest request body accepted (larger: 413)
 * @param responseBodyBytes the most output a guest may write (more: 500)
 * @param concurrency the most instances of the app running at once (beyond: 503 at once)
 */
public record Limits(
        long memoryBytes,
        Duration cpuTime,
        Duration wallTime,
        long requestBodyBytes,
        long responseBodyBytes,
        int concurrency) {

    public static final Limits DEFAULT = new Limits(
            64L << 20, Duration.ofMillis(50), Duration.ofMinutes(2), 1L << 20, 8L << 20, 64);

    /** The memory limit in 64 KiB pages, at least one. */
    public long memoryPages() {
        return Math.max(1, memoryBytes >>> 16);
    }
}
