package dev.verge.core.compile;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code br_table} too long for a {@code tableswitch} of its own: a {@code tableswitch} costs
 * four bytes per label, and a method holds at most 64 KB (HotSpot compiles none over 8,000 bytes).
 * The table is kept as string constants instead, one char per label giving the ordinal of its
 * target among the distinct targets (at most one per open block); {@code String.charAt} reads it
 * and a small {@code tableswitch} on the ordinal jumps.
 */
final class BrTableDispatch {
    /** Tables with more labels than this are dispatched through string constants. */
    static final int MAX_SWITCH_LABELS = 512;
    private static final int CHUNK_BITS = 13;
    /** Chars per string constant: at most three bytes each, well inside a constant's 65,535. */
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final MethodTypeDesc CHAR_AT = MethodTypeDesc.of(ConstantDescs.CD_char, ConstantDescs.CD_int);

    private BrTableDispatch() {}

    /** With the index on the stack, jumps to {@code entry} of the label the index selects. */
    static void emit(CodeBuilder cb, int[] labels, int defaultLabel, Map<Integer, Label> entry) {
        List<Integer> distinct = new ArrayList<>();
        Map<Integer, Integer> ordinal = new HashMap<>();
        StringBuilder chars = new StringBuilder(labels.length);
        for (int l : labels) {
            Integer o = ordinal.get(l);
            if (o == null) {
                o = distinct.size();
                ordinal.put(l, o);
                distinct.add(l);
            }
            chars.append((char) (int) o);
        }
        int defaultOrdinal = ordinal.computeIfAbsent(defaultLabel, l -> {
            distinct.add(l);
            return distinct.size() - 1;
        });
        int index = cb.allocateLocal(TypeKind.INT);
        cb.istore(index);
        Label outOfRange = cb.newLabel();
        Label dispatch = cb.newLabel();
        // The index is a u32: negative as an int means 2^31 or more, past every table.
        cb.iload(index).iflt(outOfRange);
        cb.iload(index).loadConstant(labels.length).if_icmpge(outOfRange);
        int chunks = (labels.length + CHUNK - 1) / CHUNK;
        if (chunks == 1) {
            readChar(cb, chars.toString(), index, false);
            cb.goto_(dispatch);
        } else {
            List<SwitchCase> cases = new ArrayList<>();
            List<Label> chunkLabels = new ArrayList<>();
            for (int k = 0; k < chunks; k++) {
                Label l = cb.newLabel();
                chunkLabels.add(l);
                cases.add(SwitchCase.of(k, l));
            }
            cb.iload(index).loadConstant(CHUNK_BITS).iushr();
            cb.tableswitch(0, chunks - 1, outOfRange, cases);
            for (int k = 0; k < chunks; k++) {
                cb.labelBinding(chunkLabels.get(k));
                readChar(cb, chars.substring(k * CHUNK, Math.min(labels.length, (k + 1) * CHUNK)), index, true);
                cb.goto_(dispatch);
            }
        }
        cb.labelBinding(outOfRange);
        cb.loadConstant(defaultOrdinal);
        cb.labelBinding(dispatch);
        List<SwitchCase> targets = new ArrayList<>(distinct.size());
        for (int o = 0; o < distinct.size(); o++) {
            targets.add(SwitchCase.of(o, entry.get(distinct.get(o))));
        }
        cb.tableswitch(0, distinct.size() - 1, entry.get(defaultLabel), targets);
    }

    private static void readChar(CodeBuilder cb, String table, int index, boolean masked) {
        cb.loadConstant(table).iload(index);
        if (masked) {
            cb.loadConstant(CHUNK - 1).iand();
        }
        cb.invokevirtual(ConstantDescs.CD_String, "charAt", CHAR_AT);
    }
}
