package io.smelt.adapter.testing;

import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots on a real engine, through the snapshots fixture: three rounds of source rows (a change, a
 * deletion, a new key, a key coming back, a change the timestamp strategy cannot see) recorded by the
 * timestamp and check strategies with each hard_deletes mode, in block and YAML form. What each
 * snapshot holds is read back and compared with the history dbt's semantics give.
 */
public abstract class BaseSnapshotContractTest extends BaseProjectTest {
    /** A time as the rows' labels show it: the two source times, the far-future current marker, or "now". */
    private static String label(String column) {
        return "case when " + column + " is null then 'null'"
                + " when " + column + " = cast('2024-01-01 00:00:00' as timestamp) then 't1'"
                + " when " + column + " = cast('2024-01-02 00:00:00' as timestamp) then 't2'"
                + " when " + column + " = cast('9999-12-31 00:00:00' as timestamp) then 'max'"
                + " else 'now' end";
    }

    private List<String> history(Workspace workspace, String snapshot, String validFrom, String validTo, boolean deleted) {
        return rows(workspace, "select id, status, amount, " + label(validFrom) + ", " + label(validTo)
                + (deleted ? ", dbt_is_deleted" : "") + " from " + relation(workspace, snapshot) + " order by id, " + validFrom);
    }

    @Test
    public void snapshotsRecordChangesDeletionsAndReturnsOverThreeRounds() {
        Path project = project("snapshots");
        try (Workspace workspace = load(project, "{round: 1}", Map.of())) {
            assertSucceeded(run(workspace, Command.BUILD));
            assertThat(history(workspace, "orders_timestamp", "dbt_valid_from", "dbt_valid_to", true))
                    .containsExactly("1|placed|10|t1|null|False", "2|placed|20|t1|null|False", "3|placed|30|t1|null|False");
        }
        // snapshot nodes, their tests and their results are valid dbt artifacts
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(project.resolve("target/manifest.json")), TestingDbtSchemas.MANIFEST);
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(project.resolve("target/run_results.json")), TestingDbtSchemas.RUN_RESULTS);
        try (Workspace workspace = load(project, "{round: 2}", Map.of())) {
            assertSucceeded(run(workspace, Command.BUILD));
        }
        try (Workspace workspace = load(project, "{round: 3}", Map.of())) {
            assertSucceeded(run(workspace, Command.BUILD));
            List<String> timestamp = history(workspace, "orders_timestamp", "dbt_valid_from", "dbt_valid_to", true);
            List<String> check = history(workspace, "orders_check", "dbt_valid_from", "dbt_valid_to", false);
            List<String> yaml = history(workspace, "orders_yaml", "valid_from", "valid_to", false);
            // timestamp: versions change at updated_at; order 3 is closed, marked deleted, then back;
            // order 2's new amount keeps its updated_at, so the timestamp strategy does not see it
            assertThat(timestamp).containsExactly(
                    "1|placed|10|t1|t2|False", "1|shipped|10|t2|null|False",
                    "2|placed|20|t1|null|False",
                    "3|placed|30|t1|now|False", "3|placed|30|now|now|True", "3|placed|30|now|null|False",
                    "4|placed|40|t2|null|False");
            // check with invalidate: current rows end at the far-future marker, a deleted row is closed
            assertThat(check).containsExactly(
                    "1|placed|10|now|now", "1|shipped|10|now|max",
                    "2|placed|20|now|now", "2|placed|25|now|max",
                    "3|placed|30|now|now", "3|placed|30|now|max",
                    "4|placed|40|now|max");
            // check on all columns, hard deletes ignored, meta columns renamed
            assertThat(yaml).containsExactly(
                    "1|placed|10|now|now", "1|shipped|10|now|null",
                    "2|placed|20|now|now", "2|placed|25|now|null",
                    "3|placed|30|now|null",
                    "4|placed|40|now|null");
            // one current version per key, and every version's id is distinct
            assertThat(scalar(workspace, "select count(*) from " + relation(workspace, "orders_timestamp")
                    + " where dbt_valid_to is null")).hasToString("4");
            assertThat(scalar(workspace, "select count(distinct dbt_scd_id) from " + relation(workspace, "orders_check")))
                    .hasToString("7");
            // a closed version ends where the next one starts
            assertThat(scalar(workspace, "select count(*) from " + relation(workspace, "orders_check") + " a join "
                    + relation(workspace, "orders_check") + " b on a.id = b.id and a.dbt_valid_to = b.dbt_valid_from"))
                    .hasToString("2");
        }
        // a snapshot run with no change in the source adds nothing
        try (Workspace workspace = load(project, "{round: 3}", Map.of())) {
            List<String> before = history(workspace, "orders_check", "dbt_valid_from", "dbt_valid_to", false);
            RunSummary summary = run(workspace, Command.SNAPSHOT);
            assertSucceeded(summary);
            assertThat(names(summary)).containsExactlyInAnyOrder("orders_timestamp=SUCCESS", "orders_check=SUCCESS", "orders_yaml=SUCCESS");
            assertThat(history(workspace, "orders_check", "dbt_valid_from", "dbt_valid_to", false)).isEqualTo(before);
            assertThat(count(workspace, "orders_timestamp")).isEqualTo(7);
        }
    }

    @Test
    public void aSourceWithDuplicateKeysFailsTheSnapshotAndLeavesItsHistory() {
        Path project = project("snapshots");
        try (Workspace workspace = load(project, "{round: 1}", Map.of())) {
            assertSucceeded(run(workspace, Command.BUILD));
        }
        try (Workspace workspace = load(project, "{round: 2, duplicate: true}", Map.of())) {
            RunSummary summary = run(workspace, Command.BUILD);
            for (String snapshot : List.of("orders_timestamp", "orders_check", "orders_yaml")) {
                NodeResult result = result(summary, snapshot);
                assertThat(result.status()).as(snapshot).isEqualTo(NodeStatus.ERROR);
                assertThat(result.message()).as(snapshot).contains("more than one row for a unique_key");
            }
            assertThat(history(workspace, "orders_timestamp", "dbt_valid_from", "dbt_valid_to", true))
                    .containsExactly("1|placed|10|t1|null|False", "2|placed|20|t1|null|False", "3|placed|30|t1|null|False");
            assertThat(count(workspace, "orders_check")).isEqualTo(3);
        }
    }
}
