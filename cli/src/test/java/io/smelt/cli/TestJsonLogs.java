package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --log-format json} on real commands on DuckDB: every stdout line is one event valid against
 * {@code dbt-log-event.schema.json} (dbt's envelope and the data of each event Smelt writes, from
 * dbt's proto definitions), in dbt's order.
 */
class TestJsonLogs {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = schema();

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = FailingShop.write(dir);
    }

    @Test
    void buildWithAFailingModel() throws IOException {
        Result result = TestingCli.inProject(project, "build", "--log-format", "json", "--log-level", "debug");
        assertThat(result.exitCode()).isEqualTo(1);
        List<JsonNode> events = events(result);
        assertThat(name(events.get(0))).isEqualTo("MainReportVersion");
        assertThat(events.get(0).path("info").path("code").asText()).isEqualTo("A001");
        assertThat(events.get(0).path("data").path("version").asText()).startsWith("=");
        assertThat(names(events)).containsSubsequence("MainReportVersion", "MainReportArgs", "AdapterRegistered", "FoundStats",
                "ConcurrencyLine", "NodeStart", "LogStartLine", "NodeFinished", "FinishedRunningStats", "EndOfRunSummary",
                "RunResultFailure", "RunResultError", "StatsLine", "CommandCompleted");
        JsonNode last = events.get(events.size() - 1);
        assertThat(name(last)).isEqualTo("CommandCompleted");
        assertThat(last.path("data").path("success").asBoolean()).isFalse();
        assertThat(last.path("data").path("command").asText()).isEqualTo("smelt build");
        assertEachNodeStartsBeforeItFinishes(events);
        String invocation = events.get(0).path("info").path("invocation_id").asText();
        assertThat(events).allSatisfy(e -> assertThat(e.path("info").path("invocation_id").asText()).isEqualTo(invocation));
        assertThat(MAPPER.readTree(project.resolve("target/run_results.json").toFile()).path("metadata").path("invocation_id").asText())
                .isEqualTo(invocation);

        JsonNode broken = only(events, "LogModelResult", "broken");
        assertThat(broken.path("info").path("level").asText()).isEqualTo("error");
        assertThat(broken.path("data").path("status").asText()).isEqualTo("error");
        JsonNode info = broken.path("data").path("node_info");
        assertThat(info.path("unique_id").asText()).isEqualTo("model.shop.broken");
        assertThat(info.path("node_path").asText()).isEqualTo("broken.sql");
        assertThat(info.path("resource_type").asText()).isEqualTo("model");
        assertThat(info.path("materialized").asText()).isEqualTo("table");
        assertThat(info.path("node_status").asText()).isEqualTo("error");
        assertThat(info.path("node_started_at").asText()).isNotEmpty();
        assertThat(info.path("node_finished_at").asText()).isNotEmpty();
        assertThat(info.path("node_relation").path("schema").asText()).isEqualTo("main");
        assertThat(info.path("node_relation").path("alias").asText()).isEqualTo("broken");
        JsonNode finished = only(events, "NodeFinished", "broken");
        assertThat(finished.path("data").path("run_result").path("status").asText()).isEqualTo("error");
        assertThat(finished.path("data").path("run_result").path("message").asText()).containsIgnoringCase("no_such_table");
        JsonNode withoutStatus = finished.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutStatus.path("data").path("node_info")).remove("node_status");
        assertThat(SCHEMA.validate(withoutStatus)).as("the schema holds node_info's fields").isNotEmpty();
        assertThat(only(events, "RunResultFailure", "broken").path("data").path("path").asText()).isEqualTo("models/broken.sql");
        assertThat(only(events, "SkippingDetails", "after_broken").path("data").path("node_info").path("node_status").asText())
                .isEqualTo("skipped");

        JsonNode seed = only(events, "LogSeedResult", "raw_orders");
        assertThat(seed.path("data").path("relation").asText()).isEqualTo("raw_orders");
        assertThat(seed.path("data").path("node_info").path("materialized").asText()).isEqualTo("seed");
        JsonNode warned = only(events, "LogTestResult", "few_orders");
        assertThat(warned.path("info").path("level").asText()).isEqualTo("warn");
        assertThat(warned.path("data").path("status").asText()).isEqualTo("warn");
        JsonNode stats = only(events, "StatsLine", null).path("data").path("stats");
        assertThat(stats.path("error").asInt()).isEqualTo(1);
        assertThat(stats.path("warn").asInt()).isEqualTo(1);
        assertThat(stats.path("total").asInt()).isEqualTo(stats.path("pass").asInt() + 1 + 1 + stats.path("skip").asInt());
    }

    @Test
    void runShowsWhatDbtShowsAtInfoLevel() throws IOException {
        FailingShop.fix(project);
        assertThat(TestingCli.inProject(project, "seed").exitCode()).isZero();
        Result result = TestingCli.inProject(project, "run", "--log-format", "json");
        assertThat(result.exitCode()).isZero();
        List<JsonNode> events = events(result);
        assertThat(names(events)).doesNotContain("NodeStart", "NodeFinished", "CommandCompleted", "MainReportArgs")
                .contains("LogStartLine", "LogModelResult", "StatsLine");
        assertThat(events).allSatisfy(e -> assertThat(e.path("info").path("level").asText()).isNotEqualTo("debug"));
        // what orchestrators read (dagster-dbt): a finished, successful node_info at info level for each model
        Set<String> built = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode info = event.path("data").path("node_info");
            if (info.path("node_status").asText().equals("success") && !info.path("node_finished_at").asText().isEmpty()) {
                built.add(info.path("unique_id").asText());
            }
        }
        assertThat(built).containsExactlyInAnyOrder("model.shop.stg_orders", "model.shop.broken", "model.shop.after_broken",
                "model.shop.inc", "model.shop.fine");
        assertThat(name(events.get(events.size() - 1))).isEqualTo("StatsLine");
    }

    @Test
    void failingTests() throws IOException {
        FailingShop.fix(project);
        assertThat(TestingCli.inProject(project, "build", "--exclude", "resource_type:test").exitCode()).isZero();
        Result result = TestingCli.inProject(project, "test", "--vars", "{max_orders: 2}", "--log-format", "json", "--debug");
        assertThat(result.exitCode()).isEqualTo(1);
        List<JsonNode> events = events(result);
        JsonNode failed = only(events, "LogTestResult", "no_big_count");
        assertThat(failed.path("info").path("level").asText()).isEqualTo("error");
        assertThat(failed.path("data").path("status").asText()).isEqualTo("fail");
        assertThat(failed.path("data").path("num_failures").asInt()).isEqualTo(1);
        assertThat(failed.path("data").path("node_info").path("resource_type").asText()).isEqualTo("test");
        assertThat(only(events, "NodeFinished", "no_big_count").path("data").path("run_result").path("num_failures").asInt())
                .isEqualTo(1);
        assertThat(only(events, "LogTestResult", "not_null_fine_n").path("data").path("status").asText()).isEqualTo("pass");
        assertEachNodeStartsBeforeItFinishes(events);
        JsonNode args = only(events, "MainReportArgs", null).path("data").path("args");
        assertThat(args.path("which").asText()).isEqualTo("test");
        assertThat(args.path("vars").asText()).isEqualTo("{max_orders: 2}");
        assertThat(args.path("log_format").asText()).isEqualTo("json");
    }

    @Test
    void compileReportsEachNodeOnlyAtDebugLevel() throws IOException {
        FailingShop.fix(project);
        Result result = TestingCli.inProject(project, "compile", "--log-format", "json", "--log-level", "debug");
        assertThat(result.exitCode()).isZero();
        List<JsonNode> events = events(result);
        assertThat(names(events)).doesNotContain("LogStartLine", "LogModelResult").contains("NodeStart", "NodeFinished");
        assertEachNodeStartsBeforeItFinishes(events);
        JsonNode last = events.get(events.size() - 1);
        assertThat(name(last)).isEqualTo("CommandCompleted");
        assertThat(last.path("data").path("success").asBoolean()).isTrue();
        assertThat(last.path("data").path("command").asText()).isEqualTo("smelt compile");
    }

    @Test
    void aParseErrorIsAnEventToo() throws IOException {
        TestingFiles.write(project.resolve("models/typo.sql"), "select * from {{ ref('stg_ordrs') }}\n");
        Result result = TestingCli.inProject(project, "parse", "--log-format", "json");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEmpty();
        List<JsonNode> events = events(result);
        assertThat(name(events.get(0))).isEqualTo("MainReportVersion");
        JsonNode error = only(events, "MainEncounteredError", null);
        assertThat(error.path("info").path("level").asText()).isEqualTo("error");
        assertThat(error.path("data").path("exc").asText()).contains("models/typo.sql:1").contains("stg_ordrs")
                .contains("did you mean 'stg_orders'");
        assertThat(name(events.get(events.size() - 1))).isEqualTo("MainEncounteredError");

        Result debug = TestingCli.inProject(project, "parse", "--log-format", "json", "--log-level", "debug");
        List<JsonNode> all = events(debug);
        assertThat(names(all)).containsSubsequence("MainReportVersion", "MainEncounteredError", "CommandCompleted");
        assertThat(all.get(all.size() - 1).path("data").path("success").asBoolean()).isFalse();
    }

    @Test
    void secretsStayOutAndCustomVariablesGoToExtra() throws IOException {
        FailingShop.fix(project);
        Map<String, String> environment = Map.of("DBT_ENV_SECRET_TOKEN", "hunter2-s3cret", "DBT_ENV_CUSTOM_ENV_RUN_BY", "airflow");
        Result result = TestingCli.inProject(project, environment, "seed", "--vars", "{token: hunter2-s3cret}",
                "--log-format", "json", "--log-level", "debug");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).doesNotContain("hunter2-s3cret").contains("*****");
        List<JsonNode> events = events(result);
        assertThat(events).allSatisfy(e -> assertThat(e.path("info").path("extra").path("RUN_BY").asText()).isEqualTo("airflow"));
    }

    @Test
    void projectHooks() throws IOException {
        FailingShop.fix(project);
        Files.writeString(project.resolve("dbt_project.yml"), Files.readString(project.resolve("dbt_project.yml"))
                + "on-run-start: [\"select 1\", \"select 2\"]\non-run-end: [\"select 3\"]\n");
        Result result = TestingCli.inProject(project, "seed", "--log-format", "json");
        assertThat(result.exitCode()).isZero();
        List<JsonNode> events = events(result);
        assertThat(names(events)).containsSubsequence("ConcurrencyLine", "HooksRunning", "LogHookStartLine", "LogHookEndLine",
                "LogHookStartLine", "LogHookEndLine", "LogStartLine", "LogSeedResult", "HooksRunning", "LogHookStartLine",
                "LogHookEndLine", "FinishedRunningStats").doesNotContain("NodeStart");
        JsonNode running = events.stream().filter(e -> name(e).equals("HooksRunning")).findFirst().orElseThrow();
        assertThat(running.path("info").path("msg").asText()).isEqualTo("Running 2 on-run-start hooks");
        JsonNode end = events.stream().filter(e -> name(e).equals("LogHookEndLine")).reduce((a, b) -> b).orElseThrow();
        assertThat(end.path("data").path("statement").asText()).isEqualTo("shop.on-run-end.0");
        assertThat(end.path("data").path("status").asText()).isEqualTo("success");
        assertThat(end.path("info").path("msg").asText()).startsWith("1 of 1 OK hook: shop.on-run-end.0 ");
        assertThat(end.path("data").path("node_info").path("resource_type").asText()).isEqualTo("operation");
    }

    @Test
    void githubAnnotationsGoToStderr() {
        Result result = TestingCli.inProject(project, Map.of("GITHUB_ACTIONS", "true"), "run", "--log-format", "json");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(events(result)).isNotEmpty();
        assertThat(result.err()).contains("::error file=models/stg_orders.sql");
    }

    @Test
    void logLevelNoneWritesNothing() {
        Result result = TestingCli.inProject(project, "seed", "--log-format", "json", "--log-level", "none");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        Result bad = TestingCli.inProject(project, "seed", "--log-format", "json", "--log-level", "loud");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--log-level must be debug, info, warn, error or none");
    }

    /** Every stdout line, each checked against the schema. */
    private static List<JsonNode> events(Result result) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : result.out().lines().toList()) {
            JsonNode event;
            try {
                event = MAPPER.readTree(line);
            }
            catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            assertThat(SCHEMA.validate(event)).as(line).isEmpty();
            events.add(event);
        }
        assertThat(events).as(result.err()).isNotEmpty();
        return events;
    }

    private static void assertEachNodeStartsBeforeItFinishes(List<JsonNode> events) {
        Set<String> started = new HashSet<>();
        int finished = 0;
        for (JsonNode event : events) {
            String id = event.path("data").path("node_info").path("unique_id").asText();
            if (name(event).equals("NodeStart")) {
                assertThat(started.add(id)).as("started once: " + id).isTrue();
            }
            else if (name(event).equals("NodeFinished")) {
                assertThat(started).as("started before it finished").contains(id);
                finished++;
            }
        }
        assertThat(finished).isEqualTo(started.size()).isPositive();
    }

    /** The one event of this name (about the node of this name, unless null). */
    private static JsonNode only(List<JsonNode> events, String name, String node) {
        List<JsonNode> found = events.stream().filter(e -> name(e).equals(name))
                .filter(e -> node == null || e.path("data").path("node_info").path("node_name").asText().equals(node))
                .toList();
        assertThat(found).as(name + " " + node).hasSize(1);
        return found.get(0);
    }

    private static String name(JsonNode event) {
        return event.path("info").path("name").asText();
    }

    private static List<String> names(List<JsonNode> events) {
        return events.stream().map(TestJsonLogs::name).toList();
    }

    private static JsonSchema schema() {
        try (InputStream in = TestJsonLogs.class.getResourceAsStream("dbt-log-event.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(in));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
