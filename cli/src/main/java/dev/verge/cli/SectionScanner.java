package dev.verge.cli;

import dev.verge.core.binary.MalformedModuleException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the sections of a binary module with their offsets and sizes, reading only the section
 * headers (and custom sections' names). The decoder checks everything else; {@code inspect} runs
 * it first, so this only needs to stop cleanly on bytes it does not understand.
 */
final class SectionScanner {
    private static final String[] NAMES = {
        "custom", "type", "import", "function", "table", "memory", "global", "export", "start",
        "element", "code", "data", "datacount", "tag"
    };

    /**
     * One section.
     *
     * @param id the section id (0 for custom sections)
     * @param customName the custom section's name, else null
     * @param start the offset of the section's contents (after the id and size)
     * @param size the size of the contents in bytes
     */
    record Section(int id, String customName, int start, int size) {
        /** "type", "code", ... or {@code custom "NAME"}. */
        String displayName() {
            if (customName != null) {
                return "custom \"" + customName + "\"";
            }
            return id < NAMES.length ? NAMES[id] : "unknown";
        }
    }

    private SectionScanner() {}

    static List<Section> scan(byte[] bytes) {
        if (bytes.length < 8) {
            throw new MalformedModuleException("unexpected end", bytes.length);
        }
        List<Section> sections = new ArrayList<>();
        int[] pos = {8};
        while (pos[0] < bytes.length) {
            int id = bytes[pos[0]++] & 0xFF;
            int size = readU32(bytes, pos);
            int start = pos[0];
            if (size > bytes.length - start) {
                throw new MalformedModuleException("section size mismatch", start);
            }
            String customName = null;
            if (id == 0) {
                int nameLength = readU32(bytes, pos);
                if (nameLength > start + size - pos[0]) {
                    throw new MalformedModuleException("unexpected end", pos[0]);
                }
                customName = new String(bytes, pos[0], nameLength, StandardCharsets.UTF_8);
            }
            sections.add(new Section(id, customName, start, size));
            pos[0] = start + size;
        }
        return sections;
    }

    /** An unsigned LEB128 of at most 5 bytes whose value fits in an int. */
    private static int readU32(byte[] bytes, int[] pos) {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos[0] >= bytes.length) {
                throw new MalformedModuleException("unexpected end", pos[0]);
            }
            int b = bytes[pos[0]++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value > Integer.MAX_VALUE) {
                    throw new MalformedModuleException("integer too large", pos[0] - 1);
                }
                return (int) value;
            }
        }
        throw new MalformedModuleException("integer representation too long", pos[0] - 1);
    }
}
