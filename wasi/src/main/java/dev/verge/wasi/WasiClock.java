package dev.verge.wasi;

import java.lang.management.ManagementFactory;

/**
 * Where the WASI clocks read the time. Replace it for deterministic tests; the default reads the
 * host's clocks. All values are nanoseconds.
 */
public interface WasiClock {
    /** Nanoseconds since 1970-01-01T00:00Z ({@code CLOCKID_REALTIME}). */
    long realtimeNanos();

    /** Nanoseconds since an arbitrary fixed point; never goes back ({@code CLOCKID_MONOTONIC}). */
    long monotonicNanos();

    /**
     * CPU time used by the calling thread ({@code CLOCKID_PROCESS_CPUTIME_ID} and
     * {@code CLOCKID_THREAD_CPUTIME_ID}: a guest runs on one thread, so both are that thread's).
     */
    long cpuTimeNanos();

    /** The resolution of every clock, in nanoseconds. */
    default long resolutionNanos() {
        return 1_000;
    }

    /** The host's clocks. */
    WasiClock SYSTEM = new WasiClock() {
        @Override
        public long realtimeNanos() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }

        @Override
        public long cpuTimeNanos() {
            var bean = ManagementFactory.getThreadMXBean();
            long t = bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : -1;
            return t >= 0 ? t : System.nanoTime();
        }
    };

    /** A clock that stands still at the given instants (for tests): nothing advances it. */
    static WasiClock fixed(long realtimeNanos, long monotonicNanos) {
        return new WasiClock() {
            @Override
            public long realtimeNanos() {
                return realtimeNanos;
            }

            @Override
            public long monotonicNanos() {
                return monotonicNanos;
            }

            @Override
            public long cpuTimeNanos() {
                return 0;
            }
        };
    }
}
