package dev.verge.core.runtime;

/**
 * Where a function with several results leaves them: compiled code returns this object (its
 * instance's own, so no allocation per call) after writing number results as bits into
 * {@link #nums} and references into {@link #refs}, at the result's position. The caller copies
 * them out at once, before anything else can run.
 */
final class MultiResults {
    final long[] nums;
    final Object[] refs;

    MultiResults(int size) {
        nums = new long[size];
        refs = new Object[size];
    }
}
