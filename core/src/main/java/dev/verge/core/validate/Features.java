package dev.verge.core.validate;

/**
 * Which WebAssembly proposals beyond the 2.0 baseline the validator accepts. Immutable; the
 * default, {@link #WASM_2_0}, is exactly the 2.0 specification (which already includes
 * multi-value, reference types, bulk memory, sign extension, saturating truncation and SIMD).
 *
 * <p>Only the 2.0 rules are implemented so far: turning a flag on relaxes the matching 2.0
 * restriction (for example more than one memory) without adding the proposal's new rules.
 *
 * @param multiMemory allow more than one memory (the multi-memory proposal)
 * @param memory64 allow 64-bit memories (the memory64 proposal)
 */
public record Features(boolean multiMemory, boolean memory64) {
    /** The WebAssembly 2.0 specification, nothing more. */
    public static final Features WASM_2_0 = new Features(false, false);

    public Features withMultiMemory(boolean on) {
        return new Features(on, memory64);
    }

    public Features withMemory64(boolean on) {
        return new Features(multiMemory, on);
    }
}
