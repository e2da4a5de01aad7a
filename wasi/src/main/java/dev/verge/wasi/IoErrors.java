package dev.verge.wasi;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Maps host I/O failures to errnos. Java reports most POSIX errors as a
 * {@link FileSystemException} whose reason is the C library's {@code strerror} text, so past the
 * typed exceptions the reason is matched against those texts (glibc's wording).
 */
final class IoErrors {
    private IoErrors() {}

    static Errno errno(Throwable e) {
        return switch (e) {
            case NoSuchFileException x -> Errno.NOENT;
            case FileAlreadyExistsException x -> Errno.EXIST;
            case DirectoryNotEmptyException x -> Errno.NOTEMPTY;
            case NotDirectoryException x -> Errno.NOTDIR;
            case NotLinkException x -> Errno.INVAL;
            case AccessDeniedException x -> Errno.ACCES;
            case FileSystemLoopException x -> Errno.LOOP;
            case FileSystemException x -> byReason(x.getReason());
            case ClosedChannelException x -> Errno.BADF;
            case NonReadableChannelException x -> Errno.BADF;
            case NonWritableChannelException x -> Errno.BADF;
            case IOException x -> byReason(x.getMessage());
            default -> Errno.IO;
        };
    }

    private static Errno byReason(String reason) {
        if (reason == null) {
            return Errno.IO;
        }
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("is a directory")) {
            return Errno.ISDIR;
        }
        if (r.contains("not a directory")) {
            return Errno.NOTDIR;
        }
        if (r.contains("too many levels of symbolic links")) {
            return Errno.LOOP;
        }
        if (r.contains("directory not empty")) {
            return Errno.NOTEMPTY;
        }
        if (r.contains("file exists")) {
            return Errno.EXIST;
        }
        if (r.contains("no such file")) {
            return Errno.NOENT;
        }
        if (r.contains("permission denied")) {
            return Errno.ACCES;
        }
        if (r.contains("operation not permitted")) {
            return Errno.PERM;
        }
        if (r.contains("read-only file system")) {
            return Errno.ROFS;
        }
        if (r.contains("no space left")) {
            return Errno.NOSPC;
        }
        if (r.contains("file too large")) {
            return Errno.FBIG;
        }
        if (r.contains("invalid argument")) {
            return Errno.INVAL;
        }
        if (r.contains("file name too long")) {
            return Errno.NAMETOOLONG;
        }
        if (r.contains("cross-device")) {
            return Errno.XDEV;
        }
        if (r.contains("device or resource busy")) {
            return Errno.BUSY;
        }
        if (r.contains("too many open files")) {
            return Errno.MFILE;
        }
        if (r.contains("broken pipe")) {
            return Errno.PIPE;
        }
        if (r.contains("connection reset")) {
            return Errno.CONNRESET;
        }
        if (r.contains("connection aborted")) {
            return Errno.CONNABORTED;
        }
        if (r.contains("not connected")) {
            return Errno.NOTCONN;
        }
        if (r.contains("too many links")) {
            return Errno.MLINK;
        }
        return Errno.IO;
    }
}
