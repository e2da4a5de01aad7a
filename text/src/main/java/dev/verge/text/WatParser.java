package dev.verge.text;

import dev.verge.core.model.WasmModule;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a text-format module in two passes. The first pass walks the module's fields and binds
 * every identifier in its index space (so fields may refer to ones defined later) and reads the
 * explicit type definitions; the second parses each field completely, in order, appending implicit
 * types as type uses need them, as the spec prescribes.
 *
 * <p>The WAST script runner calls {@link #parseModuleForm(Lexer)} on a lexer positioned on a
 * {@code (module ...)} form.
 */
public final class WatParser {
    private final Lexer lx;
    private final Syntax s;
    private final ModuleContext ctx = new ModuleContext();
    private final TypeParser types;
    private final FieldParser fields;

    private WatParser(Lexer lexer) {
        this.lx = lexer;
        this.s = new Syntax(lexer);
        this.types = new TypeParser(s, ctx);
        this.fields = new FieldParser(s, ctx, types, new InstrParser(s, ctx, types));
    }

    /**
     * Parses a module's source: one {@code (module $name? field*)} or, as an abbreviation, the
     * fields alone.
     */
    public static WasmModule parse(String source) {
        Lexer lx = new Lexer(source);
        WasmModule module;
        if (lx.isParenKeyword("module")) {
            ModuleForm form = parseModuleForm(lx);
            if (form.kind() != ModuleForm.Kind.TEXT) {
                throw lx.errorAt(form.start(), "unexpected token");
            }
            module = form.module();
        } else {
            module = new WatParser(lx).fields(Token.EOF, null);
        }
        if (lx.kind() != Token.EOF) {
            throw lx.unexpected();
        }
        return module;
    }

    /**
     * Parses the {@code (module ...)} form at the lexer's current token and leaves the lexer on the
     * token after its closing parenthesis. Handles text modules and the script forms
     * {@code (module $name? binary "..."*)} and {@code (module $name? quote "..."*)}.
     */
    public static ModuleForm parseModuleForm(Lexer lx) {
        int start = lx.start();
        Syntax s = new Syntax(lx);
        s.lparen();
        s.keyword("module");
        boolean definition = false;
        if (lx.isKeyword("definition")) {
            definition = true;
            lx.advance();
        }
        String name = s.optId();
        if (!definition && lx.isKeyword("definition")) {
            definition = true;
            lx.advance();
        }
        if (lx.isKeyword("binary") || lx.isKeyword("quote")) {
            ModuleForm.Kind kind = lx.isKeyword("binary") ? ModuleForm.Kind.BINARY : ModuleForm.Kind.QUOTE;
            lx.advance();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (lx.kind() == Token.STRING) {
                bytes.writeBytes(s.string());
            }
            s.rparen();
            return new ModuleForm(name, kind, null, bytes.toByteArray(), definition, start);
        }
        WasmModule module = new WatParser(lx).fields(Token.RPAREN, name);
        s.rparen();
        return new ModuleForm(name, ModuleForm.Kind.TEXT, module, null, definition, start);
    }

    /** Parses fields up to (not including) a token of kind {@code end}. */
    private WasmModule fields(Token end, String name) {
        ctx.moduleName = name == null ? null : name.substring(1);
        List<Integer> starts = new ArrayList<>();
        while (lx.kind() == Token.LPAREN) {
            int start = lx.start();
            starts.add(start);
            fields.declare();
            lx.reset(start);
            lx.skipForm();
        }
        // A stray token after the fields is reported after the fields themselves are parsed, so
        // that an error inside a field wins, as it does in a one-pass parser.
        ParseException trailing = lx.kind() != end ? lx.unexpected() : null;
        int after = lx.start();
        for (int start : starts) {
            lx.reset(start);
            fields.define();
        }
        if (trailing != null) {
            throw trailing;
        }
        lx.reset(after);
        return ctx.build();
    }
}
