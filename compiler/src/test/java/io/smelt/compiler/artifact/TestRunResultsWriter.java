package io.smelt.compiler.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.smelt.compiler.artifact.TestingDbtSchemas.RUN_RESULTS;
import static io.smelt.compiler.artifact.TestingDbtSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

class TestRunResultsWriter {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    private static NodeResult result(Node node, int index, NodeStatus status, String message, long failures,
            long startMillis, long millis, String relation) {
        return new NodeResult(node, index, 5, status, message, failures, START.plusMillis(startMillis),
                Duration.ofMillis(millis), relation, null, null,
                relation == null ? Map.of() : Map.of("_message", message, "code", "SELECT", "rows_affected", 3));
    }

    @Test
    void runResultsValidateAgainstDbtSchema(@TempDir Path dir) {
        Manifest manifest = TestManifestWriter.shopManifest();
        RunSummary summary = new RunSummary(Command.BUILD, List.of(
                result(manifest.node("seed.shop.countries"), 1, NodeStatus.SUCCESS, "INSERT 3", 0, 0, 120, "main.countries"),
                result(manifest.node("model.shop.stg_orders"), 2, NodeStatus.SUCCESS, "OK", 0, 130, 40, "main.stg_orders"),
                result(manifest.node("model.shop.orders"), 3, NodeStatus.ERROR, "Binder Error: column x not found", 0, 180, 15, null),
                result(manifest.node("test.shop.not_null_orders_id.a1b2c3"), 4, NodeStatus.FAIL,
                        "Got 2 results, configured to fail if != 0", 2, 200, 9, null),
                result(manifest.node("test.shop.assert_orders_positive"), 5, NodeStatus.SKIPPED, "", 0, 0, 0, null)),
                Duration.ofMillis(1234));

        Path file = dir.resolve("run_results.json");
        RunResultsWriter.write(file, summary, TestManifestWriter.META, Map.of("select", List.of("+orders"), "threads", 4),
                TestManifestWriter.compiled());
        JsonNode json = TestingDbtSchemas.read(file);
        assertValid(json, RUN_RESULTS);

        assertThat(json.get("metadata").get("dbt_schema_version").asText())
                .isEqualTo("https://schemas.getdbt.com/dbt/run-results/v6.json");
        assertThat(json.get("metadata").has("project_name")).isFalse();
        assertThat(json.get("elapsed_time").asDouble()).isEqualTo(1.234);
        assertThat(json.get("args").get("which").asText()).isEqualTo("build");
        assertThat(json.get("args").get("threads").asInt()).isEqualTo(4);

        JsonNode results = json.get("results");
        assertThat(results).hasSize(5);
        JsonNode seed = results.get(0);
        assertThat(seed.get("status").asText()).isEqualTo("success");
        assertThat(seed.get("compiled").isNull()).isTrue();
        assertThat(seed.get("failures").isNull()).isTrue();
        assertThat(seed.get("adapter_response").get("rows_affected").asInt()).isEqualTo(3);
        assertThat(seed.get("timing").get(0).get("name").asText()).isEqualTo("execute");
        assertThat(seed.get("timing").get(0).get("started_at").asText()).isEqualTo("2025-03-01T10:00:00.000000Z");
        assertThat(seed.get("timing").get(0).get("completed_at").asText()).isEqualTo("2025-03-01T10:00:00.120000Z");
        assertThat(seed.get("execution_time").asDouble()).isEqualTo(0.12);
        assertThat(seed.get("relation_name").asText()).isEqualTo("main.countries");

        JsonNode model = results.get(1);
        assertThat(model.get("compiled").asBoolean()).isTrue();
        assertThat(model.get("compiled_code").asText()).isEqualTo("select * from \"db\".\"raw\".\"orders\"");
        assertThat(model.get("thread_id").asText()).isEqualTo("Thread-1");

        assertThat(results.get(2).get("status").asText()).isEqualTo("error");
        assertThat(results.get(2).get("message").asText()).startsWith("Binder Error");
        assertThat(results.get(3).get("status").asText()).isEqualTo("fail");
        assertThat(results.get(3).get("failures").asInt()).isEqualTo(2);
        JsonNode skipped = results.get(4);
        assertThat(skipped.get("status").asText()).isEqualTo("skipped");
        assertThat(skipped.get("timing")).isEmpty();
        assertThat(skipped.get("message").isNull()).isTrue();
        assertThat(skipped.get("compiled").asBoolean()).isFalse();
    }

    @Test
    void emptyRunIsValidToo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RunResultsWriter(new RunSummary(Command.RUN, List.of(), Duration.ZERO), ArtifactMetadata.now())
                .threadIds(Map.of()).writeTo(out);
        JsonNode json = TestingDbtSchemas.read(out.toByteArray());
        assertValid(json, RUN_RESULTS);
        assertThat(json.get("results")).isEmpty();
        assertThat(json.get("args").get("which").asText()).isEqualTo("run");
    }

    @Test
    void customEnvironmentVariablesGoIntoMetadata() {
        ArtifactMetadata meta = ArtifactMetadata.of("id-1", START,
                Map.of("DBT_ENV_CUSTOM_ENV_RUN_BY", "ci", "DBT_ENV_SECRET_TOKEN", "hidden", "HOME", "/root"));
        assertThat(meta.env()).containsExactly(Map.entry("RUN_BY", "ci"));
        assertThat(meta.invocationStartedAt()).isEqualTo(START);
    }
}
