package dev.verge.core.binary;

/**
 * Bounds on what a module may make the decoder allocate or walk, so that untrusted bytes cannot
 * exhaust memory or time. A violated limit is a {@link MalformedModuleException} whose reason
 * names the limit and its value, e.g. "too many functions: 2000000 exceeds the limit of 1000000".
 * The defaults follow those of browser engines, which real-world modules are built to fit.
 *
 * <p>Immutable; {@link #DEFAULTS} is the starting point and each {@code withX} method returns a
 * changed copy.
 *
 * @param maxModuleSize the most bytes in the whole module; default 1 GiB
 * @param maxTypes the most entries in the type section; default 1,000,000
 * @param maxFunctionParams the most parameters of one function type; default 1,000
 * @param maxFunctionResults the most results of one function type; default 1,000
 * @param maxImports the most imports; default 100,000
 * @param maxFunctions the most functions, imported and defined; default 1,000,000
 * @param maxTables the most tables, imported and defined; default 100,000
 * @param maxMemories the most memories, imported and defined; default 100
 * @param maxGlobals the most globals, imported and defined; default 1,000,000
 * @param maxExports the most exports; default 100,000
 * @param maxElementSegments the most element segments; default 100,000
 * @param maxElementSegmentSize the most items in one element segment; default 10,000,000
 * @param maxDataSegments the most data segments; default 100,000
 * @param maxDataSegmentSize the most bytes in one data segment; default 1 GiB
 * @param maxLocals the most declared locals of one function (parameters not counted); default 50,000
 * @param maxFunctionBodySize the most bytes in one function body (locals included); default 7,654,321
 * @param maxNestingDepth the most blocks open at once in one expression; default 10,000
 * @param maxBrTableTargets the most labels of one br_table (the default not counted); default 65,520
 * @param maxSelectTypes the most types of one typed select; default 1,000
 * @param multiMemory whether the multi-memory proposal's encodings are accepted: a memory index
 *     after memory instructions instead of the reserved zero byte, and bit 6 of a memarg's flags
 *     announcing one. Off by default, as Wasm 2.0 requires.
 */
