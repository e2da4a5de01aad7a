package dev.verge.cli;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files named on the command line, with short messages for the usual failures. */
final class ModuleFiles {
    private ModuleFiles() {}

    /** Why a file could not be read, as the user should read it (e.g. "no such file"). */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The whole content of {@code name}, a path exactly as given on the command line.
     *
     * <p>Read through {@link FileInputStream}, whose classes the JVM has loaded at start-up for
     * its standard input, rather than {@link Files#readAllBytes}, whose file channel and its dozens
     * of classes cost a fresh JVM about 1 ms of CPU; only when the file does not open are the
     * reasons found with {@link Files}, whose exceptions say which.
     */
    static byte[] read(String name) throws Unreadable {
        FileInputStream in;
        try {
            in = new FileInputStream(name);
        } catch (FileNotFoundException e) {
            return readExplained(name);
        }
        try (in) {
            return in.readAllBytes();
        } catch (OutOfMemoryError e) {
            throw new Unreadable("too large");
        } catch (IOException e) {
            throw new Unreadable(message(e));
        }
    }

    /** The content of {@code name}, which did not open: read again with the reason of a failure. */
    private static byte[] readExplained(String name) throws Unreadable {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new Unreadable("invalid path");
        }
        if (Files.isDirectory(path)) {
            throw new Unreadable("is a directory");
        }
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable("permission denied");
        } catch (OutOfMemoryError e) {
            throw new Unreadable("too large");
        } catch (IOException e) {
            throw new Unreadable(message(e));
        }
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The whole content of {@code file} (the same way as {@link #read(String)}); any failure is
     * the caller's to handle.
     */
    static byte[] readAll(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }
}
