package dev.verge.edge.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local directory holding apps, every deployed version kept for rollback:
 *
 * <pre>
 * STORE/apps/NAME/versions/N/app.wasm     the module
 * STORE/apps/NAME/versions/N/verge.toml   its manifest
 * STORE/apps/NAME/versions/N/FILES/...    the read-only files, when the manifest names a directory
 * STORE/apps/NAME/current                 the version being served (absent: not served)
 * STORE/kv/NAME/STORE_NAME/...            the app's key-value stores
 * STORE/admin-token                       the admin API's bearer token
 * </pre>
 *
 * A version is written into a temporary directory and renamed into place, and {@code current} is
 * replaced by an atomic rename, so a crash never leaves a half-written version being served.
 * Callers serialize writes (the deployer holds one lock).
 */
public final class AppStore {
    public static final String MODULE_FILE = "app.wasm";
    public static final String MANIFEST_FILE = "verge.toml";
    private final Path root;

    /** One stored version of an app. */
    public record StoredVersion(String app, int version, Path dir) {
        public Path module() {
            return dir.resolve(MODULE_FILE);
        }

        public Path manifest() {
            return dir.resolve(MANIFEST_FILE);
        }

        public String manifestText() {
            try {
                return Files.readString(manifest(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StoreException("cannot read " + manifest() + ": " + e.getMessage(), e);
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

    /** Opens (creating when needed) the store at {@code root}. */
    public AppStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root.resolve("apps"));
            Files.createDirectories(this.root.resolve("kv"));
        } catch (IOException e) {
            throw new StoreException("cannot create the store at " + this.root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
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
        return new StoredVersion(app, v, dir);
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
            Files.writeString(tmp.resolve(MANIFEST_FILE), manifest, StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = bundlePath(tmp, f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            move(tmp, target);
        } catch (IOException e) {
            throw new StoreException("cannot store version " + v + " of " + app + ": " + e.getMessage(), e);
        }
        return new StoredVersion(app, v, target);
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
