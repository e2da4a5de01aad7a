package dev.verge.text.wast;

import dev.verge.core.VergeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs WAST scripts: the library behind {@code verge wast} and the project's JUnit tests.
 *
 * <p>Every command gets a {@link CommandResult}; nothing is skipped. A command that throws
 * anything unexpected fails with that exception's description instead of ending the run.
 *
 * <p>Failure messages ({@code assert_malformed}, {@code assert_invalid}, {@code assert_trap}, ...)
 * are matched the way the reference interpreter matches them: the expected text must be a prefix
 * of Verge's reason. Because Verge's reasons may carry a little more context after the spec's
 * wording, containment anywhere in the reason is accepted as well; the outcome itself (malformed,
 * invalid, unlinkable, trap, exhaustion) must always be the one asserted.
 */
public final class WastRunner {
    private final Toolchain toolchain;
    private final Supplier<WastEngine> engines;

    /**
     * @param engines makes a fresh engine for each script, so that registrations stay per script
     */
    public WastRunner(Toolchain toolchain, Supplier<WastEngine> engines) {
        this.toolchain = toolchain;
        this.engines = engines;
    }

    /** The runner Verge ships: its own text parser, decoder, validator and engine. */
    public static WastRunner standard() {
        return standard(dev.verge.core.runtime.EngineConfig.DEFAULT);
    }

    /** The runner Verge ships, its engine configured by {@code config}. */
    public static WastRunner standard(dev.verge.core.runtime.EngineConfig config) {
        dev.verge.core.runtime.Engine engine = new dev.verge.core.runtime.Engine(config);
        return new WastRunner(StandardToolchain.create(), () -> new VergeWastEngine(engine));
    }

    /** Runs one script whose text is {@code source}; {@code name} is only used in the result. */
    public ScriptResult run(String name, String source) {
        List<Command> commands;
        try {
            commands = ScriptParser.parse(source);
        } catch (ScriptSyntaxException e) {
            return ScriptResult.unreadable(name, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return ScriptResult.unreadable(name, "cannot read script: " + e);
        }
        ScriptRun run = new ScriptRun(toolchain, engines.get());
        List<CommandResult> results = new ArrayList<>(commands.size());
        for (Command c : commands) {
            CommandResult r;
            try {
                r = run.execute(c);
            } catch (RuntimeException | Error e) {
                r = CommandResult.fail(c, "no Java exception", "unexpected " + e);
            }
            results.add(r);
        }
        return new ScriptResult(name, results, null);
    }

    /** Whether a reported failure message satisfies the one a script expects. */
    public static boolean messageMatches(String expected, String actual) {
        return actual != null && (actual.startsWith(expected) || actual.contains(expected));
    }

    /** The state of one script run: its engine, its defined modules and its instances. */
    private static final class ScriptRun {
        private final Toolchain toolchain;
        private final WastEngine engine;
        private final Map<String, ModuleOutcome.Loaded> definitions = new HashMap<>();
        private final Map<String, WastEngine.Instance> instances = new HashMap<>();
        /** Instances that failed to come into being, by name, with why (for later actions' reports). */
        private final Map<String, String> missing = new HashMap<>();
        private WastEngine.Instance current;
        private String currentMissing = "no module defined yet";

        ScriptRun(Toolchain toolchain, WastEngine engine) {
            this.toolchain = toolchain;
            this.engine = engine;
        }

        CommandResult execute(Command c) {
            return switch (c) {
                case Command.ModuleCommand m -> module(m);
                case Command.ModuleInstance i -> moduleInstance(i);
                case Command.Register r -> register(r);
                case Command.ActionCommand a -> action(a);
                case Command.AssertReturn a -> assertReturn(a);
                case Command.AssertTrap a -> expectFailure(c, a.action(), WastEngineException.Kind.TRAP, a.message());
                case Command.AssertExhaustion a -> expectFailure(c, a.action(), WastEngineException.Kind.EXHAUSTION, a.message());
                case Command.AssertException a -> expectFailure(c, a.action(), WastEngineException.Kind.EXCEPTION, null);
                case Command.AssertMalformed a -> assertMalformed(a);
                case Command.AssertInvalid a -> assertInvalid(a);
                case Command.AssertUnlinkable a -> assertInstantiationFails(c, a.module(), WastEngineException.Kind.UNLINKABLE, a.message());
                case Command.AssertModuleTrap a -> assertInstantiationFails(c, a.module(), WastEngineException.Kind.TRAP, a.message());
                case Command.Unsupported u -> CommandResult.fail(c, "a supported command", u.reason());
            };
        }

        private ModuleOutcome load(WastModule m) {
            String step = "parse";
            try {
                byte[] binary = switch (m) {
                    case WastModule.Binary b -> b.bytes();
                    case WastModule.Text t -> toolchain.parseText(t.source().getBytes(StandardCharsets.UTF_8));
                    case WastModule.Quote q -> toolchain.parseText(q.text());
                };
                step = "decode";
                var module = toolchain.decode(binary);
                step = "validate";
                try {
                    return new ModuleOutcome.Loaded(binary, module, toolchain.validate(module));
                } catch (VergeException e) {
                    return new ModuleOutcome.Invalid(toolchain.reason(e));
                }
            } catch (VergeException e) {
                return new ModuleOutcome.Malformed(toolchain.reason(e));
            } catch (RuntimeException | StackOverflowError e) {
                return new ModuleOutcome.Crashed(step + ": " + e);
            }
        }

        private CommandResult module(Command.ModuleCommand c) {
            String name = c.module().name();
            ModuleOutcome o = load(c.module());
            if (!(o instanceof ModuleOutcome.Loaded loaded)) {
                forget(name, "its module did not load (" + ModuleOutcome.describe(o) + ")");
                return CommandResult.fail(c, "a valid module", ModuleOutcome.describe(o));
            }
            // "" is the most recent module, for (module instance) without a module name.
            definitions.put("", loaded);
            if (name != null) {
                definitions.put(name, loaded);
            }
            if (c.definitionOnly()) {
                return CommandResult.pass(c);
            }
            return instantiate(c, name, loaded);
        }

        private CommandResult moduleInstance(Command.ModuleInstance c) {
            ModuleOutcome.Loaded loaded = definitions.get(c.module() == null ? "" : c.module());
            if (loaded == null) {
                forget(c.instance(), "unknown module " + c.module());
                return CommandResult.fail(c, "a defined module", "unknown module " + c.module());
            }
            return instantiate(c, c.instance(), loaded);
        }

        private CommandResult instantiate(Command c, String name, ModuleOutcome.Loaded loaded) {
            if (!engine.available()) {
                // Decoding and validating is all that can be checked; actions on it will fail.
                forget(name, "engine not available");
                return CommandResult.pass(c);
            }
            try {
                WastEngine.Instance instance = engine.instantiate(loaded.binary(), loaded.module(), loaded.validated());
                current = instance;
                if (name != null) {
                    instances.put(name, instance);
                    missing.remove(name);
                }
                return CommandResult.pass(c);
            } catch (WastEngineException e) {
                forget(name, "its instantiation failed (" + e + ")");
                return CommandResult.fail(c, "an instance", e.toString());
            }
        }

        private void forget(String name, String why) {
            current = null;
            currentMissing = why;
            if (name != null) {
                instances.remove(name);
                missing.put(name, why);
            }
        }

        private WastEngine.Instance instance(String name) throws WastEngineException {
            if (!engine.available()) {
                throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED, "engine not available");
            }
            WastEngine.Instance i = name == null ? current : instances.get(name);
            if (i == null) {
                String why = name == null ? currentMissing : missing.getOrDefault(name, "unknown instance " + name);
                throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED, "no instance: " + why);
            }
            return i;
        }

