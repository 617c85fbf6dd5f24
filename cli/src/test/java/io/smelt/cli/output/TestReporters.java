package io.smelt.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.smelt.cli.output.TestingNodes.model;
import static io.smelt.cli.output.TestingNodes.result;
import static io.smelt.cli.output.TestingNodes.seed;
import static io.smelt.cli.output.TestingNodes.test;
import static org.assertj.core.api.Assertions.assertThat;

class TestReporters {
    private final StringWriter text = new StringWriter();

    @Test
    void textRunReadsLikeDbt() {
        TextReporter reporter = new TextReporter(new PrintWriter(text), Palette.OFF, false, false, null);
        play(reporter);
        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Running with smelt=0.1.0");
        assertThat(lines).contains("Registered adapter: memory", "Found 2 models, 1 seed, 2 data tests");
        assertThat(lines).anyMatch(l -> l.matches("1 of 5 OK loaded seed file main\\.raw_events \\.+ \\[INSERT 3 in 0\\.12s]"));
        assertThat(lines).anyMatch(l -> l.startsWith("5 of 5 FAIL 2 not_null_gold_id ..."));
        assertThat(lines).noneMatch(l -> l.contains("START"));
        assertThat(lines).containsSubsequence(
                "Finished running 1 seed, 1 view model, 1 table model, 2 data tests in 0 hours 0 minutes and 1.50 seconds (1.50s).",
                "",
                "Completed with 1 error and 0 warnings:",
                "",
                "Failure in test not_null_gold_id (models/schema.yml)",
                "  Got 2 results, configured to fail if != 0",
                "",
                "  compiled code at target/compiled/tiny/models/schema.yml/not_null_gold_id.sql",
                "",
                "Done. PASS=4 WARN=0 ERROR=1 SKIP=0 TOTAL=5");
        assertThat(text.toString()).doesNotContain("\u001b[");
    }

    @Test
    void debugShowsStartLinesAndDebugMessages() {
        TextReporter reporter = new TextReporter(new PrintWriter(text), Palette.OFF, true, false, null);
        reporter.nodeStarted(model("silver", "view"), 1, 1);
        reporter.message(RunListener.Level.DEBUG, "compiling silver");
        assertThat(text.toString()).contains("1 of 1 START sql view model main.silver ...", "compiling silver");
    }

    @Test
    void quietKeepsOnlyFailuresAndWarnings() {
        TextReporter reporter = new TextReporter(new PrintWriter(text), Palette.OFF, false, true, null);
        play(reporter);
        reporter.message(RunListener.Level.INFO, "hello from log()");
        reporter.message(RunListener.Level.WARN, "careful");
        assertThat(text.toString())
                .doesNotContain("Running with", "Found", "OK loaded", "Done.", "hello from log()")
                .contains("Completed with 1 error", "Failure in test not_null_gold_id", "[WARNING]: careful");
    }

    @Test
    void coloursWhenAsked() {
        TextReporter reporter = new TextReporter(new PrintWriter(text), Palette.ON, false, false, null);
        play(reporter);
        assertThat(text.toString()).contains("\u001b[32mPASS\u001b[39m", "\u001b[31mFAIL 2\u001b[39m",
                "\u001b[31mCompleted with 1 error and 0 warnings:\u001b[39m");
    }

    @Test
    void progressLineIsDrawnAndClearedOnATerminal() {
        TextReporter reporter = new TextReporter(new PrintWriter(text), Palette.OFF, false, false, new ProgressLine(60));
        reporter.runStarted(Command.RUN, 2);
        reporter.nodeStarted(model("silver_user_events", "view"), 1, 2);
        reporter.nodeStarted(model("gold_x", "table"), 2, 2);
        assertThat(text.toString()).contains("\r[0/2] running: silver_user_events, gold_x");
        reporter.nodeFinished(result(model("silver_user_events", "view"), 1, 2, NodeStatus.SUCCESS, "OK", 0, 10));
        reporter.nodeFinished(result(model("gold_x", "table"), 2, 2, NodeStatus.SUCCESS, "OK", 0, 10));
        reporter.close();
        String output = text.toString();
        assertThat(output).contains("[1/2] running: gold_x");
        // the last thing on screen is a finished line, not the progress line
        String last = output.substring(output.lastIndexOf('\r') + 1);
        assertThat(last).doesNotContain("running:");
        assertThat(output.replaceAll("\r[^\r\n]*", "").lines().filter(l -> !l.isBlank()))
                .allMatch(l -> l.contains(" OK created "));
    }

