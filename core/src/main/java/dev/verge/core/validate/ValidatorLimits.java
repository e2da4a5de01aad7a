package dev.verge.core.validate;

/**
 * Bounds on what validating one function may allocate, and the features to validate against.
 * Immutable; change a copy with the {@code withX} methods. A module that exceeds a limit is
 * rejected with an {@link InvalidModuleException} naming the limit, never with an
 * {@code OutOfMemoryError}.
 *
 * <p>The defaults accept every module of the official test suite and every realistic program;
 * they exist so that an embedder taking untrusted modules can lower them.
 *
 * @param maxOperandStack the deepest operand stack a function may build (default 1,048,576: the
 *     stack costs memory linear in the code that builds it, and the compiler keeps what does not fit
 *     the JVM's operand stack in the frame arrays)
 * @param maxControlDepth the deepest nesting of blocks, loops and ifs, counting the function's
 *     own frame (default 65,536)
 * @param maxLocals the most locals a function may have, parameters included (default 50,000)
 * @param features the proposals accepted beyond Wasm 2.0 (default none)
 */
public record ValidatorLimits(int maxOperandStack, int maxControlDepth, int maxLocals, Features features) {
    /** The defaults described above. */
    public static final ValidatorLimits DEFAULT = new ValidatorLimits(1_048_576, 65_536, 50_000, Features.WASM_2_0);

    public ValidatorLimits {
        if (maxOperandStack < 1 || maxControlDepth < 1 || maxLocals < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
    }

    public ValidatorLimits withMaxOperandStack(int max) {
        return new ValidatorLimits(max, maxControlDepth, maxLocals, features);
    }

    public ValidatorLimits withMaxControlDepth(int max) {
        return new ValidatorLimits(maxOperandStack, max, maxLocals, features);
    }

    public ValidatorLimits withMaxLocals(int max) {
        return new ValidatorLimits(maxOperandStack, maxControlDepth, max, features);
    }

    public ValidatorLimits withFeatures(Features f) {
        return new ValidatorLimits(maxOperandStack, maxControlDepth, maxLocals, f);
    }
}
