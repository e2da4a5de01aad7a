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
 * compiled by an IDE, the id is random per JVM, so nothing serialized elsewhere is accepted.
 */
final class BuildId {
    private BuildId() {}

    private static final String VALUE = read();

    /** This build's id, including the Java runtime's version (its class-file output may differ). */
    static String value() {
        return VALUE;
    }

    private static String read() {
        String id = null;
        try (InputStream in = BuildId.class.getResourceAsStream("build-id")) {
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
