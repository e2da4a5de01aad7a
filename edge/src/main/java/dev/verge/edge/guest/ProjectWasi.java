package dev.verge.edge.guest;

import dev.verge.core.runtime.Linker;
import dev.verge.wasi.Wasi;
import dev.verge.wasi.WasiConfig;
import java.security.SecureRandom;
import java.util.Map;

/**
 * WASI from the project's {@code wasi} module, configured from nothing but the run's
 * {@link GuestIo}: its arguments and environment, stdin from the request body, stdout and stderr
 * into bounded buffers, and the app's files directory (if any) read-only at {@code /}. No other
 * directory is ever preopened. The functions are defined once per app version; each run gets its
 * own {@link Wasi} (descriptor table, streams) as part of its {@link GuestContext}.
 */
public final class ProjectWasi implements WasiProvider {
    /** Shared: SecureRandom is thread-safe, and seeding one per request would cost more than the request. */
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void define(Linker linker) {
        Wasi.define(linker, GuestContext.class, c -> c.wasi(Wasi.class));
    }

    @Override
    public AutoCloseable open(GuestIo io) {
        WasiConfig.Builder b = WasiConfig.builder()
                .args(io.args())
                .stdin(io.stdin())
                .stdout(io.stdout())
                .stderr(io.stderr())
                .random(RANDOM)
                .maxOpenFds(64)
                .maxIoSize(1 << 20);
        for (Map.Entry<String, String> e : io.env().entrySet()) {
            b.env(e.getKey(), e.getValue());
        }
        if (io.filesDir() != null) {
            b.preopen(io.filesDir(), "/", true);
        }
        return Wasi.create(b.build());
    }
}
