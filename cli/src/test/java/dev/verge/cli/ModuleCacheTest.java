package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compilation cache of {@code verge run}: where it lives, hits, misses, damaged entries, bounds. */
class ModuleCacheTest {
    @TempDir
    Path dir;

    private static byte[] program(String name) {
        return CompileCommandTest.read(Path.of("..", "guests", "wasm", name + ".wasm"));
    }

    private ModuleCache cache() {
        return new ModuleCache(dir.resolve("verge"), ModuleCache.DEFAULT_MAX_BYTES);
    }

    @Test
    void theDirectoryFollowsXdgThenHome() {
        assertEquals(Path.of("/x/cache/verge"), ModuleCache.directory(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u")));
        assertEquals(Path.of("/home/u/.cache/verge"), ModuleCache.directory(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/home/u")));
        assertEquals(Path.of("/home/u/.cache/verge"), ModuleCache.directory(Map.of("HOME", "/home/u")));
    }

    @Test
    void onByDefaultOffByEnvironmentOrFlag() {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.toString());
        assertNotNull(ModuleCache.forRun(null, env));
        assertNull(ModuleCache.forRun(false, env));
        assertNull(ModuleCache.forRun(null, Map.of("XDG_CACHE_HOME", dir.toString(), "VERGE_CACHE", "off")));
        assertNull(ModuleCache.forRun(null, Map.of("XDG_CACHE_HOME", dir.toString(), "VERGE_CACHE", "0")));
        assertNotNull(ModuleCache.forRun(true, Map.of("XDG_CACHE_HOME", dir.toString(), "VERGE_CACHE", "off")));
    }

    @Test
    void aMissStoresTheModuleAndAHitLoadsIt() throws IOException {
        ModuleCache cache = cache();
        Engine engine = new Engine();
        byte[] fib = program("fib");
        Path entry = cache.entry(engine, fib);
        assertFalse(Files.exists(entry));
        cache.compile(engine, fib);
        assertTrue(Files.exists(entry));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.dir())));

        // A hit loads the stored compiled code: store another module's code for fib's bytes and
        // that code is what comes back (nothing is compiled).
        byte[] crc = new Engine().compile(program("crc32")).serialize();
        Files.write(entry, CacheEntry.encode(fib, crc));
        CompiledModule hit = cache.compile(engine, fib);
        assertArrayEquals(crc, hit.serialize());
    }

    @Test
    void aHitMarksTheEntryRecentlyUsed() throws IOException {
        ModuleCache cache = cache();
        Engine engine = new Engine();
        byte[] fib = program("fib");
        cache.compile(engine, fib);
        Path entry = cache.entry(engine, fib);
        Files.setLastModifiedTime(entry, FileTime.fromMillis(1_000_000));
        cache.compile(engine, fib);
        assertTrue(Files.getLastModifiedTime(entry).toMillis() > System.currentTimeMillis() - 600_000, "touched by the hit");
    }

    @Test
    void anEntryStoredForOtherBytesIsAMissAndIsRewritten() throws IOException {
        // Entry names are checksums, not digests: two modules may share one. The stored module's
        // bytes decide, so a module never runs another's code.
        ModuleCache cache = cache();
        Engine engine = new Engine();
        byte[] fib = program("fib");
        byte[] crc32 = program("crc32");
        Path entry = cache.entry(engine, fib);
        Files.createDirectories(entry.getParent());
        byte[] crcCode = new Engine().compile(crc32).serialize();
        Files.write(entry, CacheEntry.encode(crc32, crcCode));
        CompiledModule loaded = cache.compile(engine, fib);
        assertFalse(java.util.Arrays.equals(crcCode, loaded.serialize()), "fib was compiled, not crc32's code loaded");
        byte[] rewritten = CacheEntry.artifactFor(Files.readAllBytes(entry), fib);
        assertNotNull(rewritten, "the entry now holds fib");
        assertArrayEquals(rewritten, loaded.serialize());
        assertNull(CacheEntry.artifactFor(Files.readAllBytes(entry), crc32));
    }

    @Test
    void anEntryOnlyMatchesTheExactBytes() {
        byte[] module = {0, 'a', 's', 'm', 1, 0, 0, 0};
        byte[] artifact = {9, 8, 7};
        byte[] entry = CacheEntry.encode(module, artifact);
        assertArrayEquals(artifact, CacheEntry.artifactFor(entry, module));
        byte[] other = module.clone();
        other[7] = 1;
        assertNull(CacheEntry.artifactFor(entry, other));
        assertNull(CacheEntry.artifactFor(entry, java.util.Arrays.copyOf(module, 9)));
        assertNull(CacheEntry.artifactFor(java.util.Arrays.copyOf(entry, 10), module), "truncated");
        assertNull(CacheEntry.artifactFor(artifact, module), "not an entry");
    }

    @Test
    void entryNamesDifferWithTheBytesAndTheKey() {
        byte[] a = {1, 2, 3};
        byte[] b = {1, 2, 4};
        assertEquals(CacheEntry.name(a, "k"), CacheEntry.name(a.clone(), "k"));
        assertFalse(CacheEntry.name(a, "k").equals(CacheEntry.name(b, "k")));
        assertFalse(CacheEntry.name(a, "k").equals(CacheEntry.name(a, "k2")));
        assertTrue(CacheEntry.name(a, "k").matches("[0-9a-f]{32}\\.cwasm"));
    }

