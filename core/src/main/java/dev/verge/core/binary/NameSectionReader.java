package dev.verge.core.binary;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.NameSection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code name} custom section: the module name (subsection 0), function names (1) and
 * local names (2); other subsections are skipped. The spec makes custom sections advisory, so a
 * malformed name section is ignored as a whole and yields {@link NameSection#EMPTY}, never an
 * error.
 */
public final class NameSectionReader {
    private static final int MODULE = 0;
    private static final int FUNCTIONS = 1;
    private static final int LOCALS = 2;

    private NameSectionReader() {}

    /** The names in {@code content}, the payload of a custom section named {@code name}. */
    public static NameSection read(Bytes content) {
        int from = content.arrayOffset();
        WasmReader r = new WasmReader(content.unsafeArray(), from, from + content.length(), -from);
        try {
            return read(r);
        } catch (MalformedModuleException e) {
            return NameSection.EMPTY;
        }
    }

    private static NameSection read(WasmReader r) {
        String module = null;
        Map<Integer, String> functions = Map.of();
        Map<Integer, Map<Integer, String>> locals = Map.of();
        int lastId = -1;
        while (!r.atEnd()) {
            int id = r.u8();
            if (id <= lastId) {
                return NameSection.EMPTY; // subsections come once each, in order
            }
            lastId = id;
            int size = r.length();
            int end = r.pos() + size;
            if (end > r.limit()) {
                return NameSection.EMPTY;
            }
            switch (id) {
                case MODULE -> module = r.name();
                case FUNCTIONS -> functions = nameMap(r);
                case LOCALS -> locals = indirectNameMap(r);
                default -> r.seek(end);
            }
            if (r.pos() != end) {
                return NameSection.EMPTY;
            }
        }
        return new NameSection(module, functions, locals);
    }

    private static Map<Integer, String> nameMap(WasmReader r) {
        int n = r.length();
        Map<Integer, String> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = r.u32();
            out.put(index, r.name());
        }
        return out;
    }

    private static Map<Integer, Map<Integer, String>> indirectNameMap(WasmReader r) {
        int n = r.length();
        Map<Integer, Map<Integer, String>> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = r.u32();
            out.put(index, Map.copyOf(nameMap(r)));
        }
        return out;
    }
}
