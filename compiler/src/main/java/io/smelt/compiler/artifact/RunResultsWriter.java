package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Writes {@code run_results.json} in dbt's v6 format.
 *
 * <p>{@link NodeResult} records one start time and duration per node, so {@code timing} holds a
 * single {@code execute} entry (dbt also has {@code compile}), and it has no thread, so every result
 * reports {@code Thread-1} unless {@link #threadIds} says otherwise.
 */
public final class RunResultsWriter {
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/run-results/v6.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final RunSummary summary;
    private final ArtifactMetadata meta;
    private Map<String, Object> args = Map.of();
    private Map<String, String> compiledCode = Map.of();
    private Map<String, String> threadIds = Map.of();

    public RunResultsWriter(RunSummary summary, ArtifactMetadata meta) {
        this.summary = requireNonNull(summary, "summary is null");
        this.meta = requireNonNull(meta, "meta is null");
    }

    public static void write(Path file, RunSummary summary, ArtifactMetadata meta) {
        new RunResultsWriter(summary, meta).write(file);
    }

    /**
     * @param args the invocation's arguments as dbt records them ({@code which}, {@code select}, ...)
     * @param compiledCode compiled SQL by unique id
     */
    public static void write(Path file, RunSummary summary, ArtifactMetadata meta, Map<String, Object> args,
            Map<String, String> compiledCode) {
        new RunResultsWriter(summary, meta).args(args).compiledCode(compiledCode).write(file);
    }

    /** The invocation's arguments; {@code which} defaults to the command's verb. */
    public RunResultsWriter args(Map<String, Object> invocationArgs) {
        this.args = new LinkedHashMap<>(invocationArgs);
        return this;
    }

    public RunResultsWriter compiledCode(Map<String, String> byUniqueId) {
        this.compiledCode = Map.copyOf(byUniqueId);
        return this;
    }

    /** The worker thread's name for each unique id, when the runner kept it. */
    public RunResultsWriter threadIds(Map<String, String> byUniqueId) {
        this.threadIds = Map.copyOf(byUniqueId);
        return this;
    }

    public void write(Path file) {
        ArtifactJson.writeAtomically(file, this::writeBody);
    }

    public void writeTo(OutputStream out) {
        ArtifactJson.writeTo(out, this::writeBody);
    }

    private void writeBody(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("metadata");
        ArtifactJson.writeMetadata(json, SCHEMA_VERSION, meta);
        json.writeEndObject();
        json.writeArrayFieldStart("results");
        for (NodeResult result : summary.results()) {
            String uniqueId = result.node().uniqueId();
            writeResult(json, result, compiledCode.get(uniqueId), threadIds.getOrDefault(uniqueId, "Thread-1"));
        }
        json.writeEndArray();
        json.writeNumberField("elapsed_time", seconds(summary.elapsed()));
        Map<String, Object> allArgs = new LinkedHashMap<>();
        if (summary.command() != null) {
            allArgs.put("which", summary.command().verb());
        }
        allArgs.putAll(args);
        ArtifactJson.writeField(json, "args", allArgs);
        json.writeEndObject();
    }

    /**
     * One result as its {@code results} entry in run_results.json, in mutable maps and lists.
     *
     * @param compiled the node's compiled SQL, or null
     */
    public static Map<String, Object> entry(NodeResult result, String compiled, String threadId) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writeResult(buffer, result, compiled, threadId);
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = MAPPER.readValue(buffer.asParser(), LinkedHashMap.class);
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("run result of " + result.node().uniqueId(), e);
        }
    }

    private static void writeResult(JsonGenerator json, NodeResult result, String compiled, String threadId)
            throws IOException {
        Node node = result.node();
        json.writeStartObject();
        json.writeStringField("status", result.status().dbtName());
        json.writeArrayFieldStart("timing");
        if (result.status() != NodeStatus.SKIPPED && result.startedAt() != null) {
            Instant started = result.startedAt();
            json.writeStartObject();
            json.writeStringField("name", "execute");
            json.writeStringField("started_at", ArtifactJson.timestamp(started));
            json.writeStringField("completed_at", ArtifactJson.timestamp(started.plus(result.elapsed())));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("thread_id", threadId);
        json.writeNumberField("execution_time", seconds(result.elapsed()));
        ArtifactJson.writeField(json, "adapter_response", result.adapterResponse());
        json.writeStringField("message", result.message().isEmpty() ? null : result.message());
        if ((node.resourceType() == ResourceType.TEST || node.resourceType() == ResourceType.UNIT_TEST)
                && result.status() != NodeStatus.SKIPPED) {
            json.writeNumberField("failures", result.failures());
        } else {
            json.writeNullField("failures");
        }
        json.writeStringField("unique_id", node.uniqueId());
        if (compiled != null) {
            json.writeBooleanField("compiled", true);
        } else if (node.resourceType() == ResourceType.SEED || node.resourceType() == ResourceType.SOURCE) {
            json.writeNullField("compiled");
        } else {
            json.writeBooleanField("compiled", false);
        }
        json.writeStringField("compiled_code", compiled);
        json.writeStringField("relation_name", result.relationName());
        json.writeNullField("batch_results");
        json.writeEndObject();
    }

    private static double seconds(Duration duration) {
        return duration == null ? 0 : duration.toNanos() / 1e9;
    }
}
