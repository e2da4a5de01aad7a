package dev.verge.edge.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals what the store keeps secret (manifests with secret variables) with AES-256-GCM:
 * each sealed blob is {@code "VGS1"}, a fresh 12-byte nonce from {@link SecureRandom}, then the
 * ciphertext and its 16-byte tag, bound to a label (what and whose it is) as associated data, so
 * a blob copied to another place fails to open. The key itself never reaches a log, an exception
 * message or {@link #toString()}.
 */
public final class SecretsKey {
    /** The key's length: AES-256. */
    public static final int KEY_BYTES = 32;
    private static final byte[] MAGIC = "VGS1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String origin;

    private SecretsKey(byte[] raw, String origin) {
        this.key = new SecretKeySpec(raw, "AES");
        this.origin = origin;
        Arrays.fill(raw, (byte) 0);
    }

    /**
     * A key given by the operator as base64 of 32 bytes ({@code openssl rand -base64 32});
     * {@code origin} names where it came from, for error messages.
     */
    public static SecretsKey fromBase64(String text, String origin) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new StoreException(origin + ": the secrets key is not base64 (make one with: openssl rand -base64 32)");
        }
        if (raw.length != KEY_BYTES) {
            throw new StoreException(origin + ": the secrets key must be " + KEY_BYTES + " bytes (base64 of them), got " + raw.length);
        }
        return new SecretsKey(raw, origin);
    }

    /**
     * The key in {@code file}, or a new random one written there first, readable by its owner
     * only ({@code rw-------} from the moment it exists, on file systems with POSIX permissions).
     */
    public static SecretsKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] raw = new byte[KEY_BYTES];
                RANDOM.nextBytes(raw);
                byte[] text = (Base64.getEncoder().encodeToString(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
                Arrays.fill(raw, (byte) 0);
                Path tmp = ownerOnlyFile(file.getParent(), ".secrets-key-");
                Files.write(tmp, text);
                Arrays.fill(text, (byte) 0);
                try {
                    Files.move(tmp, file); // not REPLACE_EXISTING: a key written meanwhile wins, ours is dropped
                } catch (FileAlreadyExistsException e) {
                    Files.delete(tmp);
                }
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new StoreException("cannot read or create the secrets key at " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the key came from (a file or an environment variable): never the key. */
    public String origin() {
        return origin;
    }

    /** Seals {@code plain} under {@code label} (what it is and whose, checked again by {@link #open}). */
    public byte[] seal(byte[] plain, String label) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            byte[] out = new byte[MAGIC.length + NONCE_BYTES + sealed.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(nonce, 0, out, MAGIC.length, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, MAGIC.length + NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot seal " + label + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens what {@link #seal} made under the same label.
     *
     * @throws StoreException when the blob was sealed with another key (or altered, or moved)
     */
    public byte[] open(byte[] sealed, String label) {
        int head = MAGIC.length + NONCE_BYTES;
        if (sealed.length < head + TAG_BITS / 8 || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StoreException(label + ": not a sealed file (damaged?)");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, MAGIC.length, NONCE_BYTES));
            c.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, head, sealed.length - head);
        } catch (AEADBadTagException e) {
            throw new StoreException(label + ": cannot be opened with the secrets key from " + origin
                    + " (sealed with another key, or altered)");
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot open " + label + ": " + e.getMessage(), e);
        }
    }

    /** Creates an empty file that only its owner can read or write, from its creation on. */
    static Path ownerOnlyFile(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, "", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, prefix, ""); // not POSIX: the store directory's own protection applies
        }
    }

    @Override
    public String toString() {
        return "SecretsKey[from " + origin + "]";
    }
}
