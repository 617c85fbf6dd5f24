package io.smelt.cli.output;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.smelt.cli.output.TestingNodes.model;
import static io.smelt.cli.output.TestingNodes.result;
import static io.smelt.cli.output.TestingNodes.seed;
import static io.smelt.cli.output.TestingNodes.test;
import static org.assertj.core.api.Assertions.assertThat;

class TestNodeLine {
    @Test
    void tableModel() {
        String line = NodeLine.finished(result(model("silver_user_events", "table"), 3, 12, NodeStatus.SUCCESS, "OK", 0, 210)).plain();
        assertThat(line).matches("3 of 12 OK created sql table model main\\.silver_user_events \\.+ \\[OK in 0\\.21s]");
        assertThat(line.indexOf(" [")).isEqualTo(80);
    }

    @Test
    void viewAndIncrementalModels() {
        assertThat(NodeLine.finished(result(model("v", "view"), 1, 2, NodeStatus.SUCCESS, "", 0, 10)).plain())
                .startsWith("1 of 2 OK created sql view model main.v ...").endsWith("[OK in 0.01s]");
        assertThat(NodeLine.finished(result(model("i", "incremental"), 2, 2, NodeStatus.SUCCESS, "INSERT 4", 0, 10)).plain())
                .startsWith("2 of 2 OK created sql incremental model main.i ...").endsWith("[INSERT 4 in 0.01s]");
    }

    @Test
    void seedFile() {
        assertThat(NodeLine.finished(result(seed("raw_events"), 1, 5, NodeStatus.SUCCESS, "INSERT 3000", 0, 120)).plain())
                .startsWith("1 of 5 OK loaded seed file main.raw_events ...").endsWith("[INSERT 3000 in 0.12s]");
    }

    @Test
    void tests() {
        assertThat(NodeLine.finished(result(test("unique_x_id"), 4, 5, NodeStatus.PASS, "", 0, 50)).plain())
                .startsWith("4 of 5 PASS unique_x_id ...").endsWith("[PASS in 0.05s]");
        assertThat(NodeLine.finished(result(test("not_null_x_id"), 5, 5, NodeStatus.FAIL, "", 3, 50)).plain())
                .startsWith("5 of 5 FAIL 3 not_null_x_id ...").endsWith("[FAIL 3 in 0.05s]");
        assertThat(NodeLine.finished(result(test("accepted_values_x"), 5, 5, NodeStatus.WARN, "", 2, 50)).plain())
                .startsWith("5 of 5 WARN 2 accepted_values_x ...").endsWith("[WARN 2 in 0.05s]");
        assertThat(NodeLine.finished(result(test("broken"), 5, 5, NodeStatus.ERROR, "Binder Error", 0, 50)).plain())
                .startsWith("5 of 5 ERROR broken ...").endsWith("[ERROR in 0.05s]");
    }

    @Test
    void errorsAndSkips() {
        assertThat(NodeLine.finished(result(model("gold", "table"), 2, 3, NodeStatus.ERROR, "Catalog Error", 0, 30)).plain())
                .startsWith("2 of 3 ERROR creating sql table model main.gold ...").endsWith("[ERROR in 0.03s]");
        assertThat(NodeLine.finished(result(seed("raw"), 1, 3, NodeStatus.ERROR, "bad csv", 0, 30)).plain())
                .startsWith("1 of 3 ERROR loading seed file main.raw ...");
        assertThat(NodeLine.finished(result(model("after", "view"), 3, 3, NodeStatus.SKIPPED, "", 0, 0)).plain())
                .startsWith("3 of 3 SKIP relation main.after ...").endsWith("[SKIP]");
        assertThat(NodeLine.finished(result(model("after", "view"), 3, 3, NodeStatus.SKIPPED, "upstream ephemeral model failed", 0, 0)).plain())
                .startsWith("3 of 3 SKIP relation main.after due to ephemeral model error ...");
        assertThat(NodeLine.finished(result(test("t"), 3, 3, NodeStatus.SKIPPED, "", 0, 0)).plain())
                .startsWith("3 of 3 SKIP test t ...").endsWith("[SKIP]");
    }

    @Test
    void startLines() {
        Node view = model("silver", "view");
        assertThat(NodeLine.started(view, 1, 4).plain()).startsWith("1 of 4 START sql view model main.silver ...").endsWith("[RUN]");
        assertThat(NodeLine.started(seed("raw"), 2, 4).plain()).startsWith("2 of 4 START seed file main.raw ...");
        assertThat(NodeLine.started(test("unique_x"), 3, 4).plain()).startsWith("3 of 4 START test unique_x ...");
    }

    @Test
    void coloursOnlyTheStatusWordsAndKeepsTheWidth() {
        NodeLine line = NodeLine.finished(result(test("not_null_x_id"), 5, 5, NodeStatus.FAIL, "", 3, 50));
        String coloured = line.render(Palette.ON);
        assertThat(coloured).contains("\u001b[31mFAIL 3\u001b[39m", "[\u001b[31mFAIL 3\u001b[39m in 0.05s]");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(line.plain());
        assertThat(NodeLine.finished(result(model("m", "table"), 1, 1, NodeStatus.SUCCESS, "OK", 0, 1)).render(Palette.ON))
                .contains("\u001b[32mOK created\u001b[39m");
        assertThat(NodeLine.finished(result(model("m", "table"), 1, 1, NodeStatus.SKIPPED, "", 0, 1)).render(Palette.ON))
                .contains("\u001b[33mSKIP\u001b[39m");
    }

    @Test
    void relationsPrintAsSchemaDotAliasLikeDbt() {
        Node node = model("stg", "view");
        NodeResult quoted = new NodeResult(node, 1, 1, NodeStatus.SUCCESS, "OK", 0, null, Duration.ofMillis(1),
                "\"db\".\"main\".\"stg\"", null, null, Map.of());
        assertThat(NodeLine.finished(quoted).plain()).startsWith("1 of 1 OK created sql view model main.stg ...");
    }

    @Test
    void longNamesAreNotCut() {
        String name = "a_very_long_model_name_that_goes_past_the_eighty_columns_dbt_pads_its_lines_to";
        assertThat(NodeLine.finished(result(model(name, "table"), 1, 1, NodeStatus.SUCCESS, "OK", 0, 1)).plain())
                .contains(name + "  [OK in 0.00s]");
    }
}
