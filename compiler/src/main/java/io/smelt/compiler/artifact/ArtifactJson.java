package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What both artifact writers share: the JSON factory, dbt's timestamp format, plain values, atomic files. */
final class ArtifactJson {
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    // dbt writes UTC timestamps with microseconds and a Z
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    private ArtifactJson() {
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    /** An artifact file: its {@code metadata} object, then what {@code body} writes, in one JSON object. */
    static void writeArtifact(Path file, String schemaVersion, ArtifactMetadata meta, JsonBody body) {
        writeAtomically(file, json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("metadata");
            writeMetadata(json, schemaVersion, meta);
            json.writeEndObject();
            body.write(json);
            json.writeEndObject();
        });
    }

    static void writeMetadata(JsonGenerator json, String schemaVersion, ArtifactMetadata meta) throws IOException {
        json.writeStringField("dbt_schema_version", schemaVersion);
        json.writeStringField("dbt_version", meta.dbtVersion());
        json.writeStringField("generated_at", timestamp(meta.generatedAt()));
        json.writeStringField("invocation_id", meta.invocationId());
        json.writeStringField("invocation_started_at", timestamp(meta.invocationStartedAt()));
        json.writeObjectFieldStart("env");
        for (Map.Entry<String, String> entry : meta.env().entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    /**
     * A value as JSON can hold it: maps with string keys, lists, strings, numbers, booleans and null.
     * YAML and Jinja hand over other types (dates, arrays, Jinja objects); those become text.
     */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        if (value.getClass().isArray()) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                copy.add(plain(Array.get(value, i)));
            }
            return copy;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        // Dates, times, Jinja objects and the like: their text
        return value.toString();
    }

    /** Writes a value made by {@link #plain} (or any of the types it returns). */
    static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else {
            writeValue(json, plain(value));
        }
    }

    static void writeField(JsonGenerator json, String field, Object value) throws IOException {
        json.writeFieldName(field);
        writeValue(json, value);
    }

    /** Writes through a temporary file in the same folder and moves it into place, so readers never see half a file. */
    static void writeAtomically(Path file, JsonBody body) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                        JsonGenerator json = FACTORY.createGenerator(out)) {
                    body.write(json);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void writeTo(OutputStream out, JsonBody body) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String slashes(Path path) {
        return path == null ? null : path.toString().replace('\\', '/');
    }
}
