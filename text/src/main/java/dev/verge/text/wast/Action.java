package dev.verge.text.wast;

import java.util.List;

/** {@code invoke} or {@code get}: something done to an instance's exports. */
public sealed interface Action {
    /** The instance's {@code $name}, or null for the most recent one. */
    String instance();

    String export();

    record Invoke(String instance, String export, List<WastValue> args) implements Action {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    record Get(String instance, String export) implements Action {}
}
