package io.smelt.adapter.spark;

import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.adapter.testing.BaseProjectTest;
import io.smelt.adapter.testing.TestingProjects;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the Spark macros and the compiler's steps do on a real Spark + Delta server: partitioning,
 * ZORDER, table properties and history, insert_overwrite, merge_update_columns, location_root, and a
 * parquet table that is swapped in only once it is built.
 */
class TestSparkMaterializations extends BaseProjectTest {
    @Override
    protected Path project(String name) {
        return TestingProjects.copy("adapters/spark/src/test/resources/projects/" + name, tempDir, SparkTestEngine.fields(schema()));
    }

    @Test
    void deltaTableIsPartitionedZorderedAndKeepsItsHistory() {
        Path project = project("spark_features");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.RUN, "partitioned"));
        }
        try (Workspace workspace = load(project, "{round: 2}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN, "partitioned"));
            String table = relation(workspace, "partitioned");
            assertThat(rows(workspace, "select id, day, round from " + table + " order by id"))
                    .containsExactly("1|2024-03-01|2", "2|2024-03-01|2", "3|2024-03-02|2");
            assertThat(column(workspace, "describe detail " + table, "partitionColumns")).containsExactly("[\"day\"]");
            assertThat(rows(workspace, "show tblproperties " + table + " ('smelt.test')")).containsExactly("smelt.test|yes");
            // each build is one CREATE OR REPLACE and one OPTIMIZE ... ZORDER BY: history keeps both builds
            List<String> history = column(workspace, "describe history " + table, "operation");
            assertThat(history).containsExactly("OPTIMIZE", "CREATE OR REPLACE TABLE AS SELECT", "OPTIMIZE", "CREATE OR REPLACE TABLE AS SELECT");
            assertThat(column(workspace, "describe history " + table, "operationParameters").get(0)).contains("zOrderBy", "id");
            assertThat(rows(workspace, "select distinct round from " + table + " version as of 0")).containsExactly("1");
        }
    }

    @Test
    void insertOverwriteReplacesOnlyThePartitionsOfTheNewRows() {
        try (Workspace workspace = load(project("spark_features"))) {
            assertSucceeded(run(workspace, Command.RUN, "overwrite"));
            assertSucceeded(run(workspace, Command.RUN, "overwrite"));
            assertThat(rows(workspace, "select day, id, val from " + relation(workspace, "overwrite") + " order by day, id"))
                    .containsExactly("1|1|a", "2|3|c", "3|4|d");
        }
    }

    @Test
    void insertOverwriteWithoutPartitionByIsRefusedBeforeAnythingRuns() {
        try (Workspace workspace = load(project("spark_features"))) {
            assertThatThrownBy(() -> run(workspace, Command.RUN, "overwrite_unpartitioned", "merged"))
                    .isInstanceOf(SmeltException.class)
                    .hasMessageContaining("models/overwrite_unpartitioned.sql")
                    .hasMessageContaining("incremental_strategy 'insert_overwrite' needs partition_by");
            assertThat(identifiers(workspace)).doesNotContain("overwrite_unpartitioned", "merged");
        }
    }

    @Test
    void mergeUpdatesOnlyTheMergeUpdateColumns() {
        try (Workspace workspace = load(project("spark_features"))) {
            assertSucceeded(run(workspace, Command.RUN, "merged"));
            assertSucceeded(run(workspace, Command.RUN, "merged"));
            assertThat(rows(workspace, "select id, val, note from " + relation(workspace, "merged") + " order by id"))
                    .containsExactly("1|old|x", "2|new|x", "3|new|y");
            // cluster_by: each write is followed by OPTIMIZE ... ZORDER BY
            String table = relation(workspace, "merged");
            assertThat(column(workspace, "describe history " + table, "operation").subList(0, 2)).containsExactly("OPTIMIZE", "MERGE");
            assertThat(column(workspace, "describe history " + table, "operationParameters").get(0)).contains("zOrderBy", "id");
        }
    }

    @Test
    void locationRootPlacesTheTable() {
        Path root = tempDir.resolve("lake");
        try (Workspace workspace = load(project("spark_features"), "{location_root: '" + root.toUri() + "'}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN, "located"));
            assertThat(column(workspace, "describe detail " + relation(workspace, "located"), "location"))
                    .singleElement().asString().endsWith("/lake/located");
            assertThat(root.resolve("located/_delta_log")).isDirectory();
        }
    }

    @Test
    void aParquetTableIsReplacedOnlyOnceTheNewOneIsBuilt() {
        Path project = project("spark_features");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.RUN, "parquet_table"));
            assertThat(column(workspace, "describe detail " + relation(workspace, "parquet_table"), "format"))
                    .containsExactly("parquet");
            assertThat(rows(workspace, "describe table extended " + relation(workspace, "parquet_table")))
                    .contains("Num Buckets|2|", "Bucket Columns|[`id`]|", "Table Properties|[smelt.test=parquet]|");
        }
        try (Workspace workspace = load(project, "{round: 2, broken: true}", Map.of())) {
            workspace.withSqlCheck(false);   // the engine, not the SQL check, is to refuse the model
            RunSummary broken = run(workspace, Command.RUN, "parquet_table");
            assertThat(result(broken, "parquet_table").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(rows(workspace, "select distinct round from " + relation(workspace, "parquet_table"))).containsExactly("1");
        }
        try (Workspace workspace = load(project, "{round: 2}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN, "parquet_table"));
            assertThat(rows(workspace, "select id, round from " + relation(workspace, "parquet_table") + " order by id"))
                    .containsExactly("1|2", "2|2");
            assertThat(identifiers(workspace)).containsExactly("parquet_table");
        }
    }

    private List<String> identifiers(Workspace workspace) {
        List<String> found = new ArrayList<>();
        try (Session session = workspace.openSession()) {
            for (Relation relation : session.listRelations(null, schema())) {
                found.add(relation.identifier());
            }
        }
        return found;
    }
}
