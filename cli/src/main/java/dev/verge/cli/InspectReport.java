package dev.verge.cli;

import dev.verge.core.model.CompositeType;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.Export;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.TableType;
import dev.verge.core.model.WasmModule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text {@code verge inspect} prints for a decoded module: one block per kind of content.
 * Tables, memories and globals are listed over their whole index space, imports first, as
 * instructions refer to them. Code sizes count instruction bytes, without the local declarations.
 */
final class InspectReport {
    private final String file;
    private final int size;
    private final List<SectionScanner.Section> sections;
    private final WasmModule module;
    private final PrintWriter out;

    InspectReport(String file, int size, List<SectionScanner.Section> sections, WasmModule module, PrintWriter out) {
        this.file = file;
        this.size = size;
        this.sections = sections;
        this.module = module;
        this.out = out;
    }

    void print() {
        out.println(file + ": " + size + " bytes");
        printSections();
        printTypes();
        printImports();
        printExports();
        printFunctions();
        printTables();
        printMemories();
        printGlobals();
        printStart();
        printElements();
        printData();
        printCustomSections();
        printNames();
    }

    /** Prints the block's title and returns false when the block is empty. */
    private boolean title(String what, int count) {
        out.println();
        if (count == 0) {
            out.println(what + ": none");
            return false;
        }
        out.println(what + " (" + count + "):");
        return true;
    }

    private void printSections() {
        if (!title("Sections", sections.size())) {
            return;
        }
        TextTable table = new TextTable("rllr").row("id", "name", "start", "size");
        for (SectionScanner.Section s : sections) {
            table.row(s.id(), s.displayName(), hex(s.start()), s.size());
        }
        table.print(out);
    }

    private void printTypes() {
        if (!title("Types", module.types().size())) {
            return;
        }
        TextTable table = new TextTable("rl");
        for (int i = 0; i < module.types().size(); i++) {
            table.row(i, module.types().get(i).composite());
        }
        table.print(out);
    }

    private void printImports() {
        if (!title("Imports", module.imports().size())) {
            return;
        }
        TextTable table = new TextTable("llll");
        int[] nextIndex = new int[5];
        for (Import i : module.imports()) {
            int index = nextIndex[i.type().kind().ordinal()]++;
            String what = switch (i.type()) {
                case FuncImport f -> "type " + f.typeIndex() + " " + signature(f.typeIndex());
                case TableType t -> table(t);
                case MemoryType m -> memory(m);
                case GlobalType g -> global(g);
            };
            table.row(i.type().kind().text(), index, i.module() + "." + i.name(), what);
        }
        table.print(out);
    }

    private void printExports() {
        if (!title("Exports", module.exports().size())) {
            return;
        }
        TextTable table = new TextTable("llr");
        for (Export e : module.exports()) {
            table.row(e.name(), e.kind().text(), e.index());
        }
        table.print(out);
    }

