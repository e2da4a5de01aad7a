package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void alignsNumbersRightAndTextLeftWithoutTrailingSpaces() {
        StringWriter w = new StringWriter();
        PrintWriter out = new PrintWriter(w);
        new TextTable("rl").row("id", "name").row(1, "type").row(10, "code").print(out);
        out.flush();
        assertEquals("""
                  id  name
                   1  type
                  10  code
                """, w.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void rowsMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("rl").row(1));
    }
}
