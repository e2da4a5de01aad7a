package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.edge.store.AppStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version's compiled code is kept sealed in the store and loaded at the next start instead of
 * compiled again; code that is altered, moved or unreadable is refused, compiled again and replaced,
 * and the app is served all the same.
 */
class CompiledCodeTest {
    private static final String MANIFEST = "name = \"cc\"\n[[routes]]\npath = \"/cc/...\"\n";

    @TempDir
    Path store;

    private Path compiled(int version) {
        return store.resolve("apps/cc/versions/" + version + "/" + AppStore.COMPILED_FILE);
    }

    @Test
    void deployKeepsCodeAndRestartLoadsIt() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(EdgeHarness.probe(), MANIFEST);
            assertTrue(Files.isRegularFile(compiled(1)), "the deploy kept the compiled code");
        }
        try (EdgeHarness restarted = new EdgeHarness(store, false)) {
            assertTrue(restarted.log().contains("\"kind\":\"app-code\",\"app\":\"cc\",\"version\":1,\"origin\":\"loaded\""), restarted.log());
            assertEquals(200, restarted.get("/cc/echo").statusCode());
            assertFalse(restarted.log().contains("compiled-code-refused"), restarted.log());
        }
    }

    @Test
    void alteredCodeIsRefusedCompiledAgainAndReplaced() throws IOException {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(EdgeHarness.probe(), MANIFEST);
        }
        byte[] sealed = Files.readAllBytes(compiled(1));
        sealed[sealed.length / 2] ^= 1;
        Files.write(compiled(1), sealed);
        try (EdgeHarness restarted = new EdgeHarness(store, false)) {
            assertTrue(restarted.log().contains("compiled-code-refused"), restarted.log());
            assertTrue(restarted.log().contains("\"origin\":\"compiled\""), restarted.log());
            assertEquals(200, restarted.get("/cc/echo").statusCode());
        }
        try (EdgeHarness again = new EdgeHarness(store, false)) {
            assertTrue(again.log().contains("\"origin\":\"loaded\""), "the refused code was replaced: " + again.log());
        }
    }

    @Test
    void codeMovedFromAnotherVersionIsRefused() throws IOException {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(EdgeHarness.probe(), MANIFEST);
            edge.deploy(EdgeHarness.resource("/guests/isolation.wasm"), MANIFEST);
        }
        // Version 2's sealed code put in place of version 1's: its seal names version 2 and its module.
        Files.copy(compiled(2), compiled(1), StandardCopyOption.REPLACE_EXISTING);
        try (EdgeHarness restarted = new EdgeHarness(store, false)) {
            restarted.server.registry().rollback("cc", 1);
            assertTrue(restarted.log().contains("compiled-code-refused"), restarted.log());
            assertTrue(restarted.log().contains("\"kind\":\"app-code\",\"app\":\"cc\",\"version\":1,\"origin\":\"compiled\""), restarted.log());
            assertEquals(200, restarted.get("/cc/echo").statusCode(), "served by version 1, the probe");
        }
    }

    @Test
    void codeOfAnotherModuleIsRefusedWhenTheVersionsModuleWasReplaced() throws IOException {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(EdgeHarness.probe(), MANIFEST);
        }
        // The version's module swapped on disk: the kept code's seal names the old module's digest.
        Path module = store.resolve("apps/cc/versions/1/" + AppStore.MODULE_FILE);
        Files.write(module, EdgeHarness.resource("/guests/isolation.wasm"));
        try (EdgeHarness restarted = new EdgeHarness(store, false)) {
            assertTrue(restarted.log().contains("compiled-code-refused"), restarted.log());
            assertTrue(restarted.log().contains("\"kind\":\"app-code\",\"app\":\"cc\",\"version\":1,\"origin\":\"compiled\""), restarted.log());
        }
        try (EdgeHarness again = new EdgeHarness(store, false)) {
            assertTrue(again.log().contains("\"origin\":\"loaded\""), "kept again under the new module's digest: " + again.log());
        }
    }

    @Test
    void missingCodeIsCompiledAndKept() throws IOException {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(EdgeHarness.probe(), MANIFEST);
        }
        Files.delete(compiled(1));
        try (EdgeHarness restarted = new EdgeHarness(store, false)) {
            assertTrue(restarted.log().contains("\"origin\":\"compiled\""), restarted.log());
            assertFalse(restarted.log().contains("compiled-code-refused"), "nothing to refuse: " + restarted.log());
            assertTrue(Files.isRegularFile(compiled(1)), "kept again");
        }
    }
}
