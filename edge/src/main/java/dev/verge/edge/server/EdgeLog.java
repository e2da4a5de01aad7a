package dev.verge.edge.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;

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

    /**
     * Writes one line: {@code kind} plus the given fields, in order. Streamed straight to JSON
     * (no map, no data binding for plain values): an access line is written for every request.
     */
    public void write(String kind, Object... fields) {
        StringWriter buffer = new StringWriter(256);
        String text;
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.now().toString());
            json.writeStringField("kind", kind);
            for (int i = 0; i + 1 < fields.length; i += 2) {
                json.writeFieldName(String.valueOf(fields[i]));
                writeValue(json, fields[i + 1]);
            }
            json.writeEndObject();
            json.flush();
            text = buffer.toString();
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
            text = "{\"kind\":\"log-error\",\"message\":\"" + String.valueOf(why).replace("\"", "'") + "\"}";
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Integer n -> json.writeNumber(n);
            case Long n -> json.writeNumber(n);
            case Double n -> json.writeNumber(n);
            case Boolean b -> json.writeBoolean(b);
            default -> json.writeObject(value);
        }
    }
}
