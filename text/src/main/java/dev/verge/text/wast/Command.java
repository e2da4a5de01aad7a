package dev.verge.text.wast;

import java.util.List;

/** One top-level command of a script, with the line it starts on. */
public sealed interface Command {
    int line();

    /** The command's keyword, for reports. */
    default String kind() {
        return switch (this) {
            case ModuleCommand m -> m.definitionOnly() ? "module definition" : "module";
            case ModuleInstance i -> "module instance";
            case Register r -> "register";
            case ActionCommand a -> a.action() instanceof Action.Invoke ? "invoke" : "get";
            case AssertReturn a -> "assert_return";
            case AssertTrap a -> "assert_trap";
            case AssertModuleTrap a -> "assert_trap";
            case AssertExhaustion a -> "assert_exhaustion";
            case AssertException a -> "assert_exception";
            case AssertMalformed a -> "assert_malformed";
            case AssertInvalid a -> "assert_invalid";
            case AssertUnlinkable a -> "assert_unlinkable";
            case Unsupported u -> u.keyword();
        };
    }

    /** Define a module and, unless {@code definitionOnly}, instantiate it under its name. */
    record ModuleCommand(int line, WastModule module, boolean definitionOnly) implements Command {}

    /** {@code (module instance $i $m)}: instantiate a defined module. */
    record ModuleInstance(int line, String instance, String module) implements Command {}

    /** {@code (register "name" $i?)}: make an instance's exports importable as module "name". */
    record Register(int line, String as, String instance) implements Command {}

    /** A bare action, whose results are ignored (it must not trap). */
    record ActionCommand(int line, Action action) implements Command {}

    record AssertReturn(int line, Action action, List<ResultPattern> expected) implements Command {
        public AssertReturn {
            expected = List.copyOf(expected);
        }
    }

    record AssertTrap(int line, Action action, String message) implements Command {}

    /** {@code assert_trap} on a module: instantiation must trap (the spec's "uninstantiable"). */
    record AssertModuleTrap(int line, WastModule module, String message) implements Command {}

    record AssertExhaustion(int line, Action action, String message) implements Command {}

    /** {@code assert_exception} (Wasm 3.0): the action must throw a Wasm exception. */
    record AssertException(int line, Action action) implements Command {}

    record AssertMalformed(int line, WastModule module, String message) implements Command {}

    record AssertInvalid(int line, WastModule module, String message) implements Command {}

    record AssertUnlinkable(int line, WastModule module, String message) implements Command {}

    /**
     * A command that was read but that Verge cannot run ({@code script}, {@code input},
     * {@code output}, ...). It is counted as failed, with {@code reason}, never skipped silently.
     */
    record Unsupported(int line, String keyword, String reason) implements Command {}
}
