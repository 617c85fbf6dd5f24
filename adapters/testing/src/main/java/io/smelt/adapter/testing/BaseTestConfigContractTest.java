package io.smelt.adapter.testing;

import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generic test config on the engine under test (the {@code test_configs} fixture): severity,
 * warn_if/error_if thresholds, fail_calc, where, limit, enabled, tags, meta and custom names, with
 * the failure count each test reports and the status it takes from it; with a custom generic test,
 * singular tests and a unit test beside them.
 */
public abstract class BaseTestConfigContractTest extends BaseProjectTest {
    @Test
    public void eachTestConfigDecidesTheStatusFromTheFailingRows() {
        Path project = project("test_configs");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            Map<String, String> outcomes = new TreeMap<>();
            summary.results().stream().filter(r -> r.node().resourceType() == ResourceType.TEST
                            || r.node().resourceType() == ResourceType.UNIT_TEST)
                    .forEach(r -> outcomes.put(r.node().name(), r.status() + " " + r.failures()));
            assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                    Map.entry("amounts_not_negative", "FAIL 1"),                 // -5 (a null amount is not a failure)
                    Map.entry("amounts_not_negative_when_shipped", "PASS 0"),    // where: only the shipped row, 20
                    Map.entry("unique_orders_id", "FAIL 1"),                     // id 5 twice
                    Map.entry("unique_id_warns", "WARN 1"),                      // severity: warn
                    Map.entry("not_null_orders_amount", "FAIL 1"),               // order 4
                    Map.entry("not_null_amount_unplaced", "PASS 0"),             // where: order 4 is placed
                    Map.entry("status_known_thresholds", "WARN 1"),              // 'unknown': > 0 warns, not > 1
                    Map.entry("status_known_strict", "FAIL 1"),                  // error_if: >=1
                    Map.entry("only_placed_limited", "WARN 2"),                  // 3 other statuses, limit 2
                    Map.entry("status_rows_in_duplicates", "FAIL 3"),
                    Map.entry("is_even_orders_id", "FAIL 4"),                    // custom generic test: ids 1, 3, 5, 5
                    Map.entry("even_ids_only", "PASS 0"),                        // where: ids 2 and 4
                    Map.entry("no_huge_amounts", "PASS 0"),                      // singular test
                    Map.entry("assert_no_returns", "FAIL 1"),                    // singular test: order 3
                    Map.entry("order_totals_by_status", "PASS 0")));             // unit test          // fail_calc sum(n_records): 'placed' on 3 rows
            assertThat(summary.results()).noneMatch(r -> r.node().name().equals("not_null_id_disabled"));
            assertThat(summary.count(NodeStatus.FAIL)).isEqualTo(7);
            assertThat(summary.count(NodeStatus.WARN)).isEqualTo(3);

            RunSummary nightly = run(workspace, Command.TEST, "tag:nightly");
            assertThat(names(nightly)).containsExactly("not_null_amount_unplaced=PASS");
        }
        JsonNode manifest = TestingDbtSchemas.read(project.resolve("target/manifest.json"));
        JsonNode warns = StreamSupport.stream(manifest.get("nodes").spliterator(), false)
                .filter(node -> node.path("name").asText().equals("unique_id_warns")).findFirst().orElseThrow();
        assertThat(warns.path("config").path("severity").asText()).isEqualToIgnoringCase("warn");
        assertThat(warns.path("config").path("meta").path("owner").asText()).as("+meta from dbt_project.yml").isEqualTo("data-team");
        assertThat(warns.path("test_metadata").path("kwargs").path("column_name").asText()).isEqualTo("id");
        TestingDbtSchemas.assertValid(manifest, TestingDbtSchemas.MANIFEST);
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(project.resolve("target/run_results.json")),
                TestingDbtSchemas.RUN_RESULTS);
    }
}
