package dev.verge.edge.server;

import dev.verge.edge.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The admin API's bearer token: configured, or read from the store, or generated on first start. */
final class AdminToken {
    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The configured token, else the one in {@code file}, else a new one written there (owner-only). */
    static AdminToken load(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return new AdminToken(configured.trim());
        }
        try {
            if (Files.isRegularFile(file)) {
                return new AdminToken(Files.readString(file).trim());
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Path tmp = Files.createTempFile(file.getParent(), ".admin-token-", "");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the store directory's own protection applies
            }
            Files.writeString(tmp, token + "\n");
            Files.move(tmp, file);
            return new AdminToken(token);
        } catch (IOException e) {
            throw new StoreException("cannot read or create the admin token at " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether an Authorization header carries this token (compared in constant time). */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }
}
