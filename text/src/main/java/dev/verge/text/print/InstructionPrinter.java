package dev.verge.text.print;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Imm;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import dev.verge.text.wast.FloatText;
import java.util.List;

/**
 * Prints instructions in the flat text format, one per line, indented by block depth. Mnemonics
 * come from {@link Op}; floats are printed so that they read back to the same bits. The final
 * {@code end} of a function body or constant expression is not printed (the enclosing form's
 * closing parenthesis stands for it).
 */
final class InstructionPrinter implements InstrVisitor {
    private final StringBuilder out;
    private final Names names;
    private final int function;
    private final String baseIndent;
    private int depth;
    /** When set, instructions are written inline as {@code (instr)} forms (constant expressions). */
    private final boolean inline;

    InstructionPrinter(StringBuilder out, Names names, int function, String baseIndent, boolean inline) {
        this.out = out;
        this.names = names;
        this.function = function;
        this.baseIndent = baseIndent;
        this.inline = inline;
    }

    private void line(String text) {
        if (inline) {
            out.append(" (").append(text).append(')');
            return;
        }
        out.append('\n').append(baseIndent);
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        out.append(text);
    }

    @Override
    public void op(Op op) {
        switch (op) {
            case END -> {
                if (depth > 0) {
                    depth--;
                    line("end");
                }
            }
            case ELSE -> {
                depth--;
                line("else");
                depth++;
            }
            default -> line(op.mnemonic());
        }
    }

    @Override
    public void block(Op op, BlockType type) {
        line(op.mnemonic() + blockType(type));
        depth++;
    }

    private static String blockType(BlockType type) {
        return switch (type) {
            case BlockType.Empty e -> "";
            case BlockType.Value v -> " (result " + v.type().text() + ")";
            case BlockType.Index i -> " (type " + Integer.toUnsignedString(i.index()) + ")";
        };
    }

    @Override
    public void branch(Op op, int label) {
        line(op.mnemonic() + " " + Integer.toUnsignedString(label));
    }

    @Override
    public void brTable(int[] labels, int defaultLabel) {
        StringBuilder sb = new StringBuilder("br_table");
        for (int l : labels) {
            sb.append(' ').append(Integer.toUnsignedString(l));
        }
        line(sb.append(' ').append(Integer.toUnsignedString(defaultLabel)).toString());
    }

    @Override
    public void index(Op op, int index) {
        String i = Integer.toUnsignedString(index);
        line(switch (op.imm()) {
            case FUNC -> op.mnemonic() + " " + names.function(index);
            case LOCAL -> op.mnemonic() + " " + names.local(function, index);
            // memory.size/grow/fill name memory 0 implicitly; Wasm 2.0 text has no index there.
            case MEMORY -> index == 0 ? op.mnemonic() : op.mnemonic() + " " + i;
            default -> op.mnemonic() + " " + i;
        });
    }

    @Override
    public void index2(Op op, int first, int second) {
        String a = Integer.toUnsignedString(first);
        String b = Integer.toUnsignedString(second);
        line(switch (op.imm()) {
            case TYPE_TABLE -> op.mnemonic() + (second == 0 ? "" : " " + b) + " (type " + a + ")";
            case DATA_MEMORY -> op.mnemonic() + (second == 0 ? "" : " " + b) + " " + a;
            case ELEM_TABLE -> op.mnemonic() + (second == 0 ? "" : " " + b) + " " + a;
            case MEMORY_MEMORY, TABLE_TABLE ->
                first == 0 && second == 0 && op.imm() == Imm.MEMORY_MEMORY ? op.mnemonic() : op.mnemonic() + " " + a + " " + b;
            default -> op.mnemonic() + " " + a + " " + b;
        });
    }

    private static String memarg(Op op, int alignLog2, long offset, int memoryIndex) {
        StringBuilder sb = new StringBuilder(op.mnemonic());
        if (memoryIndex != 0) {
            sb.append(' ').append(Integer.toUnsignedString(memoryIndex));
        }
        if (offset != 0) {
            sb.append(" offset=").append(Long.toUnsignedString(offset));
        }
        if (op.accessBytes() == 0 || (1L << alignLog2) != op.accessBytes()) {
            sb.append(" align=").append(alignLog2 < 63 && alignLog2 >= 0 ? Long.toUnsignedString(1L << alignLog2) : "0");
        }
        return sb.toString();
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        line(memarg(op, alignLog2, offset, memoryIndex));
    }

    @Override
    public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
        line(memarg(op, alignLog2, offset, memoryIndex) + " " + lane);
    }

    @Override
    public void lane(Op op, int lane) {
        line(op.mnemonic() + " " + lane);
    }

    @Override
    public void shuffle(byte[] lanes) {
        StringBuilder sb = new StringBuilder("i8x16.shuffle");
        for (byte l : lanes) {
            sb.append(' ').append(l & 0xFF);
        }
        line(sb.toString());
    }

    @Override
    public void i32Const(int value) {
        line("i32.const " + value);
    }

    @Override
    public void i64Const(long value) {
        line("i64.const " + value);
    }

    @Override
    public void f32Const(int bits) {
        line("f32.const " + FloatText.f32(bits));
    }

    @Override
    public void f64Const(long bits) {
        line("f64.const " + FloatText.f64(bits));
    }

    @Override
    public void v128Const(long low, long high) {
        line(String.format("v128.const i32x4 0x%08x 0x%08x 0x%08x 0x%08x",
                (int) low, (int) (low >>> 32), (int) high, (int) (high >>> 32)));
    }

    @Override
    public void selectTyped(List<ValType> types) {
        StringBuilder sb = new StringBuilder("select");
        for (ValType t : types) {
            sb.append(" (result ").append(t.text()).append(')');
        }
        line(sb.toString());
    }

    @Override
    public void refNull(HeapType type) {
        line("ref.null " + Types.heap(type));
    }
}
