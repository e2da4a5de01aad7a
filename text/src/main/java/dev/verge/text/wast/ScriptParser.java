package dev.verge.text.wast;

import dev.verge.text.wast.SExpr.Atom;
import dev.verge.text.wast.SExpr.SList;
import dev.verge.text.wast.SExpr.Str;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns script text into {@link Command}s. A command the parser cannot understand becomes an
 * {@link Command.Unsupported} with the reason, so one odd command costs that command only; text
 * that is not even balanced S-expressions fails the whole script with a
 * {@link ScriptSyntaxException}.
 */
public final class ScriptParser {
    /** Module fields: a script made of these alone is one inline module (Wasm 3.0 tests). */
    private static final Set<String> MODULE_FIELDS = Set.of(
            "type", "rec", "import", "func", "table", "memory", "global", "export", "start", "elem", "data", "tag");

    private final String source;

    private ScriptParser(String source) {
        this.source = source;
    }

    /** Parses a whole script. */
    public static List<Command> parse(String source) {
        return new ScriptParser(source).commands(SExprReader.read(source));
    }

    private List<Command> commands(List<SExpr> top) {
        List<Command> out = new ArrayList<>();
        int i = 0;
        while (i < top.size()) {
            SExpr e = top.get(i);
            if (isModuleField(e)) {
                int j = i;
                while (j < top.size() && isModuleField(top.get(j))) {
                    j++;
                }
                String fields = source.substring(e.start(), top.get(j - 1).end());
                out.add(new Command.ModuleCommand(e.line(), new WastModule.Text(null, "(module " + fields + ")", e.line()), false));
                i = j;
                continue;
            }
            out.add(command(e));
            i++;
        }
        return out;
    }

    private static boolean isModuleField(SExpr e) {
        return e instanceof SList l && l.head() != null && MODULE_FIELDS.contains(l.head());
    }

    private Command command(SExpr e) {
        if (!(e instanceof SList l) || l.head() == null) {
            return new Command.Unsupported(e.line(), "?", "expected a command, found " + describe(e));
        }
        try {
            return switch (l.head()) {
                case "module" -> moduleCommand(l);
                case "register" -> register(l);
                case "invoke", "get" -> new Command.ActionCommand(l.line(), action(l));
                case "assert_return" -> assertReturn(l);
                case "assert_trap" -> assertTrap(l);
                case "assert_exhaustion" -> new Command.AssertExhaustion(l.line(), action(list(l, 1)), message(l, 2));
                case "assert_exception" -> new Command.AssertException(l.line(), action(list(l, 1)));
                case "assert_malformed" -> new Command.AssertMalformed(l.line(), module(list(l, 1)), message(l, 2));
                case "assert_invalid" -> new Command.AssertInvalid(l.line(), module(list(l, 1)), message(l, 2));
                case "assert_unlinkable" -> new Command.AssertUnlinkable(l.line(), module(list(l, 1)), message(l, 2));
                case "assert_uninstantiable" -> new Command.AssertModuleTrap(l.line(), module(list(l, 1)), message(l, 2));
                case "script", "input", "output" -> new Command.Unsupported(l.line(), l.head(), "meta command '" + l.head() + "' is not supported");
                default -> new Command.Unsupported(l.line(), l.head(), "unknown command '" + l.head() + "'");
            };
        } catch (ScriptSyntaxException ex) {
            return new Command.Unsupported(l.line(), l.head(), "cannot read command: " + ex.getMessage());
        }
    }

    private Command moduleCommand(SList l) {
        if (l.size() > 1 && l.get(1) instanceof Atom a && a.text().equals("instance")) {
            String instance = name(l, 2);
            String module = instance == null ? null : name(l, 3);
            if (module == null) {
                module = instance;
                instance = null;
            }
            return new Command.ModuleInstance(l.line(), instance, module);
        }
        boolean definition = l.size() > 1 && l.get(1) instanceof Atom a && a.text().equals("definition");
        return new Command.ModuleCommand(l.line(), module(l), definition);
    }

