package dev.verge.core.compile.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.binary.ModuleEncoder;
import dev.verge.core.model.FunctionBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated valid modules must decode, validate, compile and run to results or traps only. The
 * seeds are fixed, so a failure names a seed that reproduces it. Longer runs: set the system
 * properties {@code verge.fuzz.from}, {@code verge.fuzz.count} and {@code verge.fuzz.full} (see
 * docs/fuzzing.md).
 */
class CompilerFuzzTest {
    private static final long FROM = Long.getLong("verge.fuzz.from", 0);
    private static final long COUNT = Long.getLong("verge.fuzz.count", 120);
    /** Full-size modules (big functions, deep nests) take seconds each to compile; the default run shrinks them. */
    private static final boolean LIGHT = !Boolean.getBoolean("verge.fuzz.full");

    @Test
    void generatedModulesCompileAndRunToResultsOrTraps() {
        List<String> failures = new ArrayList<>();
        for (long seed = FROM; seed < FROM + COUNT; seed++) {
            String failure = FuzzCase.check(seed, LIGHT);
            if (failure != null) {
                failures.add(failure);
                System.err.println(failure);
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + COUNT + " seeds failed, first:\n" + failures.getFirst());
    }

    @Test
    void theGeneratorIsDeterministic() {
        for (long seed = 0; seed < 20; seed++) {
            assertTrue(Arrays.equals(ModuleEncoder.encode(ModuleGenerator.generate(seed)),
                    ModuleEncoder.encode(ModuleGenerator.generate(seed))), "seed " + seed);
        }
    }

    /** The light modules still reach the compiler's function splitting (past 8,000 bytes of code). */
    @Test
    void lightBigFunctionsAreStillSplit() {
        int largest = 0;
        for (long seed = FROM; seed < FROM + COUNT; seed++) {
            if (ModuleGenerator.profileOf(seed) == ModuleGenerator.Profile.BIG_FUNCTION) {
                for (FunctionBody f : ModuleGenerator.generate(seed, true).codes()) {
                    largest = Math.max(largest, f.body().code().length());
                }
            }
        }
        assertTrue(largest > 8_000, "largest function " + largest + " bytes");
    }
}
