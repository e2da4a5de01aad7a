package dev.verge.cli;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.SerializedModuleException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compilation cache of {@code verge run}, as wasmtime's: a compiled module is serialized to
 * {@code $XDG_CACHE_HOME/verge} (or {@code ~/.cache/verge}) with the module's own bytes, under a
 * name made of checksums of the module and of {@link Engine#compatibilityKey()} (format, Verge
 * build, Java runtime, code-generation options), and later runs of the same module load it
 * instead of validating and compiling. A hit is an entry that holds exactly the module being run
 * ({@link CacheEntry}).
 *
 * <p>Never fatal: an unreadable, corrupt or foreign entry is a miss (and is rewritten), a cache
 * that cannot be written is skipped. Entries are written to a temporary file and renamed, so a
 * reader sees a whole entry or none. The directory is created private (0700), and a directory
 * that other users could write to is not used: entries become JVM classes, so they must be as
 * trusted as the Verge jar itself. The cache keeps at most {@link #DEFAULT_MAX_BYTES} (or
 * {@code VERGE_CACHE_MAX_BYTES}) of entries: after a write, the least recently used go first.
 */
final class ModuleCache {
    /** The default bound on the entries' total size. */
    static final long DEFAULT_MAX_BYTES = 512L << 20;

    private final Path dir;
    private final long maxBytes;

    ModuleCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /**
     * The compiled module in {@code file}: a serialized module is loaded as it is; a Wasm binary
     * or text module is compiled, through the cache when {@code cache} is not null.
     */
    static CompiledModule load(Engine engine, String file, byte[] bytes, ModuleCache cache) {
        if (Engine.isSerialized(bytes)) {
            return engine.deserialize(bytes);
        }
        byte[] binary = ModuleLoader.binary(file, bytes);
        return cache == null ? engine.compile(binary) : cache.compile(engine, binary);
    }

    /**
     * The cache {@code verge run} uses: null when switched off by {@code --no-cache} (or
     * {@code enabled} false), by {@code VERGE_CACHE=off} (or 0, false, no), or when there is no
     * usable directory. {@code enabled} null means the environment decides (default on).
     */
    static ModuleCache forRun(Boolean enabled, Map<String, String> env) {
        if (enabled == null) {
            // equalsIgnoreCase rather than toLowerCase(Locale.ROOT): Locale is not otherwise set up on this path.
            String v = env.getOrDefault("VERGE_CACHE", "on").trim();
            enabled = !(v.equalsIgnoreCase("off") || v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no"));
        }
        if (!enabled) {
            return null;
        }
        Path dir = directory(env);
        if (dir == null) {
            return null;
        }
        long max = DEFAULT_MAX_BYTES;
        String bound = env.get("VERGE_CACHE_MAX_BYTES");
        if (bound != null) {
            try {
                max = Long.parseLong(bound.trim());
            } catch (NumberFormatException e) {
                // Keep the default: a mistyped bound must not stop the run.
            }
        }
        return new ModuleCache(dir, max);
    }

    /** {@code $XDG_CACHE_HOME/verge} if that variable is an absolute path, else {@code ~/.cache/verge}. */
    static Path directory(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "verge");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "verge");
    }

    Path dir() {
        return dir;
    }

    /** The entry file of {@code binary} under {@code engine}'s compatibility key (see {@link CacheEntry}). */
    Path entry(Engine engine, byte[] binary) {
        return dir.resolve(CacheEntry.name(binary, engine.compatibilityKey()));
    }

    /** The cached module, or the module compiled now and stored. */
    CompiledModule compile(Engine engine, byte[] binary) {
        boolean usable;
        try {
            usable = privateDirectory();
        } catch (IOException | RuntimeException e) {
            usable = false; // no directory can be made (read-only home): run without the cache
        }
        if (!usable) {
            return engine.compile(binary);
        }
        Path entry = entry(engine, binary);
        CompiledModule hit = read(engine, entry, binary);
        if (hit != null) {
            return hit;
        }
        CompiledModule compiled = engine.compile(binary);
        write(entry, binary, compiled);
        return compiled;
    }

    private CompiledModule read(Engine engine, Path entry, byte[] binary) {
        byte[] bytes;
        try {
            bytes = CacheEntry.artifactFor(ModuleFiles.readAll(entry), binary);
        } catch (IOException | OutOfMemoryError e) {
            return null; // absent or unreadable: a miss
        }
        if (bytes == null) {
            return null; // another module under the same name, or another format: a miss
        }
        try {
            CompiledModule module = engine.deserialize(bytes);
            // Recently used. java.io.File rather than Files.setLastModifiedTime, whose file-system
            // view spins a lambda class in a fresh JVM; a failure only costs the eviction order.
            entry.toFile().setLastModified(System.currentTimeMillis());
            return module;
        } catch (SerializedModuleException e) {
            return null; // corrupt or foreign: compiled again and overwritten
        }
    }

    private void write(Path entry, byte[] binary, CompiledModule compiled) {
        Path tmp = null;
        try {
            byte[] bytes = CacheEntry.encode(binary, compiled.serialize());
            tmp = Files.createTempFile(dir, "entry-", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            evict();
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written (read-only home, full disk) only costs speed.
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // Left for the next eviction to remove.
                }
            }
        }
    }

    /**
     * Creates the directory (0700) when missing; false when it exists but is not private to this
     * user (another user could plant classes there), or is not a plain directory (a symbolic link
     * is not followed, so it is refused too).
     *
     * <p>One {@link Files#readAttributes} call (one {@code lstat}) gives the type, owner and
     * permissions together, where separate calls for each cost a fresh JVM about 0.5 ms of CPU
     * in attribute views it sets up for them.
     */
    boolean privateDirectory() throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = posixAttributes();
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own permissions apply.
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir);
            }
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
        }
        if (!attributes.isDirectory()) {
            return false;
        }
        Set<PosixFilePermission> perms = attributes.permissions();
        boolean othersWrite = perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
        return !othersWrite && attributes.owner().getName().equals(System.getProperty("user.name"));
    }

    /** The directory's attributes, not following a link; the directory is created (0700) first when missing. */
    private PosixFileAttributes posixAttributes() throws IOException {
        try {
            return Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // Made by another run meanwhile: checked below like any other.
            }
            return Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Removes the least recently used entries while the total exceeds the bound, and stale temporary files. */
    private void evict() throws IOException {
        List<Path> entries = new ArrayList<>();
        long total = 0;
        long staleBefore = System.currentTimeMillis() - 3_600_000;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(CacheEntry.SUFFIX)) {
                    entries.add(f);
                    total += Files.size(f);
                } else if (name.startsWith("entry-") && name.endsWith(".tmp") && Files.getLastModifiedTime(f).toMillis() < staleBefore) {
                    Files.deleteIfExists(f);
                }
            }
        }
        if (total <= maxBytes) {
            return;
        }
        entries.sort(Comparator.comparing(ModuleCache::modified));
        for (Path f : entries) {
            if (total <= maxBytes) {
                break;
            }
            long size = Files.size(f);
            Files.deleteIfExists(f);
            total -= size;
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
