package dev.verge.edge.server;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.InstancePre;
import dev.verge.edge.manifest.AppManifest;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * One app version ready to serve: its manifest, its module compiled once and linked once (a fresh
 * instance of {@code guest} per request), its read-only files and the slots that bound its
 * concurrent instances.
 *
 * @param manifest the parsed manifest
 * @param version the store version
 * @param module the compiled module, under an engine whose memory limit is the app's
 * @param guest the module with its imports (WASI, the {@code verge} API) resolved, or null in a
 *     draft made only to check routes
 * @param filesDir the read-only files directory, or null
 * @param slots one permit per instance allowed to run at once
 */
public record DeployedApp(AppManifest manifest, int version, CompiledModule module, InstancePre guest, Path filesDir, Semaphore slots) {
    public String name() {
        return manifest.name();
    }
}
