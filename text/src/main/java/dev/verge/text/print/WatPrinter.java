package dev.verge.text.print;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;

/**
 * Prints a module in the text format, the way {@code wasm2wat} does: one field per line,
 * instructions flat and indented by block depth, {@code (;N;)} comments giving each definition's
 * index, and names from the {@code name} section as {@code $identifiers}. The output parses back
 * to the same module.
 *
 * <p>The module need not be valid (only decodable): indices are printed as they are, so an
 * invalid module prints as the text of the same invalid module.
 */
public final class WatPrinter {
    private final WasmModule module;
    private final Names names;
    private final StringBuilder out = new StringBuilder();

    private WatPrinter(WasmModule module) {
        this.module = module;
        this.names = new Names(module.names());
    }

    /** The module's text, ending with a newline. */
    public static String print(WasmModule module) {
        return new WatPrinter(module).module();
    }

    private String module() {
        out.append("(module");
        String name = module.names().moduleName();
        if (Names.isId(name)) {
            out.append(" $").append(name);
        }
        for (int i = 0; i < module.types().size(); i++) {
            type(i, module.types().get(i));
        }
        int[] counts = new int[5];
        for (Import im : module.imports()) {
            importField(im, counts);
        }
        int firstDefined = counts[0];
        for (int i = 0; i < module.functions().size(); i++) {
            function(firstDefined + i, module.functions().get(i), i < module.codes().size() ? module.codes().get(i) : null);
        }
        for (int i = 0; i < module.tables().size(); i++) {
            field("table", counts[1] + i, Types.table(module.tables().get(i)));
        }
        for (int i = 0; i < module.memories().size(); i++) {
            field("memory", counts[2] + i, Types.memory(module.memories().get(i)));
        }
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            field("global", counts[3] + i, globalType(g.type()) + inline(g.init()));
        }
        for (Export e : module.exports()) {
            String target = switch (e.kind()) {
                case FUNC -> names.function(e.index());
                default -> Integer.toUnsignedString(e.index());
            };
            out.append("\n  (export ").append(Types.string(e.name())).append(" (")
                    .append(e.kind().text()).append(' ').append(target).append("))");
        }
        if (module.start() >= 0) {
            out.append("\n  (start ").append(names.function(module.start())).append(')');
        }
        for (int i = 0; i < module.elements().size(); i++) {
            element(i, module.elements().get(i));
        }
        for (int i = 0; i < module.data().size(); i++) {
            data(i, module.data().get(i));
        }
        boolean comments = false;
        for (CustomSection c : module.customSections()) {
            // The name section is printed as the $identifiers; other custom sections have no text form.
            if (!c.name().equals("name")) {
                out.append("\n  ;; custom section ").append(Types.string(c.name())).append(", ")
                        .append(c.content().length()).append(" bytes");
                comments = true;
            }
        }
        return out.append(comments ? "\n)\n" : ")\n").toString();
    }

    private void field(String keyword, int index, String rest) {
        out.append("\n  (").append(keyword).append(" (;").append(index).append(";) ").append(rest).append(')');
    }

    private void type(int index, SubType t) {
        String func = t.composite() instanceof FuncType f ? "(func" + Types.signature(f) + ")" : "(func)";
        if (t.isFinal() && t.supertypes().isEmpty()) {
            field("type", index, func);
            return;
        }
        StringBuilder sb = new StringBuilder("(sub");
        if (t.isFinal()) {
            sb.append(" final");
        }
        for (int s : t.supertypes()) {
            sb.append(' ').append(Integer.toUnsignedString(s));
        }
        field("type", index, sb.append(' ').append(func).append(')').toString());
    }

    private void importField(Import im, int[] counts) {
        out.append("\n  (import ").append(Types.string(im.module())).append(' ').append(Types.string(im.name())).append(' ');
        int index = counts[im.type().kind().ordinal()]++;
        String desc = switch (im.type()) {
            case FuncImport f -> "(func" + names.functionDeclaration(index) + " (;" + index + ";) (type "
                    + Integer.toUnsignedString(f.typeIndex()) + "))";
            case TableType t -> "(table (;" + index + ";) " + Types.table(t) + ")";
            case MemoryType m -> "(memory (;" + index + ";) " + Types.memory(m) + ")";
            case GlobalType g -> "(global (;" + index + ";) " + globalType(g) + ")";
        };
        out.append(desc).append(')');
    }

    private static String globalType(GlobalType g) {
        return g.mutable() ? "(mut " + g.type().text() + ")" : g.type().text();
    }

    private FuncType funcType(int typeIndex) {
        if (typeIndex >= 0 && typeIndex < module.types().size() && module.types().get(typeIndex).composite() instanceof FuncType f) {
            return f;
        }
        return null;
    }

    private void function(int index, int typeIndex, FunctionBody body) {
        out.append("\n  (func").append(names.functionDeclaration(index)).append(" (;").append(index).append(";) (type ")
                .append(Integer.toUnsignedString(typeIndex)).append(')');
        FuncType f = funcType(typeIndex);
        int local = 0;
        if (f != null) {
            for (ValType p : f.params()) {
                out.append(" (param").append(names.localDeclaration(index, local++)).append(' ').append(p.text()).append(')');
            }
            out.append(Types.results(f));
        }
        if (body != null) {
            for (Locals l : body.locals()) {
                for (long n = 0; n < l.count(); n++) {
                    out.append("\n    (local").append(names.localDeclaration(index, local++)).append(' ').append(l.type().text()).append(')');
                }
            }
            CodeReader.read(body.body(), new InstructionPrinter(out, names, index, "    ", false));
        }
        out.append(')');
    }

    /** A constant expression as folded forms, with a leading space: {@code " (i32.const 0)"}. */
    private String inline(Expr e) {
        StringBuilder sb = new StringBuilder();
        CodeReader.read(e, new InstructionPrinter(sb, names, -1, "", true));
        return sb.toString();
    }

    private void element(int index, ElementSegment e) {
        StringBuilder sb = new StringBuilder();
        switch (e.mode()) {
            case SegmentMode.Active a -> {
                if (a.index() != 0) {
                    sb.append("(table ").append(Integer.toUnsignedString(a.index())).append(") ");
                }
                sb.append("(offset").append(inline(a.offset())).append(')');
            }
            case SegmentMode.Declarative d -> sb.append("declare");
            case SegmentMode.Passive p -> {}
        }
        if (e.usesExpressions()) {
            sb.append(sb.isEmpty() ? "" : " ").append(e.type().text());
            for (Expr item : e.expressions()) {
                sb.append(" (item").append(inline(item)).append(')');
            }
        } else {
            sb.append(sb.isEmpty() ? "" : " ").append("func");
            for (int f : e.functionIndices()) {
                sb.append(' ').append(names.function(f));
            }
        }
        field("elem", index, sb.toString());
    }

    private void data(int index, DataSegment d) {
        StringBuilder sb = new StringBuilder();
        if (d.mode() instanceof SegmentMode.Active a) {
            if (a.index() != 0) {
                sb.append("(memory ").append(Integer.toUnsignedString(a.index())).append(") ");
            }
            sb.append("(offset").append(inline(a.offset())).append(") ");
        }
        field("data", index, sb.append(Types.string(d.init().toArray())).toString());
    }
}
