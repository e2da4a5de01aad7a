package dev.verge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text printed in aligned columns: two spaces of indent and between columns, numbers
 * right-aligned, everything else left-aligned, no trailing spaces.
 */
final class TextTable {
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** One letter per column: {@code r} for right-aligned, {@code l} for left-aligned. */
    TextTable(String alignment) {
        rightAligned = new boolean[alignment.length()];
        for (int i = 0; i < rightAligned.length; i++) {
            rightAligned[i] = alignment.charAt(i) == 'r';
        }
    }

    TextTable row(Object... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + rightAligned.length + " columns");
        }
        String[] texts = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            texts[i] = String.valueOf(cells[i]);
        }
        rows.add(texts);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append("  ").append(rightAligned[i] ? pad + row[i] : row[i] + pad);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
