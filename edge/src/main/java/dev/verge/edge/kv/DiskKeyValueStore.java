package dev.verge.edge.kv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A key-value store in a local directory: one file per key, named by the key's hex encoding (so no
 * key can name a path), written to a temporary file and renamed into place (a reader sees the old
 * or the new value, never half of one).
 */
public final class DiskKeyValueStore implements KeyValueStore {
    private static final HexFormat HEX = HexFormat.of();
    private final Path dir;

    public DiskKeyValueStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new KvException("cannot read key: " + e.getMessage(), e);
        }
    }

    @Override
    public void set(String key, byte[] value) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tmp-", "");
            Files.write(tmp, value);
            try {
                Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KvException("cannot write key: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new KvException("cannot delete key: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix, int limit) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("k") && n.length() % 2 == 1)
                    .map(n -> new String(HEX.parseHex(n.substring(1)), StandardCharsets.UTF_8))
                    .filter(k -> k.startsWith(prefix))
                    .sorted()
                    .limit(limit)
                    .toList();
        } catch (IOException | IllegalArgumentException e) {
            throw new KvException("cannot list keys: " + e.getMessage(), e);
        }
    }

    private Path file(String key) {
        return dir.resolve("k" + HEX.formatHex(key.getBytes(StandardCharsets.UTF_8)));
    }
}
