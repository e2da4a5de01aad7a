package dev.verge.text.wast;

import java.util.List;

/**
 * The outcome of one script: a result per command, or, when the script could not be read at all,
 * the reason (and then it counts as one failure).
 */
public record ScriptResult(String name, List<CommandResult> commands, String error) {
    public ScriptResult {
        commands = List.copyOf(commands);
    }

    static ScriptResult unreadable(String name, String error) {
        return new ScriptResult(name, List.of(), error);
    }

    public long passed() {
        return commands.stream().filter(CommandResult::passed).count();
    }

    public long failed() {
        return commands.stream().filter(c -> !c.passed()).count() + (error == null ? 0 : 1);
    }

    public List<CommandResult> failures() {
        return commands.stream().filter(c -> !c.passed()).toList();
    }
}
