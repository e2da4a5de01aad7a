package dev.verge.cli;

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

    /** The whole content of {@code name}, a path exactly as given on the command line. */
    static byte[] read(String name) throws Unreadable {
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
            throw new Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
