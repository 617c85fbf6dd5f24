package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The fields of a large JSON object (a manifest's 30,000 nodes) serialised on every core: batches of
 * fields are written to buffers in parallel, then copied into the file in order.
 */
final class ParallelJson {
    private static final int BATCH = 256;

    /** Writes one object field's value. */
    interface FieldWriter<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    private ParallelJson() {
    }

    /** Writes {@code "name(item)": value} for each item, in order, into the object {@code json} has open. */
    static <T> void writeFields(JsonGenerator json, List<T> items, Function<T, String> name, FieldWriter<T> value)
            throws IOException {
        if (items.size() <= BATCH || !(json.getOutputTarget() instanceof OutputStream out)) {
            for (T item : items) {
                json.writeFieldName(name.apply(item));
                value.write(json, item);
            }
            return;
        }
        int batches = (items.size() + BATCH - 1) / BATCH;
        List<byte[]> written = new ArrayList<>(IntStream.range(0, batches).parallel().mapToObj(b -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(BATCH * 2048);
            try (JsonGenerator part = ArtifactJson.FACTORY.createGenerator(buffer)) {
                part.writeStartObject();
                for (T item : items.subList(b * BATCH, Math.min(items.size(), (b + 1) * BATCH))) {
                    part.writeFieldName(name.apply(item));
                    value.write(part, item);
                }
                part.writeEndObject();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toByteArray();
        }).toList());
        // each buffer is "{...}": its fields go between the open object's braces, comma-separated
        json.flush();
        for (int b = 0; b < written.size(); b++) {
            byte[] bytes = written.get(b);
            if (b > 0) {
                out.write(',');
            }
            out.write(bytes, 1, bytes.length - 2);
        }
    }
}
