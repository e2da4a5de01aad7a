package dev.verge.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The build id: from the runnable jars' manifest mark, else the filtered resource, with the Java runtime appended. */
class BuildIdTest {
    @Test
    void onlyVergesManifestMarkIsTaken() {
        assertEquals("0.1.0 2026-01-01T00:00:00Z", BuildId.fromManifest("verge-build 0.1.0 2026-01-01T00:00:00Z"));
        assertNull(BuildId.fromManifest(null));
        assertNull(BuildId.fromManifest("1.0"), "another application's version (Verge shaded into it) is no build id");
        assertNull(BuildId.fromManifest("verge-build "), "empty");
        assertNull(BuildId.fromManifest("verge-build ${project.version} ${maven.build.timestamp}"), "unfiltered");
    }

    @Test
    void theIdNamesTheJavaRuntime() {
        assertTrue(BuildId.value().endsWith(" java " + System.getProperty("java.vm.version")), BuildId.value());
        assertEquals(BuildId.value(), BuildId.value());
    }
}
