package dev.verge.core.compile.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.binary.ModuleEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated valid modules must decode, validate, compile and run to results or traps only. The
 * seeds are fixed, so a failure names a seed that reproduces it. Longer runs: set the system
 * properties {@code verge.fuzz.from} and {@code verge.fuzz.count} (see docs/fuzzing.md).
 */
class CompilerFuzzTest {
    private static final long FROM = Long.getLong("verge.fuzz.from", 0);
    private static final long COUNT = Long.getLong("verge.fuzz.count", 300);

    @Test
    void generatedModulesCompileAndRunToResultsOrTraps() {
        List<String> failures = new ArrayList<>();
        for (long seed = FROM; seed < FROM + COUNT; seed++) {
            long t0 = System.nanoTime();
            String failure = FuzzCase.check(seed);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > 300) {
                System.err.println("slow seed " + seed + " " + ModuleGenerator.profileOf(seed) + " " + ms + " ms");
            }
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

    @Test
    void theProfilesAllOccurAmongTheFixedSeeds() {
        long big = 0;
        for (long seed = 0; seed < 300; seed++) {
            if (ModuleGenerator.profileOf(seed) == ModuleGenerator.Profile.BIG_FUNCTION) {
                big++;
            }
        }
        assertEquals(true, big > 0);
    }
}
