package io.smelt.adapter.testing;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Incremental models on the {@code schema_change} fixture, on every engine: {@code full_refresh}
 * config and incremental predicates, {@code insert_overwrite} (or, where the engine lacks it, its
 * clear refusal), a {@code unique_key} the model does not select, and every strategy with every
 * {@code on_schema_change} mode.
 */
public abstract class BaseSchemaChangeContractTest extends BaseProjectTest {
    /**
     * --full-refresh rebuilds an incremental model unless its config says full_refresh: false, and
     * incremental_predicates narrow what a merge may touch in the table.
     */
    @Test
    public void fullRefreshConfigAndIncrementalPredicates() throws IOException {
        Path project = project("schema_change");
        Files.writeString(project.resolve("models/pinned.sql"),
                "{{ config(materialized='incremental', unique_key='id', full_refresh=false) }}\n{{ schema_change_rows('add') }}\n");
        Files.writeString(project.resolve("models/refreshed.sql"),
                "{{ config(materialized='incremental', unique_key='id') }}\n{{ schema_change_rows('add') }}\n");
        Files.writeString(project.resolve("models/predicated.sql"), "{{ config(materialized='incremental', unique_key='id', "
                + "incremental_strategy='merge', incremental_predicates=['DBT_INTERNAL_DEST.id > 2']) }}\n{{ schema_change_rows('add') }}\n");
        try (Workspace workspace = load(project, "{phase: 1}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN));
        }
        try (Workspace workspace = load(project, "{phase: 2}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN, true, "pinned", "refreshed"));
            // full_refresh: false keeps the table and merges: id 1 stays, 2 is updated, 3 added; no new column
            assertThat(rows(workspace, "select * from " + relation(workspace, "pinned") + " order by 1"))
                    .containsExactly("1|one|l1|10", "2|two v2|l2 v2|21", "3|three|l3|31");
            // --full-refresh rebuilds the other from the new rows alone, with the new column
            assertThat(rows(workspace, "select * from " + relation(workspace, "refreshed") + " order by 1"))
                    .containsExactly("2|two v2|l2 v2|21|n2", "3|three|l3|31|n3");
            assertSucceeded(run(workspace, Command.RUN, "predicated"));
            // the predicate keeps the merge away from id 2, so the new row 2 is inserted beside the old one
            assertThat(rows(workspace, "select * from " + relation(workspace, "predicated") + " order by 1, 2"))
                    .containsExactly("1|one|l1|10", "2|two|l2|20", "2|two v2|l2 v2|21", "3|three|l3|31");
        }
    }

    /**
     * insert_overwrite replaces exactly the partitions the new rows fall in, keeps the others, and
     * is refused without partition_by before anything runs; an engine without it refuses the model.
     */
    @Test
    public void insertOverwriteReplacesOnlyThePartitionsOfTheNewRows() throws IOException {
        Path project = project("schema_change");
        Files.writeString(project.resolve("models/overwritten.sql"), """
                {{ config(materialized='incremental', incremental_strategy='insert_overwrite', partition_by=['day']) }}
                {%- set i = dbt.type_int() -%}{%- set s = dbt.type_string() %}
                {%- if var('phase', 1) | int == 1 %}
                select cast(1 as {{ i }}) as id, cast('a' as {{ s }}) as label, cast(1 as {{ i }}) as day
                union all select cast(2 as {{ i }}), cast('b' as {{ s }}), cast(1 as {{ i }})
                union all select cast(3 as {{ i }}), cast('c' as {{ s }}), cast(2 as {{ i }})
                {%- else %}
                select cast(4 as {{ i }}) as id, cast('x' as {{ s }}) as label, cast(1 as {{ i }}) as day
                union all select cast(5 as {{ i }}), cast('y' as {{ s }}), cast(3 as {{ i }})
                {%- endif %}
                """);
        try (Workspace workspace = load(project, "{phase: 1}", Map.of())) {
            if (!workspace.capabilities().incrementalStrategies().contains("insert_overwrite")) {
                // refused before any SQL runs, as a project error (exit code 2), naming the engine
                assertThatThrownBy(() -> run(workspace, Command.RUN, "overwritten"))
                        .isInstanceOfSatisfying(SmeltException.class, e -> assertThat(e.first().kind()).isEqualTo(ErrorKind.PROJECT))
                        .hasMessageContaining("incremental_strategy 'insert_overwrite' is not supported by the "
                                + workspace.adapterType() + " engine");
                assertThat(kind(workspace, database(workspace, "overwritten"), schema(), "overwritten")).isEmpty();
                return;
            }
            assertSucceeded(run(workspace, Command.RUN, "overwritten"));
        }
        try (Workspace workspace = load(project, "{phase: 2}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN, "overwritten"));
            // day 1 is replaced by its new row, day 2 is kept, day 3 is added
            assertThat(rows(workspace, "select id, label, day from " + relation(workspace, "overwritten") + " order by id"))
                    .containsExactly("3|c|2", "4|x|1", "5|y|3");
        }
    }

    @Test
    public void aUniqueKeyTheModelDoesNotSelectFailsAndLeavesTheTable() throws IOException {
        Path project = project("schema_change");
        Files.writeString(project.resolve("models/keyed.sql"),
                "{{ config(materialized='incremental', unique_key=var('key', 'id')) }}\n{{ schema_change_rows('add') }}\n");
        try (Workspace workspace = load(project, "{phase: 1}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN));
        }
        try (Workspace workspace = load(project, "{phase: 2, key: ident}", Map.of())) {
            NodeResult result = result(run(workspace, Command.RUN), "keyed");
            assertThat(result.status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result.message().toLowerCase(java.util.Locale.ROOT))
                    .contains("unique_key column 'ident' is not among the model's columns (id, label, legacy, amount, note)");
            assertThat(rows(workspace, "select * from " + relation(workspace, "keyed") + " order by 1"))
                    .containsExactly("1|one|l1|10", "2|two|l2|20");
        }
    }

    /**
     * Every incremental strategy of the engine with every on_schema_change mode, on two changes of a
     * model's columns (the schema_change fixture): a column added, and a column dropped while another
     * is widened from int to bigint with values that need it. A mode that must stop leaves the table
     * exactly as it was; the others leave the rows and columns dbt's semantics give.
     */
    @Test
    public void onSchemaChangeForEveryStrategyAndMode() throws IOException {
        Path project = project("schema_change");
        List<String> models = new ArrayList<>();
        try (Workspace workspace = load(project)) {
            for (String strategy : workspace.capabilities().incrementalStrategies()) {
                if (strategy.equals("microbatch")) {
                    // batches replace event-time windows, not keys: BaseMicrobatchTest covers it
                    continue;
                }
                for (String mode : List.of("ignore", "fail", "append_new_columns", "sync_all_columns")) {
                    for (String scenario : List.of("add", "drop_widen")) {
                        String name = "osc_" + strategy.replace('+', '_') + "_" + mode + "_" + scenario;
                        StringBuilder config = new StringBuilder("materialized='incremental', incremental_strategy='" + strategy
                                + "', on_schema_change='" + mode + "'");
                        if (!strategy.equals("append")) {
                            config.append(", unique_key='id'");
                        }
                        if (strategy.equals("insert_overwrite")) {
                            config.append(", partition_by=['id']");
                        }
                        Files.writeString(project.resolve("models/" + name + ".sql"),
                                "{{ config(" + config + ") }}\n{{ schema_change_rows('" + scenario + "') }}\n");
                        models.add(name);
                    }
                }
            }
        }
        try (Workspace workspace = load(project, "{phase: 1}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN));
        }
        try (Workspace workspace = load(project, "{phase: 2}", Map.of())) {
            RunSummary summary = run(workspace, Command.RUN);
            List<String> problems = new ArrayList<>();
            for (String model : models) {
                boolean append = model.startsWith("osc_append_");
                String mode = model.contains("_ignore_") ? "ignore" : model.contains("_fail_") ? "fail"
                        : model.contains("_append_new_columns_") ? "append_new_columns" : "sync_all_columns";
                boolean add = model.endsWith("_add");
                NodeResult result = result(summary, model);
                List<String> rows = rows(workspace, "select * from " + relation(workspace, model) + " order by 1, 2");
                List<String> unchanged = List.of("1|one|l1|10", "2|two|l2|20");
                List<String> expected;
                String error = null;
                if (mode.equals("fail") || (mode.equals("ignore") && !add)) {
                    error = add ? "added: note" : "removed: legacy";
                    expected = unchanged;
                }
                else if (add && mode.equals("ignore")) {
                    expected = append ? List.of("1|one|l1|10", "2|two|l2|20", "2|two v2|l2 v2|21", "3|three|l3|31")
                            : List.of("1|one|l1|10", "2|two v2|l2 v2|21", "3|three|l3|31");
                }
                else if (add) {
                    expected = append ? List.of("1|one|l1|10|", "2|two|l2|20|", "2|two v2|l2 v2|21|n2", "3|three|l3|31|n3")
                            : List.of("1|one|l1|10|", "2|two v2|l2 v2|21|n2", "3|three|l3|31|n3");
                }
                else if (mode.equals("append_new_columns")) {
                    // the table keeps amount as an int, which cannot hold the new values: the write fails whole
                    error = "";
                    expected = unchanged;
                }
                else {
                    expected = append ? List.of("1|one|10", "2|two|20", "2|two v2|3000000000", "3|three|3000000001")
                            : List.of("1|one|10", "2|two v2|3000000000", "3|three|3000000001");
                }
                NodeStatus status = result.status();
                if (error == null && status != NodeStatus.SUCCESS) {
                    problems.add(model + ": expected success, got " + status + ": " + result.message());
                }
                if (error != null && (status != NodeStatus.ERROR || !result.message().contains(error))) {
                    problems.add(model + ": expected an error mentioning '" + error + "', got " + status + ": " + result.message());
                }
                if (!rows.equals(expected)) {
                    problems.add(model + ": expected rows " + expected + ", got " + rows);
                }
            }
            assertThat(problems).as("on_schema_change results").isEmpty();
        }
    }
}
