package dev.verge.edge.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters and histograms, written in the Prometheus text format. Lock-free on the
 * request path (one {@link LongAdder} per series); series are keyed by their label text.
 */
public final class Metrics {
    /** Histogram bucket bounds in seconds: 5 us to 10 s (fine below 20 us, where instantiation lies). */
    private static final double[] BOUNDS = {
        0.000005, 0.00001, 0.000015, 0.00002, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
        1, 2.5, 10
    };

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> traps = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> limitKills = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, Histogram> instantiation = new ConcurrentHashMap<>();

    /** Counts a finished request. */
    public void request(String app, int status, long nanos) {
        requests.computeIfAbsent(labels("app", app, "status", Integer.toString(status)), k -> new LongAdder()).increment();
        latency.computeIfAbsent(labels("app", app), k -> new Histogram()).observe(nanos);
    }

    /** Records how long linking and instantiating took. */
    public void instantiation(String app, long nanos) {
        instantiation.computeIfAbsent(labels("app", app), k -> new Histogram()).observe(nanos);
    }

    /** Counts a trap. */
    public void trap(String app) {
        traps.computeIfAbsent(labels("app", app), k -> new LongAdder()).increment();
    }

    /** Counts a request refused or stopped by a limit: cpu, wall, memory, concurrency, request_body, response_body. */
    public void limitKill(String app, String limit) {
        limitKills.computeIfAbsent(labels("app", app, "limit", limit), k -> new LongAdder()).increment();
    }

    /** The exposition text. */
    public String render() {
        StringBuilder out = new StringBuilder();
        counter(out, "verge_requests_total", "Requests answered, by app and status.", requests);
        counter(out, "verge_traps_total", "Guest traps, by app.", traps);
        counter(out, "verge_limit_kills_total", "Requests refused or stopped by a limit, by app and limit.", limitKills);
        histogram(out, "verge_request_duration_seconds", "Request latency, by app.", latency);
        histogram(out, "verge_instantiation_duration_seconds", "Instantiation time per request (the request's WASI state and a fresh instance), by app.", instantiation);
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, Map<String, LongAdder> series) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(series).entrySet()) {
            out.append(name).append('{').append(e.getKey()).append("} ").append(e.getValue().sum()).append('\n');
        }
    }

    private static void histogram(StringBuilder out, String name, String help, Map<String, Histogram> series) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        for (Map.Entry<String, Histogram> e : new TreeMap<>(series).entrySet()) {
            Histogram h = e.getValue();
            long cumulative = 0;
            for (int i = 0; i < BOUNDS.length; i++) {
                cumulative += h.buckets[i].sum();
                out.append(name).append("_bucket{").append(e.getKey()).append(",le=\"").append(BOUNDS[i]).append("\"} ")
                        .append(cumulative).append('\n');
            }
            cumulative += h.buckets[BOUNDS.length].sum();
            out.append(name).append("_bucket{").append(e.getKey()).append(",le=\"+Inf\"} ").append(cumulative).append('\n');
            out.append(name).append("_sum{").append(e.getKey()).append("} ").append(h.sumNanos.sum() / 1e9).append('\n');
            out.append(name).append("_count{").append(e.getKey()).append("} ").append(cumulative).append('\n');
        }
    }

    private static String labels(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(kv[i]).append("=\"").append(kv[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.toString();
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            int i = 0;
            while (i < BOUNDS.length && seconds > BOUNDS[i]) {
                i++;
            }
            buckets[i].increment();
            sumNanos.add(nanos);
        }
    }
}
