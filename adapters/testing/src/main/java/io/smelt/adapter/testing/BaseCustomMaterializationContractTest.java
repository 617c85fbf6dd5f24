package io.smelt.adapter.testing;

import io.smelt.adapter.RelationType;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code {% materialization %}} blocks of the project on the engine under test (the
 * {@code custom_materialization} fixture): statement('main'), run_hooks, adapter.get_relation,
 * make_temp_relation, drop and rename, config.get, should_full_refresh and the returned relations;
 * an engine's own block wins over the default one.
 */
public abstract class BaseCustomMaterializationContractTest extends BaseProjectTest {
    @Test
    public void aCustomMaterializationBuildsTheModelWithItsHooks() {
        Path project = project("custom_materialization");
        try (Workspace workspace = load(project)) {
            for (int run = 1; run <= 2; run++) {
                // the second run finds the table and replaces it
                RunSummary summary = run(workspace, Command.RUN);
                assertSucceeded(summary);
                assertThat(rows(workspace, "select id, amount, label, full_refresh from " + relation(workspace, "summary")
                        + " order by id")).containsExactly("1|10|weekly|false", "2|20|weekly|false", "99|0|post|false");
            }
            assertThat(rows(workspace, "select id, label from " + relation(workspace, "labels") + " order by id"))
                    .containsExactly("1|weekly", "2|weekly", "99|post");
            Node summary = workspace.manifest().nodes().values().stream().filter(n -> n.name().equals("summary")).findFirst().orElseThrow();
            assertThat(rows(workspace, "select event from " + summary.schema() + ".hook_log")).containsExactly("pre");
            assertThat(kind(workspace, summary.database(), summary.schema(), "summary")).contains(RelationType.TABLE);
            assertThat(kind(workspace, summary.database(), summary.schema(), "summary__dbt_tmp")).as("no temp table left").isEmpty();

            RunSummary full = run(workspace, Command.RUN, true, "summary");
            assertSucceeded(full);
            assertThat(rows(workspace, "select full_refresh from " + relation(workspace, "summary") + " where id = 1"))
                    .containsExactly("true");
        }
    }

    @Test
    public void theEnginesOwnMaterializationWinsOverTheDefaultOne() {
        Path project = project("custom_materialization");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.RUN, "stamp");
            assertSucceeded(summary);
            assertThat(rows(workspace, "select id, built_by from " + relation(workspace, "stamp")))
                    .containsExactly("1|" + targetFields(tempDir, schema()).get("type"));
        }
    }

    @Test
    public void aBlockThatRunsNoMainStatementFailsTheModel() {
        Path project = project("custom_materialization");
        write(project.resolve("macros/materializations/silent.sql"),
                "{% materialization silent, default %}{{ return({'relations': []}) }}{% endmaterialization %}\n");
        write(project.resolve("models/stamp.sql"), "{{ config(materialized='silent') }}\nselect 1 as id\n");
        write(project.resolve("models/unknown.sql"), "{{ config(materialized='no_such_materialization') }}\nselect 1 as id\n");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.RUN, "stamp", "unknown");
            assertThat(result(summary, "stamp").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result(summary, "stamp").message()).contains("did not run a statement named 'main'");
            assertThat(result(summary, "unknown").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result(summary, "unknown").message()).contains("materialization 'no_such_materialization' is not defined");
        }
    }
}
