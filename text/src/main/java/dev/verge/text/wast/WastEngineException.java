package dev.verge.text.wast;

/**
 * Why an engine operation did not return normally, in the script's terms. Checked, because every
 * caller in the runner must decide what each outcome means for its command.
 */
public final class WastEngineException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The script-level outcomes. */
    public enum Kind {
        /** Imports could not be resolved ({@code assert_unlinkable}). */
        UNLINKABLE,
        /** A trap, during a call or during instantiation ({@code assert_trap}). */
        TRAP,
        /** The call stack or another resource ran out ({@code assert_exhaustion}). */
        EXHAUSTION,
        /** A Wasm exception escaped ({@code assert_exception}). */
        EXCEPTION,
        /** The engine lacks something the module or action needs (a feature, a value kind). */
        UNSUPPORTED,
        /** The export is missing or of the wrong kind. */
        NO_SUCH_EXPORT
    }

    private final Kind kind;

    public WastEngineException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + getMessage();
    }
}
