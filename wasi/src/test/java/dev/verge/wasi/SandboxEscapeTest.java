package dev.verge.wasi;

import static dev.verge.wasi.WasiHarness.ALL_RIGHTS;
import static dev.verge.wasi.WasiHarness.FOLLOW;
import static dev.verge.wasi.WasiHarness.O_CREAT;
import static dev.verge.wasi.WasiHarness.O_DIRECTORY;
import static dev.verge.wasi.WasiHarness.O_TRUNC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attempts to reach outside a preopen, each asserting the exact errno and, after every test, that
 * nothing outside the sandbox was changed. The sandbox is preopened as fd 3; a sibling directory
 * "outside" holds a secret the guest must never read or touch.
 */
class SandboxEscapeTest {
    @TempDir
    Path base;

    Path sandbox;
    Path outside;
    Map<String, String> outsideBefore;
    WasiHarness g;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Files.createDirectory(base.resolve("sandbox"));
        outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "top secret");
        Files.writeString(sandbox.resolve("file"), "inside");
        Files.createDirectory(sandbox.resolve("sub"));
        outsideBefore = snapshot(outside);
        g = new WasiHarness(WasiConfig.builder().preopen(sandbox, "/sandbox").build());
    }

    @AfterEach
    void nothingOutsideChanged() throws IOException {
        g.close();
        assertEquals(outsideBefore, snapshot(outside));
        assertEquals(Map.of("sandbox", "dir", "outside", "dir"), topLevel());
    }

    private Map<String, String> topLevel() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(base)) {
            s.forEach(p -> out.put(p.getFileName().toString(), Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "other"));
        }
        return out;
    }

    /** Every path below {@code dir} with its content (files) or kind, links not followed. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(key, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    out.put(key, "dir");
                } else {
                    out.put(key, Files.readString(p) + "@" + Files.getLastModifiedTime(p));
                }
            }
        }
        return out;
    }

    @Test
    void dotDotOutOfThePreopenIsNotPermitted() {
        assertEquals(Errno.PERM, g.open("../outside/secret", 0, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.open("sub/../../outside/secret", 0, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.open("..", O_DIRECTORY, ALL_RIGHTS));
    }

    @Test
    void dotDotThatStaysInsideIsFine() {
        assertEquals(Errno.SUCCESS, g.open("sub/../file", 0, ALL_RIGHTS));
        assertEquals("inside", g.read(g.lastFd, 100));
    }

    @Test
    void absolutePathsAreNotPermitted() {
        assertEquals(Errno.PERM, g.open(outside.resolve("secret").toString(), 0, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.open("/sandbox/file", 0, ALL_RIGHTS));
    }

    @Test
    void hostSymlinkPointingOutsideCannotBeFollowed() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("escape"), Path.of("../outside/secret"));
        Files.createSymbolicLink(sandbox.resolve("absolute"), outside.resolve("secret"));
        Files.createSymbolicLink(sandbox.resolve("outdir"), Path.of("../outside"));
        assertEquals(Errno.PERM, g.open("escape", 0, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.open("absolute", 0, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.open("outdir/secret", 0, ALL_RIGHTS));
        // Without following, the link itself is not a file to open: O_NOFOLLOW's ELOOP.
        assertEquals(Errno.LOOP, g.open(3, 0, "escape", 0, ALL_RIGHTS, 0));
    }

    @Test
    void guestMadeSymlinkPointingOutsideCannotBeFollowed() {
        assertEquals(Errno.SUCCESS, g.errno("path_symlink", g.put("../outside"), WasiHarness.len("../outside"), 3, g.put("link"), 4));
        assertEquals(Errno.PERM, g.open("link/secret", 0, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.errno("path_filestat_get", 3, FOLLOW, g.put("link/secret"), 11, g.alloc(64)));
    }

    @Test
    void guestCannotPlantAnAbsoluteSymlink() {
        String target = outside.resolve("secret").toString();
        assertEquals(Errno.PERM, g.errno("path_symlink", g.put(target), WasiHarness.len(target), 3, g.put("abs"), 3));
        assertFalse(Files.exists(sandbox.resolve("abs"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void createThroughASymlinkPointingOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("dangling"), Path.of("../outside/planted"));
        assertEquals(Errno.PERM, g.open("dangling", O_CREAT, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.open("dangling", O_CREAT | O_TRUNC, ALL_RIGHTS));
        assertFalse(Files.exists(outside.resolve("planted")));
    }

    @Test
    void createThroughASymlinkInsideCreatesItsTarget() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("dangling"), Path.of("sub/new"));
        assertEquals(Errno.SUCCESS, g.open("dangling", O_CREAT, ALL_RIGHTS));
        assertEquals(Errno.SUCCESS, g.write(g.lastFd, "made"));
        assertEquals("made", Files.readString(sandbox.resolve("sub/new")));
    }

    @Test
    void trailingSlashOnASymlinkTargetPointingOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("slash"), Path.of("../outside/"));
        assertEquals(Errno.PERM, g.open("slash/", O_DIRECTORY, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.open("slash/secret", 0, ALL_RIGHTS));
        assertEquals(Errno.PERM, g.path("path_create_directory", 3, "slash/new"));
    }

    @Test
    void trailingSlashOnAFileIsNotADirectory() {
        assertEquals(Errno.NOTDIR, g.open("file/", 0, ALL_RIGHTS));
        assertEquals(Errno.NOTDIR, g.path("path_unlink_file", 3, "file/"));
    }

    @Test
    void symlinkLoopsEndInEloop() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(sandbox.resolve("b"), Path.of("a"));
        assertEquals(Errno.LOOP, g.open("a", 0, ALL_RIGHTS));
        assertEquals(Errno.LOOP, g.open("a/x", O_CREAT, ALL_RIGHTS));
    }

    @Test
    void hardLinkAndRenameCannotLeaveThePreopen() {
        assertEquals(Errno.PERM, g.errno("path_link", 3, 0, g.put("file"), 4, 3, g.put("../outside/x"), 12));
        assertEquals(Errno.PERM, g.errno("path_rename", 3, g.put("file"), 4, 3, g.put("../outside/x"), 12));
        assertEquals(Errno.PERM, g.errno("path_link", 3, 0, g.put("../outside/secret"), 17, 3, g.put("stolen"), 6));
        assertFalse(Files.exists(sandbox.resolve("stolen")));
    }

    @Test
    void directoriesOpenedBelowThePreopenAreSandboxesToo() {
        int sub = g.openOk("sub", O_DIRECTORY, ALL_RIGHTS);
        assertEquals(Errno.PERM, g.open(sub, FOLLOW, "../file", 0, ALL_RIGHTS, 0));
        assertEquals(Errno.PERM, g.open(sub, FOLLOW, "../../outside/secret", 0, ALL_RIGHTS, 0));
    }

    @Test
    void removingAndRenamingOutsideIsRefused() {
        assertEquals(Errno.PERM, g.path("path_unlink_file", 3, "../outside/secret"));
        assertEquals(Errno.PERM, g.path("path_remove_directory", 3, "../outside"));
        assertEquals(Errno.PERM, g.errno("path_rename", 3, g.put("../outside/secret"), 17, 3, g.put("got"), 3));
    }
}
