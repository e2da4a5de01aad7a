package dev.verge.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifies the build of the engine, so that code serialized by one build is never loaded by
 * another: generated code calls the runtime's internals, whose shapes may change between any two
 * builds. The id is the project version and the time of the build (to the second), which Maven's
 * resource filtering writes into the resource {@code build-id} at every build of core (see
 * core/pom.xml): any rebuild gives a new id, so caches are dropped more often than needed, never
 * kept too long. (A digest of the class files would survive no-op rebuilds, but the plugins that
 * could compute one at build time are not available offline.) Without that resource, e.g. classes
 * compiled by an IDE, the id is random per JVM, so nothing serialized elsewhere is accepted. The
 * runnable jars (verge.jar, verge-start.jar) also carry the id in their manifest, as an
 * {@code Implementation-Version} of {@code verge-build ID}, which is read first: the class loader
 * has parsed it already, and opening the resource would open the jar a second time.
 */
final class BuildId {
    private BuildId() {}

    private static final String VALUE = read();

    /** This build's id, including the Java runtime's version (its class-file output may differ). */
    static String value() {
        return VALUE;
    }

    /** How the runnable jars' manifests mark the build id (cli/pom.xml), as opposed to any other version. */
    private static final String MANIFEST_PREFIX = "verge-build ";

    /** The id in a manifest's {@code Implementation-Version}, or null when it is not Verge's mark (or absent). */
    static String fromManifest(String implementationVersion) {
        if (implementationVersion == null || !implementationVersion.startsWith(MANIFEST_PREFIX)) {
            return null;
        }
        String id = implementationVersion.substring(MANIFEST_PREFIX.length()).strip();
        return id.isEmpty() || id.startsWith("$") ? null : id;
    }

    private static String read() {
        String id = null;
        // In the runnable jars the manifest carries the same id: the class loader has read it
        // already, where opening the resource costs a fresh JVM about 5 ms (it opens the jar again).
        Package p = BuildId.class.getPackage();
        id = fromManifest(p == null ? null : p.getImplementationVersion());
        try (InputStream in = id != null ? null : BuildId.class.getResourceAsStream("build-id")) {
            if (in != null) {
                id = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            }
        } catch (IOException e) {
            // Fall through: a random id refuses everything serialized elsewhere, which is safe.
        }
        if (id == null || id.isEmpty() || id.startsWith("$")) {
            id = "unbuilt-".concat(UUID.randomUUID().toString());
        }
        // Concatenated by hand: this runs when a serialized module is loaded, often in a cold JVM,
        // where each new shape of string concatenation costs milliseconds to bootstrap (as does
        // formatting Runtime.version()).
        return new StringBuilder(id).append(" java ").append(System.getProperty("java.vm.version")).toString();
    }
}