    @Test
    void progressLineFitsTheWidth() {
        ProgressLine progress = new ProgressLine(30);
        progress.start(9);
        progress.started("a_rather_long_model_name");
        progress.started("another_one");
        assertThat(progress.text()).hasSizeLessThanOrEqualTo(29).startsWith("[0/9] running: a_rather").endsWith("…");
    }

    @Test
    void jsonLinesParseAndCarryNodeInfo() throws IOException {
        JsonReporter reporter = json(LogLevel.DEBUG);
        reporter.runStarted(Command.BUILD, 5);
        reporter.nodeStarted(model("gold", "table"), 3, 5);
        play(reporter);
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : text.toString().lines().toList()) {
            events.add(mapper.readTree(line));
        }
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("info").path("name").asText()).isNotEmpty();
            assertThat(e.path("info").path("level").asText()).isIn("debug", "info", "warn", "error");
            assertThat(e.path("info").path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(e.path("info").has("msg")).isTrue();
            assertThat(e.has("data")).isTrue();
        });
        List<String> names = events.stream().map(e -> e.path("info").path("name").asText()).toList();
        assertThat(names).containsSubsequence("MainReportVersion", "FoundStats", "NodeFinished", "FinishedRunningStats",
                "EndOfRunSummary", "RunResultFailure", "StatsLine");
        JsonNode start = events.stream().filter(e -> e.path("info").path("name").asText().equals("LogStartLine")).findFirst().orElseThrow();
        assertThat(start.path("info").path("msg").asText()).startsWith("3 of 5 START sql table model main.gold");
        assertThat(start.path("info").path("code").asText()).isEqualTo("Q011");
        assertThat(start.path("data").path("node_info").path("node_status").asText()).isEqualTo("started");
        JsonNode failLine = events.stream().filter(e -> e.path("info").path("name").asText().equals("LogTestResult"))
                .filter(e -> e.path("data").path("status").asText().equals("fail")).findFirst().orElseThrow();
        assertThat(failLine.path("info").path("level").asText()).isEqualTo("error");
        assertThat(failLine.path("info").path("msg").asText()).startsWith("5 of 5 FAIL 2 not_null_gold_id");
        assertThat(failLine.path("data").path("num_failures").asInt()).isEqualTo(2);
        JsonNode fail = events.stream()
                .filter(e -> e.path("info").path("name").asText().equals("NodeFinished"))
                .filter(e -> e.path("data").path("run_result").path("status").asText().equals("fail"))
                .findFirst().orElseThrow();
        assertThat(fail.path("info").path("level").asText()).isEqualTo("debug");
        assertThat(fail.path("info").path("msg").asText()).isEqualTo("Finished running node test.tiny.not_null_gold_id");
        assertThat(fail.path("data").path("node_info").path("unique_id").asText()).isEqualTo("test.tiny.not_null_gold_id");
        assertThat(fail.path("data").path("node_info").path("resource_type").asText()).isEqualTo("test");
        assertThat(fail.path("data").path("run_result").path("num_failures").asLong()).isEqualTo(2);
        JsonNode seed = events.stream()
                .filter(e -> e.path("info").path("name").asText().equals("NodeFinished"))
                .filter(e -> e.path("data").path("node_info").path("node_name").asText().equals("raw_events"))
                .findFirst().orElseThrow();
        assertThat(seed.path("data").path("node_info").path("node_relation").path("schema").asText()).isEqualTo("main");
        assertThat(seed.path("data").path("run_result").path("adapter_response").path("rows_affected").asLong()).isEqualTo(3);
        assertThat(text.toString()).doesNotContain("\u001b[");
    }

    @Test
    void previewTableIsAligned() {
        QueryResult rows = new QueryResult(List.of(new Column("id", "INTEGER"), new Column("name", "VARCHAR"), new Column("amount", "DECIMAL")),
                List.of(List.of(1L, "alice", new BigDecimal("12.50")), java.util.Arrays.asList(10L, null, new BigDecimal("3.00"))), -1, "OK", null);
        assertThat(Tables.render(rows)).containsExactly(
                "| id | name  | amount |",
                "| -- | ----- | ------ |",
                "|  1 | alice |  12.50 |",
                "| 10 |       |   3.00 |");
        TextReporter reporter = new TextReporter(new PrintWriter(text), Palette.OFF, false, false, null);
        reporter.preview("Previewing node 'x':", rows);
        assertThat(text.toString()).startsWith("Previewing node 'x':" + System.lineSeparator() + "| id | name  | amount |");
    }

    @Test
    void jsonPreviewHasRowsAsObjects() throws IOException {
        QueryResult rows = new QueryResult(List.of(new Column("id", "INTEGER"), new Column("at", "DATE")),
                List.of(List.of(1L, java.time.LocalDate.of(2024, 1, 2))), -1, "OK", null);
        json(LogLevel.INFO).preview("Previewing inline node:", rows);
        List<String> lines = text.toString().lines().toList();
        JsonNode event = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(event.path("info").path("name").asText()).isEqualTo("ShowNode");
        assertThat(event.path("info").path("msg").asText()).isEqualTo("{\n  \"show\": [\n    {\n      \"id\": 1,\n      \"at\": \"2024-01-02\"\n    }\n  ]\n}");
        JsonNode preview = new ObjectMapper().readTree(event.path("data").path("preview").asText());
        assertThat(preview.get(0).path("id").asLong()).isEqualTo(1);
        assertThat(preview.get(0).path("at").asText()).isEqualTo("2024-01-02");
    }

    @Test
    void jsonLinesAreWrittenAsDbtWritesThem() {
        json(LogLevel.INFO).note("caf\u00e9");
        String line = text.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(line).startsWith("{\"data\": {\"msg\": \"caf\\u00e9\"}, \"info\": {\"category\": \"\", \"code\": \"Z050\", \"extra\": {}, ");
        assertThat(line).matches(".*\"ts\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3}|\\.\\d{6})?Z\"}}");
    }

    private JsonReporter json(LogLevel level) {
        return new JsonReporter(new PrintWriter(text), new JsonReporter.Settings("0.1.0", level, "smelt build", java.util.Map.of(), java.util.Map.of()));
    }

    /** A build of 5 nodes where one test fails. */
    private static void play(Reporter reporter) {
        Node raw = seed("raw_events");
        Node silver = model("silver", "view");
        Node gold = model("gold", "table");
        Node unique = test("unique_gold_id");
        Node notNull = test("not_null_gold_id");
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Node node : List.of(raw, silver, gold, unique, notNull)) {
            nodes.put(node.uniqueId(), node);
        }
        reporter.header("0.1.0");
        reporter.loaded(new Manifest("tiny", "memory", nodes, Map.of(), Map.of()));
        reporter.runStarted(Command.BUILD, 5);
        List<NodeResult> results = List.of(
                new NodeResult(raw, 1, 5, NodeStatus.SUCCESS, "", 0, java.time.Instant.parse("2026-01-01T00:00:00Z"),
                        Duration.ofMillis(120), "main.raw_events", null, null, Map.of("rows_affected", 3L)),
                result(silver, 2, 5, NodeStatus.SUCCESS, "OK", 0, 40),
                result(gold, 3, 5, NodeStatus.SUCCESS, "OK", 0, 60),
                result(unique, 4, 5, NodeStatus.PASS, "", 0, 20),
                result(notNull, 5, 5, NodeStatus.FAIL, "", 2, 20));
        for (NodeResult result : results) {
            reporter.nodeStarted(result.node(), result.index(), result.total());
            reporter.nodeFinished(result);
        }
        reporter.summary(new RunSummary(Command.BUILD, results, Duration.ofMillis(1500)));
        reporter.close();
    }
}
