package dev.verge.edge.wagi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CgiHeaderScannerTest {
    /** The end found is the same however the output is split into writes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Content-Type: text/plain\\n\\nbody|26",
        "Content-Type: text/plain\\r\\n\\r\\nbody|28",
        "Status: 204\\r\\n\\nx|14",
        "A: 1\\nB: 2\\n|-1",
        "\\nbody|1",
        "A: 1\\n \\nrest|-1",
    })
    void findsTheBlankLineWhateverTheSplit(String text, int expected) {
        byte[] out = text.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
        for (int piece = 1; piece <= out.length; piece++) {
            CgiHeaderScanner scanner = new CgiHeaderScanner();
            int found = -1;
            for (int length = Math.min(piece, out.length); ; length = Math.min(length + piece, out.length)) {
                found = scanner.scan(out, length);
                if (found >= 0 || length == out.length) {
                    break;
                }
            }
            assertEquals(expected, found, "split every " + piece + " bytes");
        }
    }
}
