package dev.verge.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The project's own scripts (every command kind), run through the same runner as
 * {@code verge wast}: every command must pass, and the count proves none went unnoticed.
 */
class WastScriptsTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = WastScriptsTest.class.getResourceAsStream("/wast/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({"modules.wast, 22", "assertions.wast, 29", "spectest.wast, 13"})
    void everyCommandPasses(String file, int commands) throws IOException {
        ScriptResult result = WastRunner.standard().run(file, resource(file));
        assertNull(result.error());
        assertEquals(List.of(), result.failures().stream().map(CommandResult::describe).toList());
        assertEquals(commands, result.passed());
    }
}
