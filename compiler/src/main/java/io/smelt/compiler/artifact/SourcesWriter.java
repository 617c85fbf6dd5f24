package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.result.SourceFreshness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Writes {@code sources.json} in dbt's v3 format: one entry per source {@code source freshness}
 * checked, with what it measured, or its error as a {@code runtime error} entry.
 */
public final class SourcesWriter {
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/sources/v3.json";
    // as Python's datetime.isoformat() of an aware UTC time, which dbt writes for these two fields
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final RunSummary summary;
    private final Map<String, SourceFreshness> measured;
    private final Map<String, String> threadIds;
    private final ArtifactMetadata meta;

    /**
     * @param measured what was measured, by unique id; a source result without an entry failed
     * @param threadIds the worker thread of each unique id
     */
    public SourcesWriter(RunSummary summary, Map<String, SourceFreshness> measured, Map<String, String> threadIds, ArtifactMetadata meta) {
        this.summary = requireNonNull(summary, "summary is null");
        this.measured = Map.copyOf(measured);
        this.threadIds = Map.copyOf(threadIds);
        this.meta = requireNonNull(meta, "meta is null");
    }

    public void write(Path file) {
        ArtifactJson.writeArtifact(file, SCHEMA_VERSION, meta, this::writeBody);
    }

    private void writeBody(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("results");
        for (NodeResult result : summary.results()) {
            if (result.node().resourceType() == ResourceType.SOURCE) {
                writeResult(json, result);
            }
        }
        json.writeEndArray();
        json.writeNumberField("elapsed_time", summary.elapsed().toNanos() / 1e9);
    }

    private void writeResult(JsonGenerator json, NodeResult result) throws IOException {
        String uniqueId = result.node().uniqueId();
        SourceFreshness freshness = measured.get(uniqueId);
        json.writeStartObject();
        json.writeStringField("unique_id", uniqueId);
        if (freshness == null) {
            json.writeStringField("error", result.message());
            json.writeStringField("status", "runtime error");
            json.writeEndObject();
            return;
        }
        json.writeStringField("max_loaded_at", isoformat(freshness.maxLoadedAt()));
        json.writeStringField("snapshotted_at", isoformat(freshness.snapshottedAt()));
        json.writeNumberField("max_loaded_at_time_ago_in_s", freshness.ageSeconds());
        json.writeStringField("status", result.status().dbtName());
        ArtifactJson.writeField(json, "criteria", freshness.criteria().toMap());
        ArtifactJson.writeField(json, "adapter_response", result.adapterResponse());
        json.writeArrayFieldStart("timing");
        if (result.startedAt() != null) {
            json.writeStartObject();
            json.writeStringField("name", "execute");
            json.writeStringField("started_at", ArtifactJson.timestamp(result.startedAt()));
            json.writeStringField("completed_at", ArtifactJson.timestamp(result.startedAt().plus(result.elapsed())));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("thread_id", threadIds.getOrDefault(uniqueId, "Thread-1"));
        json.writeNumberField("execution_time", result.elapsed().toNanos() / 1e9);
        json.writeEndObject();
    }

    /** {@code 2024-05-01T10:00:00+00:00}, with microseconds when there are any. */
    static String isoformat(Instant instant) {
        return (instant.getNano() / 1000 == 0 ? SECONDS : MICROS).format(instant) + "+00:00";
    }
}
