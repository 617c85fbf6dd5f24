package io.smelt.cli.output;

import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.MacroInfo;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.smelt.cli.output.TestingNodes.model;
import static io.smelt.cli.output.TestingNodes.result;
import static io.smelt.cli.output.TestingNodes.seed;
import static io.smelt.cli.output.TestingNodes.test;
import static org.assertj.core.api.Assertions.assertThat;

class TestRunStats {
    @Test
    void found() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Node node : List.of(model("a", "view"), model("b", "table"), seed("s"), test("t1"), test("t2"),
                TestingNodes.node(ResourceType.SOURCE, "events", "models/sources.yml", Map.of()),
                TestingNodes.node(ResourceType.ANALYSIS, "an", "analyses/an.sql", Map.of()))) {
            nodes.put(node.uniqueId(), node);
        }
        Map<String, MacroInfo> macros = Map.of("macro.tiny.m", new MacroInfo("macro.tiny.m", "tiny", "m", Path.of("macros/m.sql"), 1, ""));
        Manifest manifest = new Manifest("tiny", "memory", nodes, macros, Map.of());
        assertThat(RunStats.found(manifest)).isEqualTo("Found 2 models, 1 analysis, 1 seed, 2 data tests, 1 source, 1 macro");
    }

    @Test
    void finishedGroupsModelsByMaterialization() {
        RunSummary summary = new RunSummary(Command.BUILD, List.of(
                result(seed("s"), 1, 6, NodeStatus.SUCCESS, "INSERT 3", 0, 10),
                result(model("v1", "view"), 2, 6, NodeStatus.SUCCESS, "OK", 0, 10),
                result(model("v2", "view"), 3, 6, NodeStatus.SUCCESS, "OK", 0, 10),
                result(model("t", "table"), 4, 6, NodeStatus.SUCCESS, "OK", 0, 10),
                result(test("u"), 5, 6, NodeStatus.PASS, "", 0, 10),
                result(test("n"), 6, 6, NodeStatus.PASS, "", 0, 10)), Duration.ofMillis(1234));
        assertThat(RunStats.finished(summary)).isEqualTo(
                "Finished running 1 seed, 2 view models, 1 table model, 2 data tests in 0 hours 0 minutes and 1.23 seconds (1.23s).");
        assertThat(RunStats.completion(summary)).isEqualTo("Completed successfully");
        assertThat(RunStats.completionTone(summary)).isEqualTo(Tone.GOOD);
        assertThat(RunStats.done(summary)).isEqualTo("Done. PASS=6 WARN=0 ERROR=0 SKIP=0 TOTAL=6");
    }

    @Test
    void finishedListsSeedsModelsThenTestsWhateverOrderTheyFinishedIn() {
        RunSummary summary = new RunSummary(Command.BUILD, List.of(
                result(test("u"), 2, 4, NodeStatus.PASS, "", 0, 10),
                result(model("t", "table"), 4, 4, NodeStatus.SUCCESS, "OK", 0, 10),
                result(model("v", "view"), 3, 4, NodeStatus.SUCCESS, "OK", 0, 10),
                result(seed("s"), 1, 4, NodeStatus.SUCCESS, "INSERT 3", 0, 10)), Duration.ofMillis(10));
        assertThat(RunStats.finished(summary)).startsWith("Finished running 1 seed, 1 view model, 1 table model, 1 data test in ");
    }

    @Test
    void errorsWarningsAndSkips() {
        RunSummary summary = new RunSummary(Command.BUILD, List.of(
                result(model("a", "table"), 1, 4, NodeStatus.ERROR, "boom", 0, 10),
                result(model("b", "view"), 2, 4, NodeStatus.SKIPPED, "", 0, 0),
                result(test("f"), 3, 4, NodeStatus.FAIL, "", 3, 10),
                result(test("w"), 4, 4, NodeStatus.WARN, "", 2, 10)), Duration.ofSeconds(3725, 500_000_000));
        assertThat(RunStats.completion(summary)).isEqualTo("Completed with 2 errors and 1 warning:");
        assertThat(RunStats.completionTone(summary)).isEqualTo(Tone.BAD);
        assertThat(RunStats.done(summary)).isEqualTo("Done. PASS=0 WARN=1 ERROR=2 SKIP=1 TOTAL=4");
        assertThat(RunStats.finished(summary)).endsWith("in 1 hours 2 minutes and 5.50 seconds (3725.50s).");
    }

    @Test
    void onlyWarnings() {
        RunSummary summary = new RunSummary(Command.TEST, List.of(result(test("w"), 1, 1, NodeStatus.WARN, "", 2, 10)), Duration.ZERO);
        assertThat(RunStats.completion(summary)).isEqualTo("Completed with 1 warning:");
        assertThat(RunStats.completionTone(summary)).isEqualTo(Tone.WARN);
    }

    @Test
    void plurals() {
        assertThat(RunStats.count(1, "model")).isEqualTo("1 model");
        assertThat(RunStats.count(0, "model")).isEqualTo("0 models");
        assertThat(RunStats.count(2, "analysis")).isEqualTo("2 analyses");
    }

    @Test
    void failureReport() {
        NodeResult failed = result(test("not_null_x_id"), 1, 1, NodeStatus.FAIL, "", 3, 10);
        assertThat(FailureReport.lines(failed)).containsExactly(
                "Failure in test not_null_x_id (models/schema.yml)",
                "  Got 3 results, configured to fail if != 0",
                "",
                "  compiled code at target/compiled/tiny/models/schema.yml/not_null_x_id.sql");
        NodeResult error = result(model("gold", "table"), 1, 1, NodeStatus.ERROR, "Catalog Error: Table x does not exist!\nLINE 1: ...", 0, 10);
        assertThat(FailureReport.lines(error)).containsExactly(
                "Runtime Error in model gold (models/gold.sql)",
                "  Catalog Error: Table x does not exist!\n  LINE 1: ...");
        NodeResult headed = result(model("gold", "table"), 1, 1, NodeStatus.ERROR,
                "Runtime Error in model gold (models/gold.sql)\n  Parser Error: syntax error", 0, 10);
        assertThat(FailureReport.lines(headed)).containsExactly(
                "Runtime Error in model gold (models/gold.sql)",
                "  Parser Error: syntax error");
        assertThat(FailureReport.lines(result(test("w"), 1, 1, NodeStatus.WARN, "", 1, 10)))
                .startsWith("Warning in test w (models/schema.yml)", "  Got 1 result, configured to warn if != 0");
        assertThat(FailureReport.lines(result(test("p"), 1, 1, NodeStatus.PASS, "", 0, 10))).isEmpty();
    }
}