    /** A {@code (module ...)} form in any of its shapes. */
    private WastModule module(SList l) {
        if (!"module".equals(l.head())) {
            throw error(l, "expected a module, found " + describe(l));
        }
        int i = 1;
        boolean definition = false;
        if (i < l.size() && l.get(i) instanceof Atom a && a.text().equals("definition")) {
            definition = true;
            i++;
        }
        String name = null;
        if (i < l.size() && l.get(i) instanceof Atom a && a.text().startsWith("$")) {
            name = a.text();
            i++;
        }
        if (i < l.size() && l.get(i) instanceof Atom a && (a.text().equals("binary") || a.text().equals("quote"))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int j = i + 1; j < l.size(); j++) {
                if (!(l.get(j) instanceof Str s)) {
                    throw error(l.get(j), "expected a string");
                }
                bytes.writeBytes(s.bytes());
            }
            return a.text().equals("binary")
                    ? new WastModule.Binary(name, bytes.toByteArray())
                    : new WastModule.Quote(name, bytes.toByteArray());
        }
        if (!definition) {
            return new WastModule.Text(name, source.substring(l.start(), l.end()), l.line());
        }
        // Drop the script-only keyword 'definition' so the WAT parser sees a plain module.
        int fieldsStart = i < l.size() ? l.get(i).start() : l.end() - 1;
        String text = "(module " + (name == null ? "" : name + " ") + source.substring(fieldsStart, l.end());
        return new WastModule.Text(name, text, l.line());
    }

    private Command register(SList l) {
        if (l.size() < 2 || !(l.get(1) instanceof Str s)) {
            throw error(l, "expected (register \"name\" $instance?)");
        }
        return new Command.Register(l.line(), s.text(), name(l, 2));
    }

    private Action action(SList l) {
        String head = l.head();
        if (!"invoke".equals(head) && !"get".equals(head)) {
            throw error(l, "expected an action, found " + describe(l));
        }
        int i = 1;
        String instance = name(l, i);
        if (instance != null) {
            i++;
        }
        if (i >= l.size() || !(l.get(i) instanceof Str s)) {
            throw error(l, "expected an export name");
        }
        if (head.equals("get")) {
            return new Action.Get(instance, s.text());
        }
        List<WastValue> args = new ArrayList<>();
        for (int j = i + 1; j < l.size(); j++) {
            args.add(Values.constant(list(l, j)));
        }
        return new Action.Invoke(instance, s.text(), args);
    }

    private Command assertReturn(SList l) {
        Action action = action(list(l, 1));
        List<ResultPattern> expected = new ArrayList<>();
        for (int j = 2; j < l.size(); j++) {
            expected.add(Values.pattern(list(l, j)));
        }
        return new Command.AssertReturn(l.line(), action, expected);
    }

    private Command assertTrap(SList l) {
        SList target = list(l, 1);
        if ("module".equals(target.head())) {
            return new Command.AssertModuleTrap(l.line(), module(target), message(l, 2));
        }
        return new Command.AssertTrap(l.line(), action(target), message(l, 2));
    }

    private static String name(SList l, int index) {
        return index < l.size() && l.get(index) instanceof Atom a && a.text().startsWith("$") ? a.text() : null;
    }

    private static SList list(SList l, int index) {
        if (index >= l.size() || !(l.get(index) instanceof SList inner)) {
            throw error(index < l.size() ? l.get(index) : l, "expected a parenthesized form");
        }
        return inner;
    }

    private static String message(SList l, int index) {
        if (index >= l.size() || !(l.get(index) instanceof Str s)) {
            throw error(l, "expected a failure message string");
        }
        return s.text();
    }

    static ScriptSyntaxException error(SExpr at, String reason) {
        return new ScriptSyntaxException(at.line(), at.column(), reason);
    }

    static String describe(SExpr e) {
        return switch (e) {
            case SList l -> l.head() == null ? "a list" : "(" + l.head() + " ...)";
            case Atom a -> "'" + a.text() + "'";
            case Str s -> "a string";
        };
    }
}
