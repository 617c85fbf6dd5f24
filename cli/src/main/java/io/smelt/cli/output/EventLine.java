package io.smelt.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One event written as dbt writes it: Python's {@code json.dumps(event, sort_keys=True)}, so keys
 * sorted at every depth, {@code ", "} and {@code ": "} between items, and non-ASCII characters
 * escaped; and dbt's two timestamp shapes.
 */
final class EventLine {
    private static final JsonMapper MAPPER = new JsonMapper();
    private static final CharacterEscapes ESCAPES = new PythonEscapes();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private EventLine() {
    }

    static String json(JsonNode event) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = MAPPER.createGenerator(text)) {
            json.setPrettyPrinter(new PythonSeparators());
            json.setCharacterEscapes(ESCAPES);
            write(json, event);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * A protobuf {@code Timestamp} as protobuf's JSON mapping writes it (dbt's {@code info.ts},
     * {@code completed_at}): UTC, {@code Z}, and 0, 3 or 6 digits of fraction, the fewest that hold it.
     */
    static String timestamp(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        String seconds = SECONDS.format(LocalDateTime.ofInstant(micros, ZoneOffset.UTC));
        int nanos = micros.getNano();
        if (nanos == 0) {
            return seconds + "Z";
        }
        if (nanos % 1_000_000 == 0) {
            return seconds + String.format(java.util.Locale.ROOT, ".%03dZ", nanos / 1_000_000);
        }
        return seconds + String.format(java.util.Locale.ROOT, ".%06dZ", nanos / 1_000);
    }

    /**
     * Python's {@code datetime.isoformat()} of a naive UTC time, as dbt writes {@code node_started_at}
     * and {@code node_finished_at}: no zone, microseconds unless there are none; empty for null.
     */
    static String isoformat(Instant instant) {
        if (instant == null) {
            return "";
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        String seconds = SECONDS.format(LocalDateTime.ofInstant(micros, ZoneOffset.UTC));
        return micros.getNano() == 0 ? seconds : seconds + String.format(java.util.Locale.ROOT, ".%06d", micros.getNano() / 1_000);
    }

    private static void write(JsonGenerator json, JsonNode node) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            json.writeStartObject();
            for (String name : names) {
                json.writeFieldName(name);
                write(json, node.get(name));
            }
            json.writeEndObject();
        }
        else if (node.isArray()) {
            json.writeStartArray();
            for (Iterator<JsonNode> items = node.elements(); items.hasNext(); ) {
                write(json, items.next());
            }
            json.writeEndArray();
        }
        else {
            json.writeTree(node);
        }
    }

    /** {@code \\u00e9} with lowercase digits for what is not printable ASCII, as Python escapes it. */
    private static final class PythonEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        PythonEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if ("\b\t\n\f\r".indexOf(c) < 0) {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch));
        }
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
            json.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(", ");
        }
    }
}
