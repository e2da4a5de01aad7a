package dev.verge.wasi;

/** Finds how a guest ended ({@link WasiExit}, {@link WasiSignal}) in a trap's chain of causes. */
final class Causes {
    private Causes() {}

    /** The first throwable of type {@code kind} in {@code thrown}'s chain of causes, or null. */
    static <T extends Throwable> T find(Throwable thrown, Class<T> kind) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return kind.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