public record DecoderLimits(
        long maxModuleSize,
        int maxTypes,
        int maxFunctionParams,
        int maxFunctionResults,
        int maxImports,
        int maxFunctions,
        int maxTables,
        int maxMemories,
        int maxGlobals,
        int maxExports,
        int maxElementSegments,
        int maxElementSegmentSize,
        int maxDataSegments,
        long maxDataSegmentSize,
        long maxLocals,
        int maxFunctionBodySize,
        int maxNestingDepth,
        int maxBrTableTargets,
        int maxSelectTypes,
        boolean multiMemory) {

    /** The default limits, with Wasm 2.0 encodings only. */
    public static final DecoderLimits DEFAULTS = new DecoderLimits(
            1L << 30, // module size
            1_000_000, // types
            1_000, // function parameters
            1_000, // function results
            100_000, // imports
            1_000_000, // functions
            100_000, // tables
            100, // memories
            1_000_000, // globals
            100_000, // exports
            100_000, // element segments
            10_000_000, // element segment items
            100_000, // data segments
            1L << 30, // data segment bytes
            50_000, // locals
            7_654_321, // function body bytes
            10_000, // nesting depth
            65_520, // br_table targets
            1_000, // select types
            false); // multi-memory

    public DecoderLimits {
        requireNonNegative("maxModuleSize", maxModuleSize);
        requireNonNegative("maxTypes", maxTypes);
        requireNonNegative("maxFunctionParams", maxFunctionParams);
        requireNonNegative("maxFunctionResults", maxFunctionResults);
        requireNonNegative("maxImports", maxImports);
        requireNonNegative("maxFunctions", maxFunctions);
        requireNonNegative("maxTables", maxTables);
        requireNonNegative("maxMemories", maxMemories);
        requireNonNegative("maxGlobals", maxGlobals);
        requireNonNegative("maxExports", maxExports);
        requireNonNegative("maxElementSegments", maxElementSegments);
        requireNonNegative("maxElementSegmentSize", maxElementSegmentSize);
        requireNonNegative("maxDataSegments", maxDataSegments);
        requireNonNegative("maxDataSegmentSize", maxDataSegmentSize);
        requireNonNegative("maxLocals", maxLocals);
        requireNonNegative("maxFunctionBodySize", maxFunctionBodySize);
        requireNonNegative("maxNestingDepth", maxNestingDepth);
        requireNonNegative("maxBrTableTargets", maxBrTableTargets);
        requireNonNegative("maxSelectTypes", maxSelectTypes);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /**
     * Throws when {@code count} exceeds {@code limit}: "too many WHAT: COUNT exceeds the limit
     * of LIMIT" at {@code offset}.
     */
    static void check(String what, long count, long limit, long offset) {
        if (count > limit) {
            throw new MalformedModuleException(
                    "too many " + what + ": " + count + " exceeds the limit of " + limit, offset);
        }
    }

    /** A copy with {@code maxModuleSize} set to {@code value}. */
    public DecoderLimits withMaxModuleSize(long value) {
        return new DecoderLimits(value, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxTypes} set to {@code value}. */
    public DecoderLimits withMaxTypes(int value) {
        return new DecoderLimits(maxModuleSize, value, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxFunctionParams} set to {@code value}. */
    public DecoderLimits withMaxFunctionParams(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, value, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxFunctionResults} set to {@code value}. */
    public DecoderLimits withMaxFunctionResults(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, value, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxImports} set to {@code value}. */
    public DecoderLimits withMaxImports(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, value, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxFunctions} set to {@code value}. */
    public DecoderLimits withMaxFunctions(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, value, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxTables} set to {@code value}. */
    public DecoderLimits withMaxTables(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, value, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxMemories} set to {@code value}. */
    public DecoderLimits withMaxMemories(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, value, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxGlobals} set to {@code value}. */
    public DecoderLimits withMaxGlobals(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, value, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxExports} set to {@code value}. */
    public DecoderLimits withMaxExports(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, value, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxElementSegments} set to {@code value}. */
    public DecoderLimits withMaxElementSegments(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, value, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxElementSegmentSize} set to {@code value}. */
    public DecoderLimits withMaxElementSegmentSize(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, value, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxDataSegments} set to {@code value}. */
    public DecoderLimits withMaxDataSegments(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, value, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxDataSegmentSize} set to {@code value}. */
    public DecoderLimits withMaxDataSegmentSize(long value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, value, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxLocals} set to {@code value}. */
    public DecoderLimits withMaxLocals(long value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, value, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxFunctionBodySize} set to {@code value}. */
    public DecoderLimits withMaxFunctionBodySize(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, value, maxNestingDepth, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxNestingDepth} set to {@code value}. */
    public DecoderLimits withMaxNestingDepth(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, value, maxBrTableTargets, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxBrTableTargets} set to {@code value}. */
    public DecoderLimits withMaxBrTableTargets(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, value, maxSelectTypes, multiMemory);
    }

    /** A copy with {@code maxSelectTypes} set to {@code value}. */
    public DecoderLimits withMaxSelectTypes(int value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, value, multiMemory);
    }

    /** A copy with the multi-memory encodings switched on or off. */
    public DecoderLimits withMultiMemory(boolean value) {
        return new DecoderLimits(maxModuleSize, maxTypes, maxFunctionParams, maxFunctionResults, maxImports, maxFunctions, maxTables, maxMemories, maxGlobals, maxExports, maxElementSegments, maxElementSegmentSize, maxDataSegments, maxDataSegmentSize, maxLocals, maxFunctionBodySize, maxNestingDepth, maxBrTableTargets, maxSelectTypes, value);
    }
}
