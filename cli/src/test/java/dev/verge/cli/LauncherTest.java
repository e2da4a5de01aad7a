package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./verge} launcher's start-up archives, run on a copy of the launcher in a scratch
 * tree with a fake JDK whose {@code java} logs its arguments and writes the files the real one
 * would: by default the first run records the AOT configuration, the next makes the cache in the
 * background, later runs map it; with {@code VERGE_AOT=0} (or without flock) the first run writes
 * a dynamic CDS archive that later runs map; stale files go; a tree the user
 * cannot write gets no archive made but uses one that is there; and the archive options never
 * change what the command prints.
 */
class LauncherTest {
    @TempDir
    Path dir;
    private Path root;
    private Path target;
    private Path log;

    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            # Logs its arguments, one run per line; writes the archive files a JDK 25 would.
            here=$(cd "$(dirname "$0")/../.." && pwd)
            echo "$*" >> "$here/java.log"
            for a in "$@"; do
                case $a in
                    -XX:AOTConfiguration=*) conf=${a#*=} ;;
                    -XX:AOTCache=*) cache=${a#*=} ;;
                    -XX:AOTMode=*) mode=${a#*=} ;;
                    -XX:SharedArchiveFile=*) jsa=${a#*=} ;;
                esac
            done
            case ${mode:-} in
                record) echo recorded > "$conf" ;;
                create) echo cache > "$cache"; exit 0 ;;
            esac
            case " $* " in
                *" -XX:+AutoCreateSharedArchive "*) echo jsa > "$jsa" ;;
            esac
            echo "guest output"
            """;

    @BeforeEach
    void tree() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "needs bash");
        root = dir.resolve("repo");
        Path jdk = dir.resolve("repo/jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"fake\"\nJAVA_VERSION=\"25.0.1\"\n");
        Files.writeString(jdk.resolve("bin/java"), FAKE_JAVA);
        Files.writeString(jdk.resolve("bin/javac"), "#!/bin/sh\n");
        Files.createDirectories(root.resolve("scripts"));
        Files.copy(Path.of("..", "verge"), root.resolve("verge"));
        Files.copy(Path.of("..", "scripts", "jdk.sh"), root.resolve("scripts/jdk.sh"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        target = Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(target.resolve("verge.jar"), "jar");
        Files.writeString(target.resolve("verge-start.jar"), "start jar");
        for (Path p : List.of(root.resolve("verge"), jdk.resolve("bin/java"), jdk.resolve("bin/javac"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        log = root.resolve("java.log");
    }

    private record Result(int status, String out, String err) {}

    private Result launch(Map<String, String> env, List<String> prefix, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(root.resolve("verge").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        pb.environment().remove("VERGE_CDS");
        pb.environment().remove("VERGE_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launch(Map.of(), List.of(), args);
    }

    /** The CDS archive instead of the default AOT cache. */
    private static final Map<String, String> CDS = Map.of("VERGE_AOT", "0");

    private Result launchCds(String... args) throws IOException, InterruptedException {
        return launch(CDS, List.of(), args);
    }

    /** The last run's java arguments. */
    private String lastJavaRun() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.getLast();
    }

    private void awaitFile(Path p) throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(p); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(p), p + " was made");
    }

    @Test
    void byDefaultTheFirstRunRecordsTheNextCreatesAndLaterOnesMapTheAotCache() throws Exception {
        Result first = launch("run", "x.wasm");
        assertEquals(new Result(0, "guest output\n", ""), first);
        assertTrue(lastJavaRun().contains("-XX:AOTMode=record -XX:AOTConfiguration=" + target.resolve("verge-run.aotconf")), lastJavaRun());
        assertTrue(lastJavaRun().contains("-XX:-DisplayVMOutput"), "the JVM's 'configuration recorded' line is kept off stdout");
        assertTrue(lastJavaRun().contains("-Dverge.aot.recording=true"), "the recorded run walks the cache-hit path too");
        assertTrue(Files.exists(target.resolve("verge-run.aotconf")));

        Result second = launch("run", "x.wasm");
        assertEquals(new Result(0, "guest output\n", ""), second);
        awaitFile(target.resolve("verge-run.aot"));
        for (int i = 0; i < 200 && Files.exists(target.resolve("verge-run.aotconf")); i++) {
            Thread.sleep(50);
        }
        assertFalse(Files.exists(target.resolve("verge-run.aotconf")), "the configuration goes once the cache is made");
        assertTrue(Files.readString(log).contains("-XX:AOTMode=create -XX:AOTConfiguration=" + target.resolve("verge-run.aotconf")));

        Result third = launch("run", "x.wasm");
        assertEquals(new Result(0, "guest output\n", ""), third);
        assertTrue(lastJavaRun().contains("-XX:AOTCache=" + target.resolve("verge-run.aot")), lastJavaRun());
        assertFalse(lastJavaRun().contains("AOTMode"), lastJavaRun());
    }

    @Test
    void theStartJarComesFirstOnTheClassPath() throws Exception {
        launch("--version");
        assertTrue(lastJavaRun().endsWith("-cp " + target.resolve("verge-start.jar") + ":" + target.resolve("verge.jar")
                + " dev.verge.cli.Main --version"), lastJavaRun());
    }

    @Test
    void aRelativeInvocationPassesAbsolutePathsThatNameTheJars() throws Exception {
        for (String[] invocation : List.of(new String[] {root.toString(), "./verge"}, new String[] {dir.toString(), "repo/verge"})) {
            ProcessBuilder pb = new ProcessBuilder(invocation[1], "--version").directory(Path.of(invocation[0]).toFile());
            pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
            pb.environment().remove("VERGE_JAVA_OPTS");
            pb.environment().put("VERGE_CDS", "0"); // no archive: a second run would make one in the background
            pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err")));
            String run = lastJavaRun();
            String classPath = run.substring(run.indexOf("-cp ") + 4, run.indexOf(" dev.verge.cli.Main"));
            for (String jar : classPath.split(":")) {
                assertTrue(Path.of(jar).isAbsolute(), run);
                assertTrue(Files.isSameFile(Path.of(jar).getParent(), target), run);
            }
        }
    }

    @Test
    void shortCommandsMapTheArchiveWhereItWasMadeTheEdgeHostAtARandomAddress() throws Exception {
        // No archive: the flag does not depend on one, and no background job outlives the test.
        Map<String, String> noArchive = Map.of("VERGE_CDS", "0");
        launch(noArchive, List.of(), "run", "x.wasm");
        assertTrue(lastJavaRun().contains("-XX:ArchiveRelocationMode=0"), lastJavaRun());
        launch(noArchive, List.of(), "serve");
        assertFalse(lastJavaRun().contains("ArchiveRelocationMode"), lastJavaRun());
        launch(Map.of("VERGE_CDS", "0", "VERGE_JAVA_OPTS", "-XX:ArchiveRelocationMode=1"), List.of(), "run", "x.wasm");
        String run = lastJavaRun();
        assertTrue(run.indexOf("-XX:ArchiveRelocationMode=1") > run.indexOf("-XX:ArchiveRelocationMode=0"), "VERGE_JAVA_OPTS comes later and wins: " + run);
    }

    @Test
    void eachSubcommandHasItsOwnArchive() throws Exception {
        launch("run", "x.wasm");
        launch("wast", "y.wast");
        launchCds("wast", "y.wast");
        assertTrue(Files.exists(target.resolve("verge-run.aotconf")));
        assertTrue(Files.exists(target.resolve("verge-wast.aotconf")));
        assertTrue(Files.exists(target.resolve("verge-wast.jsa")));
    }

    @Test
    void filesOlderThanTheJarAreDropped() throws Exception {
        Files.writeString(target.resolve("verge-run.aot"), "old");
        Files.setLastModifiedTime(target.resolve("verge-run.aot"), FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        launch("run", "x.wasm");
        assertFalse(lastJavaRun().contains("-XX:AOTCache="), "a cache made for an older jar is not used");
        assertFalse(Files.exists(target.resolve("verge-run.aot")));
        assertTrue(lastJavaRun().contains("-XX:AOTMode=record"));
    }

    @Test
    void offWithVergeCdsZero() throws Exception {
        for (String aot : List.of("0", "1")) {
            Result r = launch(Map.of("VERGE_CDS", "0", "VERGE_AOT", aot), List.of(), "run", "x.wasm");
            assertEquals("guest output\n", r.out());
            assertFalse(lastJavaRun().contains("AOT"), lastJavaRun());
            assertFalse(lastJavaRun().contains("SharedArchiveFile"), lastJavaRun());
        }
    }

    @Test
    void aTreeTheUserCannotWriteGetsNoArchiveMadeButUsesOneThatIsThere() throws Exception {
        // As root, permissions do not stop writes: run the launcher as nobody instead.
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        List<String> prefix = List.of();
        if (asRoot) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv to drop root");
            prefix = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(log, "");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            for (Map<String, String> mode : List.of(Map.<String, String>of(), CDS)) {
                Result r = launch(mode, prefix, "run", "x.wasm");
                assertEquals(new Result(0, "guest output\n", ""), r);
                assertFalse(lastJavaRun().contains("AOT"), lastJavaRun());
                assertFalse(lastJavaRun().contains("SharedArchiveFile"), lastJavaRun());
                try (var files = Files.list(target)) {
                    assertEquals(List.of("verge-start.jar", "verge.jar"), files.map(p -> p.getFileName().toString()).sorted().toList());
                }
            }

            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(target.resolve("verge-run.aot"), "cache");
            Files.writeString(target.resolve("verge-run.jsa"), "archive");
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
            launch(CDS, prefix, "run", "x.wasm");
            assertTrue(lastJavaRun().contains("-XX:SharedArchiveFile=" + target.resolve("verge-run.jsa") + " -Xlog"), lastJavaRun());
            assertFalse(lastJavaRun().contains("AutoCreateSharedArchive"), lastJavaRun());
            launch(Map.of(), prefix, "run", "x.wasm");
            assertTrue(lastJavaRun().contains("-XX:AOTCache=" + target.resolve("verge-run.aot")), lastJavaRun());
        } finally {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void withVergeAotZeroTheDynamicCdsArchiveIsWrittenByTheFirstRunAndMappedByTheNext() throws Exception {
        Result r = launchCds("run", "x.wasm");
        assertEquals(new Result(0, "guest output\n", ""), r);
        assertTrue(lastJavaRun().contains("-XX:SharedArchiveFile=" + target.resolve("verge-run.jsa") + " -XX:+AutoCreateSharedArchive"),
                lastJavaRun());
        assertFalse(lastJavaRun().contains("AOT"), lastJavaRun());
        assertTrue(Files.exists(target.resolve("verge-run.jsa")));
        Files.setLastModifiedTime(target.resolve("verge-run.jsa"), FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        launchCds("run", "x.wasm");
        assertTrue(lastJavaRun().contains("-XX:+AutoCreateSharedArchive"), "an archive older than the jar is made again");
    }

    @Test
    void withoutFlockTheAotCacheFallsBackToTheDynamicCdsArchive() throws Exception {
        // A PATH with every tool the launcher uses but flock.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "find", "rm", "mv", "dirname", "cat", "sed", "head")) {
            for (String d : List.of("/usr/bin", "/bin")) {
                Path p = Path.of(d, tool);
                if (Files.isExecutable(p) && !Files.exists(bin.resolve(tool))) {
                    // A wrapper, not a symbolic link: JUnit warns about links out of its directory.
                    Files.writeString(bin.resolve(tool), "#!/bin/sh\nexec " + p + " \"$@\"\n");
                    Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Map<String, String> env = Map.of("PATH", bin.toString());
        Result r = launch(env, List.of(), "run", "x.wasm");
        assertEquals(new Result(0, "guest output\n", ""), r);
        assertTrue(lastJavaRun().contains("-XX:SharedArchiveFile=" + target.resolve("verge-run.jsa") + " -XX:+AutoCreateSharedArchive"),
                lastJavaRun());
        assertTrue(Files.exists(target.resolve("verge-run.jsa")));
        launch(env, List.of(), "run", "x.wasm");
        assertTrue(lastJavaRun().contains("-XX:SharedArchiveFile=" + target.resolve("verge-run.jsa")), lastJavaRun());
    }
}
