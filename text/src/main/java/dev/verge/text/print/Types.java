package dev.verge.text.print;

import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.ConcreteHeapType;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.nio.charset.StandardCharsets;

/** Text for types, limits and strings. */
final class Types {
    private Types() {}

    static String heap(HeapType h) {
        return switch (h) {
            case AbsHeapType a -> a.text();
            case ConcreteHeapType c -> Integer.toUnsignedString(c.typeIndex());
        };
    }

    static String limits(Limits l) {
        return Long.toUnsignedString(l.min()) + (l.hasMax() ? " " + Long.toUnsignedString(l.max()) : "");
    }

    static String table(TableType t) {
        return (t.is64() ? "i64 " : "") + limits(t.limits()) + " " + t.element().text();
    }

    static String memory(MemoryType m) {
        return (m.is64() ? "i64 " : "") + limits(m.limits()) + (m.shared() ? " shared" : "");
    }

    /** {@code (param i32 i64) (result f32)}, each part only when non-empty; leading space. */
    static String signature(FuncType f) {
        StringBuilder sb = new StringBuilder();
        if (!f.params().isEmpty()) {
            sb.append(" (param");
            for (ValType t : f.params()) {
                sb.append(' ').append(t.text());
            }
            sb.append(')');
        }
        sb.append(results(f));
        return sb.toString();
    }

    static String results(FuncType f) {
        StringBuilder sb = new StringBuilder();
        if (!f.results().isEmpty()) {
            sb.append(" (result");
            for (ValType t : f.results()) {
                sb.append(' ').append(t.text());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    static String string(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append('\\').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return sb.append('"').toString();
    }

    static String string(String s) {
        return string(s.getBytes(StandardCharsets.UTF_8));
    }
}