    private void printFunctions() {
        List<Integer> typeIndices = module.functionTypeIndices();
        int imported = typeIndices.size() - module.functions().size();
        long codeBytes = 0;
        for (FunctionBody body : module.codes()) {
            codeBytes += body.body().code().length();
        }
        out.println();
        out.println("Functions: " + typeIndices.size() + " (" + imported + " imported, "
                + module.functions().size() + " defined), code " + codeBytes + " bytes");
        if (typeIndices.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("rrlrrl").row("index", "type", "signature", "locals", "code", "name");
        for (int f = 0; f < typeIndices.size(); f++) {
            int type = typeIndices.get(f);
            int defined = f - imported;
            String name = module.names().functionName(f);
            if (defined < 0) {
                Import i = module.imports(ExternKind.FUNC).get(f);
                table.row(f, type, signature(type), "-", "import", name != null ? name : i.module() + "." + i.name());
            } else if (defined < module.codes().size()) {
                FunctionBody body = module.codes().get(defined);
                table.row(f, type, signature(type), body.localCount(), body.body().code().length(), name != null ? name : "");
            } else {
                table.row(f, type, signature(type), "-", "missing", name != null ? name : "");
            }
        }
        table.print(out);
    }

    private void printTables() {
        List<String> imported = importNames(ExternKind.TABLE);
        List<TableType> all = module.allTables();
        if (!title("Tables", all.size())) {
            return;
        }
        TextTable table = new TextTable("rll");
        for (int i = 0; i < all.size(); i++) {
            table.row(i, table(all.get(i)), importedAs(imported, i));
        }
        table.print(out);
    }

    private void printMemories() {
        List<String> imported = importNames(ExternKind.MEMORY);
        List<MemoryType> all = module.allMemories();
        if (!title("Memories", all.size())) {
            return;
        }
        TextTable table = new TextTable("rll");
        for (int i = 0; i < all.size(); i++) {
            table.row(i, memory(all.get(i)), importedAs(imported, i));
        }
        table.print(out);
    }

    private void printGlobals() {
        List<String> imported = importNames(ExternKind.GLOBAL);
        List<GlobalType> all = module.allGlobals();
        if (!title("Globals", all.size())) {
            return;
        }
        TextTable table = new TextTable("rll");
        for (int i = 0; i < all.size(); i++) {
            String init = i < imported.size()
                    ? importedAs(imported, i)
                    : "= " + ConstExprText.of(module.globals().get(i - imported.size()).init());
            table.row(i, global(all.get(i)), init);
        }
        table.print(out);
    }

    /** "module.name" of each import of one kind, in index order. */
    private List<String> importNames(ExternKind kind) {
        List<String> names = new ArrayList<>();
        for (Import i : module.imports(kind)) {
            names.add(i.module() + "." + i.name());
        }
        return names;
    }

    private static String importedAs(List<String> imported, int index) {
        return index < imported.size() ? "imported " + imported.get(index) : "";
    }

    private void printStart() {
        out.println();
        if (module.start() < 0) {
            out.println("Start: none");
        } else {
            String name = module.names().functionName(module.start());
            out.println("Start: function " + module.start() + (name != null ? " (" + name + ")" : ""));
        }
    }

    private void printElements() {
        if (!title("Element segments", module.elements().size())) {
            return;
        }
        TextTable table = new TextTable("rlrl");
        for (int i = 0; i < module.elements().size(); i++) {
            ElementSegment e = module.elements().get(i);
            table.row(i, e.type().text(), e.size() + " items", mode(e.mode(), "table"));
        }
        table.print(out);
    }

    private void printData() {
        long total = 0;
        for (DataSegment d : module.data()) {
            total += d.init().length();
        }
        if (!title("Data segments", module.data().size())) {
            return;
        }
        TextTable table = new TextTable("rrl");
        for (int i = 0; i < module.data().size(); i++) {
            DataSegment d = module.data().get(i);
            table.row(i, d.init().length() + " bytes", mode(d.mode(), "memory"));
        }
        table.print(out);
        out.println("  total " + total + " bytes");
    }

    private void printCustomSections() {
        if (!title("Custom sections", module.customSections().size())) {
            return;
        }
        TextTable table = new TextTable("lr");
        for (CustomSection c : module.customSections()) {
            table.row(c.name(), c.content().length() + " bytes");
        }
        table.print(out);
    }

    private void printNames() {
        NameSection names = module.names();
        out.println();
        if (names.equals(NameSection.EMPTY)) {
            out.println("Names: none");
            return;
        }
        out.println("Names: module " + (names.moduleName() == null ? "-" : "\"" + names.moduleName() + "\"")
                + ", " + names.functionNames().size() + " function names, local names in "
                + names.localNames().size() + " functions");
    }

    private String signature(int typeIndex) {
        if (typeIndex < 0 || typeIndex >= module.types().size()) {
            return "(no such type)";
        }
        CompositeType type = module.types().get(typeIndex).composite();
        return type instanceof FuncType f ? f.toString() : "(not a function type)";
    }

    private static String table(TableType t) {
        return t.element().text() + " " + limits(t.limits()) + (t.is64() ? " i64" : "");
    }

    private static String memory(MemoryType m) {
        return limits(m.limits()) + " pages" + (m.is64() ? " i64" : "") + (m.shared() ? " shared" : "");
    }

    private static String global(GlobalType g) {
        return (g.mutable() ? "mut " : "") + g.type().text();
    }

    private static String limits(Limits l) {
        return "min " + l.min() + (l.hasMax() ? " max " + l.max() : "");
    }

    private static String mode(SegmentMode mode, String space) {
        return switch (mode) {
            case SegmentMode.Passive p -> "passive";
            case SegmentMode.Declarative d -> "declarative";
            case SegmentMode.Active a -> "active " + space + " " + a.index() + " at " + ConstExprText.of(a.offset());
        };
    }

    private static String hex(int offset) {
        return String.format("0x%06x", offset);
    }
}
