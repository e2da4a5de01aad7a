package dev.verge.edge.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local directory holding apps, every deployed version kept for rollback:
 *
 * <pre>
 * STORE/apps/NAME/versions/N/app.wasm     the module
 * STORE/apps/NAME/versions/N/verge.toml   its manifest, when it has no secret variable
 * STORE/apps/NAME/versions/N/verge.toml.sealed  or else the manifest sealed (AES-GCM, {@link SecretsKey})
 * STORE/apps/NAME/versions/N/FILES/...    the read-only files, when the manifest names a directory
 * STORE/apps/NAME/versions/N/app.cwasm.sealed  the module compiled, sealed ({@link #writeCompiled})
 * STORE/apps/NAME/current                 the version being served (absent: not served)
 * STORE/kv/NAME/STORE_NAME/...            the app's key-value stores
 * STORE/admin-token                       the admin API's bearer token
 * STORE/secrets.key                        the key that seals secrets (owner-only), unless the operator keeps it elsewhere
 * STORE/secrets-check                      a blob sealed with that key, to tell a wrong key at start
 * </pre>
 *
 * A version is written into a temporary directory and renamed into place, and {@code current} is
 * replaced by an atomic rename, so a crash never leaves a half-written version being served.
 * Callers serialize writes (the deployer holds one lock).
 */
public final class AppStore {
    public static final String MODULE_FILE = "app.wasm";
    public static final String MANIFEST_FILE = "verge.toml";
    /** The manifest's name on disk when it holds secrets: sealed with the store's {@link SecretsKey}. */
    public static final String SEALED_MANIFEST_FILE = "verge.toml.sealed";
    /** The compiled module beside a version, sealed with the store's {@link SecretsKey}. */
    public static final String COMPILED_FILE = "app.cwasm.sealed";
    private static final String KEY_FILE = "secrets.key";
    private static final String CHECK_FILE = "secrets-check";
    private static final String CHECK_LABEL = "verge secrets key check";
    private final Path root;
    private final SecretsKey secrets;

    /**
     * One stored version of an app.
     *
     * @param secrets the key that opens its sealed manifest
     */
    public record StoredVersion(String app, int version, Path dir, SecretsKey secrets) {
        public Path module() {
            return dir.resolve(MODULE_FILE);
        }

        /** The manifest's file: {@link #MANIFEST_FILE}, or {@link #SEALED_MANIFEST_FILE} when it holds secrets. */
        public Path manifest() {
            Path sealed = dir.resolve(SEALED_MANIFEST_FILE);
            return Files.exists(sealed) ? sealed : dir.resolve(MANIFEST_FILE);
        }

        /** The manifest as deployed (opened first when it is sealed). */
        public String manifestText() {
            Path file = manifest();
            try {
                if (file.getFileName().toString().equals(SEALED_MANIFEST_FILE)) {
                    return new String(secrets.open(Files.readAllBytes(file), manifestLabel(app)), StandardCharsets.UTF_8);
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        public byte[] moduleBytes() {
            try {
                return Files.readAllBytes(module());
            } catch (IOException e) {
                throw new StoreException("cannot read " + module() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Opens (creating when needed) the store at {@code root}, its secrets sealed with the key kept
     * in the store itself ({@code secrets.key}, generated on first start).
     */
    public AppStore(Path root) {
        this(root, null);
    }

    /**
     * Opens (creating when needed) the store at {@code root}, its secrets sealed with {@code key},
     * or with the store's own key file when {@code key} is null.
     *
     * @throws StoreException when the key is not the one the store's secrets were sealed with
     */
    public AppStore(Path root, SecretsKey key) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root.resolve("apps"));
            Files.createDirectories(this.root.resolve("kv"));
        } catch (IOException e) {
            throw new StoreException("cannot create the store at " + this.root + ": " + e.getMessage(), e);
        }
        this.secrets = key != null ? key : SecretsKey.loadOrCreate(this.root.resolve(KEY_FILE));
        checkKey();
        sealPlainSecrets();
    }

    public Path root() {
        return root;
    }

    /** Where the store's own secrets key lives (unused when the operator gives one). */
    public Path secretsKeyFile() {
        return root.resolve(KEY_FILE);
    }

    /** The key sealing this store's secrets. */
    public SecretsKey secretsKey() {
        return secrets;
    }

    /** Where the admin token lives. */
    public Path adminTokenFile() {
        return root.resolve("admin-token");
    }

    /** The directory of one app's key-value store. */
    public Path kvDir(String app, String store) {
        return root.resolve("kv").resolve(app).resolve(store);
    }

    /** Whether the store holds no app at all (a fresh store). */
    public boolean isEmpty() {
        try (Stream<Path> s = Files.list(root.resolve("apps"))) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new StoreException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** The names of the apps being served, sorted. */
    public List<String> servedApps() {
        try (Stream<Path> s = Files.list(root.resolve("apps"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("current")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** The version being served, if any. */
    public Optional<StoredVersion> current(String app) {
        Path pointer = appDir(app).resolve("current");
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            int v = Integer.parseInt(Files.readString(pointer).trim());
            return Optional.of(version(app, v));
        } catch (IOException | NumberFormatException e) {
            throw new StoreException("bad current pointer for app " + app + ": " + e.getMessage(), e);
        }
    }

    /** One version; it must exist. */
    public StoredVersion version(String app, int v) {
        Path dir = appDir(app).resolve("versions").resolve(Integer.toString(v));
        if (!Files.isRegularFile(dir.resolve(MODULE_FILE))) {
            throw new StoreException("app " + app + " has no version " + v);
        }
        return new StoredVersion(app, v, dir, secrets);
    }

    /** Every version of an app, oldest first. */
    public List<Integer> versions(String app) {
        Path dir = appDir(app).resolve("versions");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{1,9}"))
                    .map(Integer::parseInt)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list versions of " + app + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores a new version (not yet served). {@code files} maps paths relative to the bundle
     * (such as {@code static/index.html}) to contents; each path is checked to stay inside.
     */
    public StoredVersion write(String app, byte[] module, String manifest, Map<String, byte[]> files) {
        List<Integer> existing = versions(app);
        int v = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
        Path versions = appDir(app).resolve("versions");
        Path target = versions.resolve(Integer.toString(v));
        try {
            Files.createDirectories(versions);
            Path tmp = Files.createTempDirectory(versions, ".incoming-");
            Files.write(tmp.resolve(MODULE_FILE), module);
            writeManifest(tmp, app, manifest);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = bundlePath(tmp, f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            move(tmp, target);
        } catch (IOException e) {
            throw new StoreException("cannot store version " + v + " of " + app + ": " + e.getMessage(), e);
        }
        return new StoredVersion(app, v, target, secrets);
    }

    /**
     * The seal's label for version {@code v}'s compiled code: it names the app, the version and the
     * SHA-256 of {@code module}, the version's module as the caller read it (once: a cold start
     * reads, loads or compiles, and keeps each version's code with the same label).
     */
    public CompiledSeal compiledSeal(StoredVersion v, byte[] module) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(module);
            return new CompiledSeal(v, "compiled module of app " + v.app() + " version " + v.version() + " sha256 " + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new StoreException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Where and under which label one version's compiled code is sealed ({@link #compiledSeal}). */
    public record CompiledSeal(StoredVersion version, String label) {}

    /**
     * Keeps {@code serialized} (a compiled module, {@code CompiledModule.serialize()}) beside
     * the sealed version, sealed with the store's key under the seal's label (app, version and
     * the SHA-256 of the version's module). Loading compiled code is as trusted as loading a jar, so
     * the seal is what makes the file safe to load again: one altered, written by anyone without
     * the key, or moved from another app, version or module does not open. Replaces an earlier one
     * atomically.
     */
    public void writeCompiled(CompiledSeal seal, byte[] serialized) {
        StoredVersion v = seal.version();
        Path target = v.dir().resolve(COMPILED_FILE);
        try {
            Path tmp = Files.createTempFile(v.dir(), ".compiled-", "");
            try {
                Files.write(tmp, secrets.seal(serialized, seal.label()));
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot store the compiled module of " + v.app() + " version " + v.version() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The compiled module kept beside the sealed version by {@link #writeCompiled}; empty when
     * there is none.
     *
     * @throws StoreException when there is one but it does not open with this store's key under
     *     the seal's label (altered, not written by this store, or for another app, version or module)
     */
    public Optional<byte[]> readCompiled(CompiledSeal seal) {
        Path file = seal.version().dir().resolve(COMPILED_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(secrets.open(Files.readAllBytes(file), seal.label()));
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the manifest into a version directory: sealed when it has secret variables (or cannot
     * be told not to), so their values are never on disk in clear; plain otherwise, for operators.
     */
    private void writeManifest(Path versionDir, String app, String manifest) throws IOException {
        byte[] text = manifest.getBytes(StandardCharsets.UTF_8);
        if (SecretVariables.present(manifest)) {
            Files.write(versionDir.resolve(SEALED_MANIFEST_FILE), secrets.seal(text, manifestLabel(app)));
        } else {
            Files.write(versionDir.resolve(MANIFEST_FILE), text);
        }
    }

    private static String manifestLabel(String app) {
        return "manifest of app " + app;
    }

    /**
     * Fails at start when the key differs from the one this store's secrets were sealed with, rather
     * than at the first request; a store that has no check blob yet gets one sealed with this key.
     */
    private void checkKey() {
        Path check = root.resolve(CHECK_FILE);
        try {
            if (Files.exists(check)) {
                secrets.open(Files.readAllBytes(check), CHECK_LABEL);
                return;
            }
            Path tmp = Files.createTempFile(root, ".secrets-check-", "");
            Files.write(tmp, secrets.seal(CHECK_LABEL.getBytes(StandardCharsets.UTF_8), CHECK_LABEL));
            move(tmp, check);
        } catch (StoreException e) {
            throw new StoreException("the secrets key from " + secrets.origin() + " is not the key this store's secrets were sealed with ("
                    + check + " does not open with it): start with the key used before", e);
        } catch (IOException e) {
            throw new StoreException("cannot check the secrets key against " + check + ": " + e.getMessage(), e);
        }
    }

    /** Seals the plain manifests with secrets that a store written before sealing existed may hold. */
    private void sealPlainSecrets() {
        try (Stream<Path> s = Files.list(root.resolve("apps"))) {
            for (Path appDir : s.toList()) {
                String app = appDir.getFileName().toString();
                if (!Files.isDirectory(appDir.resolve("versions")) || !app.matches("[a-z0-9-]+")) {
                    continue;
                }
                for (int v : versions(app)) {
                    Path dir = appDir.resolve("versions").resolve(Integer.toString(v));
                    Path plain = dir.resolve(MANIFEST_FILE);
                    if (Files.isRegularFile(plain) && !Files.exists(dir.resolve(SEALED_MANIFEST_FILE))) {
                        String text = Files.readString(plain, StandardCharsets.UTF_8);
                        if (SecretVariables.present(text)) {
                            Path tmp = Files.createTempFile(dir, ".sealing-", "");
                            Files.write(tmp, secrets.seal(text.getBytes(StandardCharsets.UTF_8), manifestLabel(app)));
                            move(tmp, dir.resolve(SEALED_MANIFEST_FILE));
                            Files.delete(plain);
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot seal the secrets of " + root + ": " + e.getMessage(), e);
        }
    }

    /** Makes {@code v} the version served, atomically. */
    public void setCurrent(String app, int v) {
        version(app, v);
        Path dir = appDir(app);
        try {
            Path tmp = Files.createTempFile(dir, ".current-", "");
            Files.writeString(tmp, Integer.toString(v));
            move(tmp, dir.resolve("current"));
        } catch (IOException e) {
            throw new StoreException("cannot switch " + app + " to version " + v + ": " + e.getMessage(), e);
        }
    }

    /** Removes an app, every version and its key-value data. */
    public void delete(String app) {
        deleteTree(appDir(app));
        deleteTree(root.resolve("kv").resolve(app));
    }

    private Path appDir(String app) {
        if (!app.matches("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?")) {
            throw new StoreException("not an app name: \"" + app + "\"");
        }
        return root.resolve("apps").resolve(app);
    }

    private static Path bundlePath(Path bundle, String relative) {
        if (!relative.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*") || relative.contains("..")) {
            throw new StoreException("bad file path in the app bundle: \"" + relative + "\"");
        }
        if (relative.equals(MODULE_FILE) || relative.equals(MANIFEST_FILE)) {
            throw new StoreException("file path clashes with the bundle's own files: " + relative);
        }
        return bundle.resolve(relative);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.delete(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
