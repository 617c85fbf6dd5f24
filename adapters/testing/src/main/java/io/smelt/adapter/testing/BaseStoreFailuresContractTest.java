package io.smelt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data tests that store their failing rows, through the store_failures fixture: each stored relation
 * is read back from the engine (its rows and, from the engine's catalog, whether it is a table or a
 * view), and a second run on fixed data shows each one replaced.
 */
public abstract class BaseStoreFailuresContractTest extends BaseProjectTest {
    private String audit() {
        return schema() + "_dbt_test__audit";
    }

    @Test
    public void failingRowsAreStoredAsConfiguredAndReplacedOnTheNextRun() {
        Path project = project("store_failures");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.RUN));
            RunSummary summary = run(workspace, Command.TEST);

            assertOutcome(summary, "unique_people_id", NodeStatus.FAIL, 1);
            assertThat(kind(workspace, "unique_people_id")).contains(RelationType.TABLE);
            assertThat(rows(workspace, "select unique_field, n_records from " + stored(workspace, "unique_people_id")))
                    .containsExactly("1|2");

            // a view of the whole failing rows: not_null selects every column when it stores
            assertOutcome(summary, "not_null_people_name", NodeStatus.FAIL, 1);
            assertThat(kind(workspace, "not_null_people_name")).contains(RelationType.VIEW);
            assertThat(rows(workspace, "select id, name, grp from " + stored(workspace, "not_null_people_name")))
                    .containsExactly("3||c");

            assertOutcome(summary, "accepted_values_people_grp__a__b__c", NodeStatus.WARN, 1);
            assertThat(rows(workspace, "select value_field, n_records from "
                    + stored(workspace, "accepted_values_people_grp__a__b__c"))).containsExactly("x|1");

            // a test that passes stores an empty table
            assertOutcome(summary, "not_null_people_id", NodeStatus.PASS, 0);
            assertThat(kind(workspace, "not_null_people_id")).contains(RelationType.TABLE);
            assertThat(rows(workspace, "select count(*) from " + stored(workspace, "not_null_people_id"))).containsExactly("0");

            // ephemeral wins over store_failures: true
            assertOutcome(summary, "accepted_values_people_name__ann__bob", NodeStatus.FAIL, 1);
            assertThat(kind(workspace, "accepted_values_people_name__ann__bob")).isEmpty();

            // a singular test's config(): its own schema, through generate_schema_name
            assertOutcome(summary, "dee_rows", NodeStatus.FAIL, 1);
            assertThat(testNode(workspace, "dee_rows").schema()).isEqualTo(schema() + "_quality");
            assertThat(kind(workspace, "dee_rows")).contains(RelationType.TABLE);
            assertThat(rows(workspace, "select id, name from " + stored(workspace, "dee_rows"))).containsExactly("1|dee");

            // the limit cuts the stored rows, and the test counts what was stored
            assertOutcome(summary, "limited", NodeStatus.FAIL, 1);
            assertThat(rows(workspace, "select count(*) from " + stored(workspace, "limited"))).containsExactly("1");

            // +store_failures in dbt_project.yml
            assertOutcome(summary, "grp_x", NodeStatus.FAIL, 1);
            assertThat(rows(workspace, "select id, name, grp from " + stored(workspace, "grp_x"))).containsExactly("1|dee|x");

            // no config and no --store-failures; store_failures: false
            assertOutcome(summary, "only_b", NodeStatus.FAIL, 1);
            assertThat(kind(workspace, "only_b")).isEmpty();
            assertThat(kind(workspace, "never_stored")).isEmpty();

            assertThat(result(summary, "unique_people_id").relationName()).isEqualTo(stored(workspace, "unique_people_id"));
            assertThat(result(summary, "only_b").relationName()).isNull();
            assertArtifacts(workspace);
        }

        try (Workspace workspace = load(project, "{fixed: true}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN));
            RunSummary summary = run(workspace, Command.TEST);
            assertOutcome(summary, "unique_people_id", NodeStatus.PASS, 0);
            assertThat(rows(workspace, "select count(*) from " + stored(workspace, "unique_people_id"))).containsExactly("0");
            assertOutcome(summary, "not_null_people_name", NodeStatus.PASS, 0);
            assertThat(kind(workspace, "not_null_people_name")).contains(RelationType.VIEW);
            assertThat(rows(workspace, "select count(*) from " + stored(workspace, "not_null_people_name"))).containsExactly("0");
            assertOutcome(summary, "accepted_values_people_grp__a__b__c", NodeStatus.PASS, 0);
            assertThat(rows(workspace, "select count(*) from " + stored(workspace, "accepted_values_people_grp__a__b__c")))
                    .containsExactly("0");
            assertThat(rows(workspace, "select id, name from " + stored(workspace, "dee_rows"))).containsExactly("4|dee");
            assertThat(rows(workspace, "select count(*) from " + stored(workspace, "grp_x"))).containsExactly("0");
        }
    }

    @Test
    public void theFlagStoresTheTestsWithoutAConfigInBuild() {
        try (Workspace workspace = load(project("store_failures"))) {
            Invocation build = new Invocation(Command.BUILD, Selection.all(), false, false, EventTimeRange.NONE,
                    WarnErrorOptions.NONE, true);
            RunSummary summary = workspace.execute(build, RunListener.NONE);
            assertThat(result(summary, "people").status()).isEqualTo(NodeStatus.SUCCESS);

            assertOutcome(summary, "only_b", NodeStatus.FAIL, 1);
            assertThat(kind(workspace, "only_b")).contains(RelationType.TABLE);
            assertThat(rows(workspace, "select id, grp from " + stored(workspace, "only_b"))).containsExactly("2|b");
            assertThat(result(summary, "only_b").relationName()).isEqualTo(stored(workspace, "only_b"));

            // a config that says no wins over the flag
            assertOutcome(summary, "never_stored", NodeStatus.FAIL, 1);
            assertThat(kind(workspace, "never_stored")).isEmpty();
            assertThat(kind(workspace, "accepted_values_people_name__ann__bob")).isEmpty();
            assertThat(rows(workspace, "select unique_field, n_records from " + stored(workspace, "unique_people_id")))
                    .containsExactly("1|2");
        }
    }

    private void assertArtifacts(Workspace workspace) {
        JsonNode manifest = TestingDbtSchemas.read(workspace.targetPath().resolve("manifest.json"));
        TestingDbtSchemas.assertValid(manifest, TestingDbtSchemas.MANIFEST);
        JsonNode runResults = TestingDbtSchemas.read(workspace.targetPath().resolve("run_results.json"));
        TestingDbtSchemas.assertValid(runResults, TestingDbtSchemas.RUN_RESULTS);
        JsonNode stored = manifest.get("nodes").get(testNode(workspace, "not_null_people_name").uniqueId());
        assertThat(stored.get("relation_name").asText()).isEqualTo(stored(workspace, "not_null_people_name"));
        assertThat(stored.get("schema").asText()).isEqualTo(audit());
        assertThat(stored.get("config").get("store_failures_as").asText()).isEqualTo("view");
        assertThat(stored.get("config").get("store_failures").asBoolean()).isTrue();
        JsonNode unstored = manifest.get("nodes").get(testNode(workspace, "only_b").uniqueId());
        assertThat(unstored.get("relation_name").isNull()).isTrue();
    }

    private void assertOutcome(RunSummary summary, String test, NodeStatus status, long failures) {
        NodeResult result = result(summary, test);
        assertThat(result.status() + " " + result.failures()).as(test + ": " + result.message()).isEqualTo(status + " " + failures);
    }

    private String stored(Workspace workspace, String test) {
        return relation(workspace, test);
    }

    private Optional<RelationType> kind(Workspace workspace, String test) {
        Node node = testNode(workspace, test);
        return kind(workspace, node.database(), node.schema(), node.alias());
    }

    private static Node testNode(Workspace workspace, String test) {
        return workspace.manifest().nodes().values().stream().filter(n -> n.name().equals(test)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + test));
    }
}
