package dev.verge.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.edge.store.AppStore;
import dev.verge.edge.store.SecretsKey;
import dev.verge.edge.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret variables are sealed in the store, open again after a restart, and only with the right key. */
class SecretsAtRestTest {
    private static final String SECRET = "s3cret-do-not-store-in-clear";
    private static final String MANIFEST = """
            name = "vault"
            [[routes]]
            path = "/vault/..."
            [variables]
            plain = "visible-value"
            token = { value = "%s", secret = true }
            """.formatted(SECRET);

    @TempDir
    Path store;

    @Test
    void secretValueIsNowhereInTheStoreAndTheGuestStillSeesIt() {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(EdgeHarness.probe(), MANIFEST);
            assertTrue(edge.get("/vault/echo").body().contains("token=" + SECRET));
            assertFalse(storeContains(SECRET), "the secret's bytes are nowhere in the store");
            assertTrue(Files.exists(store.resolve("apps/vault/versions/1/" + AppStore.SEALED_MANIFEST_FILE)));
            assertFalse(Files.exists(store.resolve("apps/vault/versions/1/" + AppStore.MANIFEST_FILE)));
            assertFalse(edge.log().contains(SECRET), "nor in the log");
            String inspect = edge.send(edge.admin("/apps/vault").GET().build()).body();
            assertFalse(inspect.contains(SECRET), inspect);
        }
        try (EdgeHarness restarted = new EdgeHarness(store, false)) {
            assertTrue(restarted.get("/vault/echo").body().contains("token=" + SECRET), "opened again after a restart");
            assertFalse(restarted.log().contains(SECRET));
        }
    }

    @Test
    void manifestWithoutSecretsStaysReadableOnDisk() throws IOException {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            edge.deploy(EdgeHarness.probe(), "name = \"open\"\n[[routes]]\npath = \"/open/...\"\n[variables]\nplain = \"visible-value\"\n");
        }
        assertTrue(Files.readString(store.resolve("apps/open/versions/1/verge.toml")).contains("visible-value"));
    }

    @Test
    void storeKeyIsOwnerOnlyAndNeverLogged() throws IOException {
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            Path key = store.resolve("secrets.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertFalse(edge.log().contains(Files.readString(key).trim()), "the key is never logged");
        }
    }

    @Test
    void wrongKeyIsAClearErrorAtStart() {
        SecretsKey mine = randomKey("mine");
        try (EdgeHarness edge = new EdgeHarness(store, false, mine)) {
            edge.deploy(EdgeHarness.probe(), MANIFEST);
            assertFalse(Files.exists(store.resolve("secrets.key")), "an operator's key is not written into the store");
        }
        try (EdgeHarness again = new EdgeHarness(store, false, mine)) {
            assertTrue(again.get("/vault/echo").body().contains("token=" + SECRET));
        }
        StoreException e = assertThrows(StoreException.class, () -> new EdgeHarness(store, false, randomKey("VERGE_SECRETS_KEY")));
        assertTrue(e.getMessage().contains("VERGE_SECRETS_KEY is not the key this store's secrets were sealed with"), e.getMessage());
        assertThrows(StoreException.class, () -> new EdgeHarness(store, false), "nor the store's own (new) key");
    }

    @Test
    void badKeysAreRefusedWithTheirOrigin() {
        StoreException notBase64 = assertThrows(StoreException.class, () -> SecretsKey.fromBase64("not base64!", "VERGE_SECRETS_KEY"));
        assertTrue(notBase64.getMessage().startsWith("VERGE_SECRETS_KEY: the secrets key is not base64"), notBase64.getMessage());
        StoreException shortKey = assertThrows(StoreException.class, () -> SecretsKey.fromBase64("c2hvcnQ=", "key.txt"));
        assertEquals("key.txt: the secrets key must be 32 bytes (base64 of them), got 5", shortKey.getMessage());
    }

    @Test
    void plainSecretsOfAnOlderStoreAreSealedAtStart() throws IOException {
        // A store written before sealing existed: the manifest with its secret in clear.
        Path version = Files.createDirectories(store.resolve("apps/vault/versions/1"));
        Files.write(version.resolve("app.wasm"), EdgeHarness.probe());
        Files.writeString(version.resolve("verge.toml"), MANIFEST);
        Files.writeString(store.resolve("apps/vault/current"), "1");
        try (EdgeHarness edge = new EdgeHarness(store, false)) {
            assertTrue(edge.get("/vault/echo").body().contains("token=" + SECRET));
            assertFalse(storeContains(SECRET));
        }
    }

    @Test
    void sealedBlobsOpenOnlyUnderTheirLabel() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String text = Base64.getEncoder().encodeToString(raw);
        SecretsKey key = SecretsKey.fromBase64(text, "test");
        assertFalse(key.toString().contains(text), "the key never shows in its string form");
        byte[] sealed = key.seal("hello".getBytes(StandardCharsets.UTF_8), "manifest of app a");
        assertEquals("hello", new String(key.open(sealed, "manifest of app a"), StandardCharsets.UTF_8));
        assertThrows(StoreException.class, () -> key.open(sealed, "manifest of app b"), "moved to another app");
        sealed[sealed.length - 1] ^= 1;
        assertThrows(StoreException.class, () -> key.open(sealed, "manifest of app a"), "altered");
    }

    private static SecretsKey randomKey(String origin) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return SecretsKey.fromBase64(Base64.getEncoder().encodeToString(raw), origin);
    }

    /** Whether any file under the store holds {@code text}'s bytes. */
    private boolean storeContains(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).anyMatch(p -> {
                try {
                    return indexOf(Files.readAllBytes(p), needle) >= 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