    @Test
    void theKeyCoversTheModuleAndTheCodeGenerationOptions() {
        ModuleCache cache = cache();
        byte[] fib = program("fib");
        assertEquals(cache.entry(new Engine(), fib), cache.entry(new Engine(EngineConfig.DEFAULT.withMaxMemoryPages(16)), fib));
        assertFalse(cache.entry(new Engine(), fib).equals(cache.entry(new Engine(EngineConfig.DEFAULT.withFuel(true)), fib)));
        assertFalse(cache.entry(new Engine(), fib).equals(cache.entry(new Engine(), program("crc32"))));
    }

    @Test
    void aCorruptEntryIsAMissAndIsRewritten() throws IOException {
        ModuleCache cache = cache();
        Engine engine = new Engine();
        byte[] fib = program("fib");
        cache.compile(engine, fib);
        Path entry = cache.entry(engine, fib);
        byte[] good = Files.readAllBytes(entry);
        byte[] bad = good.clone();
        bad[bad.length / 3] ^= 1;
        Files.write(entry, bad);
        assertNotNull(cache.compile(engine, fib));
        assertArrayEquals(good, Files.readAllBytes(entry));

        Files.write(entry, new byte[] {1, 2, 3});
        assertNotNull(cache.compile(engine, fib));
        assertTrue(Engine.isSerialized(CacheEntry.artifactFor(Files.readAllBytes(entry), fib)));
    }

    @Test
    void theLeastRecentlyUsedEntriesGoBeyondTheBound() throws IOException {
        Engine engine = new Engine();
        ModuleCache unbounded = cache();
        unbounded.compile(engine, program("fib"));
        long oneEntry = Files.size(unbounded.entry(engine, program("fib")));
        Files.setLastModifiedTime(unbounded.entry(engine, program("fib")), FileTime.fromMillis(1_000_000));

        long other = CacheEntry.encode(program("crc32"), new Engine().compile(program("crc32")).serialize()).length;
        // One byte short of holding both: the older must go, the newer fits.
        ModuleCache bounded = new ModuleCache(dir.resolve("verge"), oneEntry + other - 1);
        bounded.compile(engine, program("crc32"));
        assertFalse(Files.exists(bounded.entry(engine, program("fib"))), "the older entry was evicted");
        assertTrue(Files.exists(bounded.entry(engine, program("crc32"))));
    }

    @Test
    void aDirectoryOthersCanWriteIsNotUsed() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("verge"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        ModuleCache cache = cache();
        assertNotNull(cache.compile(new Engine(), program("fib")));
        try (Stream<Path> files = Files.list(shared)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aMissingDirectoryIsCreatedPrivateAndAPrivateOneIsUsed() throws IOException {
        ModuleCache cache = new ModuleCache(dir.resolve("a").resolve("verge"), ModuleCache.DEFAULT_MAX_BYTES);
        assertTrue(cache.privateDirectory());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.dir())));
        assertTrue(cache.privateDirectory(), "the second time it exists");
        Files.setPosixFilePermissions(cache.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(cache.privateDirectory(), "others may read it; only writing matters");
    }

    @Test
    void aDirectoryItsGroupOrOthersCanWriteIsRefused() throws IOException {
        ModuleCache cache = cache();
        Files.createDirectory(cache.dir());
        for (String perms : new String[] {"rwxrwx---", "rwx----w-", "rwx-w--w-"}) {
            Files.setPosixFilePermissions(cache.dir(), PosixFilePermissions.fromString(perms));
            assertFalse(cache.privateDirectory(), perms);
        }
    }

    @Test
    void aSymbolicLinkToAPrivateDirectoryIsRefused() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(dir.resolve("verge"), real);
        ModuleCache cache = cache();
        assertFalse(cache.privateDirectory());
        assertNotNull(cache.compile(new Engine(), program("fib")));
        try (Stream<Path> files = Files.list(real)) {
            assertEquals(0, files.count(), "nothing written through the link");
        }
    }

    @Test
    void aDirectoryOwnedByAnotherUserIsRefused() throws IOException {
        ModuleCache cache = cache();
        Files.createDirectory(cache.dir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            UserPrincipal other = cache.dir().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(cache.dir(), other);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give a directory to another user here: " + e);
        }
        assertFalse(cache.privateDirectory());
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsRefused() throws IOException {
        Files.writeString(dir.resolve("verge"), "not a directory");
        assertFalse(cache().privateDirectory());
    }

    @Test
    void anUnwritableCacheOnlyCostsSpeed() throws IOException {
        Path file = Files.writeString(dir.resolve("verge"), "not a directory");
        assertNotNull(cache().compile(new Engine(), program("fib")));
        assertEquals("not a directory", Files.readString(file));
    }

    /** End to end: {@code verge run --cache} writes an entry under $XDG_CACHE_HOME/verge (set by the build). */
    @Test
    void runWithCacheUsesTheCacheDirectory() {
        Path xdg = Path.of(System.getenv("XDG_CACHE_HOME"));
        String fib = Path.of("..", "guests", "wasm", "fib.wasm").toString();
        Path entry = new ModuleCache(xdg.resolve("verge"), ModuleCache.DEFAULT_MAX_BYTES).entry(new Engine(), program("fib"));
        GuestRun first = GuestRun.of("--cache", fib, "10");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(Files.exists(entry));
        GuestRun second = GuestRun.of("--cache", fib, "10");
        assertEquals(first.out(), second.out());
        assertEquals("fib n=10 checksum=55\n", second.out());
    }
}
