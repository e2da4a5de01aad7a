package dev.verge.edge.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's log: one JSON object per line (access lines, events, guest stderr). Secrets never
 * reach it: callers pass only what may be shown.
 */
public final class EdgeLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;

    public EdgeLog(PrintStream out) {
        this.out = out;
    }

    /** Writes one line: {@code kind} plus the given fields, in order. */
    public void write(String kind, Object... fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("kind", kind);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.put(String.valueOf(fields[i]), fields[i + 1]);
        }
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            text = "{\"kind\":\"log-error\",\"message\":\"" + e.getOriginalMessage().replace("\"", "'") + "\"}";
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