        private CommandResult register(Command.Register c) {
            try {
                engine.register(c.as(), instance(c.instance()));
                return CommandResult.pass(c);
            } catch (WastEngineException e) {
                return CommandResult.fail(c, "registered as \"" + c.as() + "\"", e.toString());
            }
        }

        private List<WastValue> perform(Action a) throws WastEngineException {
            WastEngine.Instance i = instance(a.instance());
            return switch (a) {
                case Action.Invoke inv -> i.invoke(inv.export(), inv.args());
                case Action.Get g -> List.of(i.get(g.export()));
            };
        }

        private CommandResult action(Command.ActionCommand c) {
            try {
                perform(c.action());
                return CommandResult.pass(c);
            } catch (WastEngineException e) {
                return CommandResult.fail(c, "a normal return", e.toString());
            }
        }

        private CommandResult assertReturn(Command.AssertReturn c) {
            String expected = c.expected().toString();
            List<WastValue> actual;
            try {
                actual = perform(c.action());
            } catch (WastEngineException e) {
                return CommandResult.fail(c, expected, e.toString());
            }
            boolean ok = actual.size() == c.expected().size();
            for (int i = 0; ok && i < actual.size(); i++) {
                ok = ResultMatcher.matches(c.expected().get(i), actual.get(i));
            }
            return ok ? CommandResult.pass(c) : CommandResult.fail(c, expected, actual.toString());
        }

        private CommandResult expectFailure(Command c, Action a, WastEngineException.Kind kind, String message) {
            String expected = kind.name().toLowerCase(java.util.Locale.ROOT) + (message == null ? "" : " \"" + message + "\"");
            try {
                List<WastValue> results = perform(a);
                return CommandResult.fail(c, expected, "returned " + results);
            } catch (WastEngineException e) {
                boolean ok = e.kind() == kind && (message == null || messageMatches(message, e.getMessage()));
                return ok ? CommandResult.pass(c) : CommandResult.fail(c, expected, e.toString());
            }
        }

        private CommandResult assertMalformed(Command.AssertMalformed c) {
            ModuleOutcome o = load(c.module());
            String expected = "malformed \"" + c.message() + "\"";
            return o instanceof ModuleOutcome.Malformed m && messageMatches(c.message(), m.reason())
                    ? CommandResult.pass(c)
                    : CommandResult.fail(c, expected, ModuleOutcome.describe(o));
        }

        private CommandResult assertInvalid(Command.AssertInvalid c) {
            ModuleOutcome o = load(c.module());
            String expected = "invalid \"" + c.message() + "\"";
            return o instanceof ModuleOutcome.Invalid i && messageMatches(c.message(), i.reason())
                    ? CommandResult.pass(c)
                    : CommandResult.fail(c, expected, ModuleOutcome.describe(o));
        }

        private CommandResult assertInstantiationFails(
                Command c, WastModule m, WastEngineException.Kind kind, String message) {
            String expected = (kind == WastEngineException.Kind.TRAP ? "trap" : "unlinkable") + " \"" + message + "\"";
            ModuleOutcome o = load(m);
            if (!(o instanceof ModuleOutcome.Loaded loaded)) {
                return CommandResult.fail(c, expected, ModuleOutcome.describe(o));
            }
            try {
                WastEngine.Instance instance = engine.instantiate(loaded.binary(), loaded.module(), loaded.validated());
                if (instance != null && m.name() != null) {
                    instances.put(m.name(), instance);
                }
                return CommandResult.fail(c, expected, "instantiated");
            } catch (WastEngineException e) {
                boolean ok = e.kind() == kind && messageMatches(message, e.getMessage());
                return ok ? CommandResult.pass(c) : CommandResult.fail(c, expected, e.toString());
            }
        }
    }
}
