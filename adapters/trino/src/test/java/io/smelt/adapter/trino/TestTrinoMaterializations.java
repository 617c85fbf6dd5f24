package io.smelt.adapter.trino;

import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.adapter.testing.BaseProjectTest;
import io.smelt.adapter.testing.TestingProjects;
import io.smelt.adapter.testing.TestingTrinoServer;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Trino macros and the compiler's steps do together on a real server: Iceberg properties
 * and partition_by, view_security, on_table_exists, delete+insert as one MERGE, the cross-database
 * macros, and what a model that fails at run time leaves behind, on Iceberg and on the memory
 * connector (no CREATE OR REPLACE, so tables are swapped in with renames).
 */
class TestTrinoMaterializations extends BaseProjectTest {
    @Override
    protected Path project(String name) {
        return copy(name, TrinoTestEngine.fields(schema()));
    }

    @Test
    void icebergPropertiesAndPartitionBy() {
        try (Workspace workspace = load(project("trino_features"))) {
            assertSucceeded(run(workspace, Command.RUN, "partitioned", "identity_partitioned"));
            assertThat(showCreate(workspace, "TABLE", "partitioned"))
                    .contains("format = 'ORC'", "partitioning = ARRAY['month(d)']", "sorted_by = ARRAY['id ASC NULLS FIRST']");
            assertThat(showCreate(workspace, "TABLE", "identity_partitioned")).contains("format = 'PARQUET'", "partitioning = ARRAY['k']");
            // a second build replaces the table with the same properties
            assertSucceeded(run(workspace, Command.RUN, "partitioned"));
            assertThat(showCreate(workspace, "TABLE", "partitioned")).contains("partitioning = ARRAY['month(d)']");
            // sorted_by, on an incremental model: the table keeps it through an incremental run
            assertSucceeded(run(workspace, Command.RUN, "sorted"));
            assertSucceeded(run(workspace, Command.RUN, "sorted"));
            assertThat(showCreate(workspace, "TABLE", "sorted"))
                    .contains("partitioning = ARRAY['k']", "sorted_by = ARRAY['id ASC NULLS FIRST','v DESC NULLS LAST']");
        }
    }

    @Test
    void viewSecurity() {
        try (Workspace workspace = load(project("trino_features"))) {
            assertSucceeded(run(workspace, Command.RUN, "invoker_view"));
            assertThat(showCreate(workspace, "VIEW", "invoker_view")).contains("SECURITY INVOKER");
            assertThat(scalar(workspace, "select x from " + relation(workspace, "invoker_view"))).isEqualTo(1L);
        }
    }

    @Test
    void aModelThatFailsAtRunTimeKeepsThePreviousTableInEveryReplaceMode() {
        Path project = project("trino_features");
        List<String> models = List.of("replaced", "renamed");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.RUN, "replaced", "renamed", "dropped"));
        }
        try (Workspace workspace = load(project, "{round: 2, broken: true}", Map.of())) {
            workspace.withSqlCheck(false);   // the engine, not the SQL check, is to refuse the model
            RunSummary broken = run(workspace, Command.RUN, "replaced", "renamed");
            for (String model : models) {
                assertThat(result(broken, model).status()).isEqualTo(NodeStatus.ERROR);
                assertThat(result(broken, model).message()).contains("Column 'no_such_column' cannot be resolved");
                assertThat(scalar(workspace, "select round from " + relation(workspace, model))).as(model).isEqualTo(1L);
            }
            assertThat(leftovers(workspace)).isEmpty();
        }
        try (Workspace workspace = load(project, "{round: 2}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN, "replaced", "renamed", "dropped"));
            for (String model : List.of("replaced", "renamed", "dropped")) {
                assertThat(rows(workspace, "select round from " + relation(workspace, model))).as(model).containsExactly("2");
            }
            assertThat(leftovers(workspace)).isEmpty();
        }
    }

    @Test
    void deleteInsertIsOneMergeThatLeavesTheTableWholeWhenItFails() {
        Path project = project("trino_features");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.RUN, "inc_delete_insert"));
            assertSucceeded(run(workspace, Command.RUN, "inc_delete_insert"));
            assertThat(rows(workspace, "select id, val from " + relation(workspace, "inc_delete_insert") + " order by id, val"))
                    .containsExactly("1|old", "2|new", "2|new again", "3|new");
        }
        // the new rows delete key 2, then one of them does not fit the integer column; DELETE then
        // INSERT would leave key 2 deleted, the single MERGE changes nothing
        try (Workspace workspace = load(project, "{broken: true}", Map.of())) {
            RunSummary broken = run(workspace, Command.RUN, "inc_delete_insert");
            assertThat(result(broken, "inc_delete_insert").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result(broken, "inc_delete_insert").message()).contains("Out of range for integer: 3000000000");
            assertThat(rows(workspace, "select id, val from " + relation(workspace, "inc_delete_insert") + " order by id, val"))
                    .containsExactly("1|old", "2|new", "2|new again", "3|new");
            assertThat(Files.readString(project.resolve("target/run/trino_features/models/inc_delete_insert.sql")))
                    .containsIgnoringCase("merge into").doesNotContainIgnoringCase("delete from");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void crossDatabaseMacros() {
        try (Workspace workspace = load(project("trino_features"))) {
            assertSucceeded(run(workspace, Command.RUN, "cross_db", "cross_db_aggregates"));
            assertThat(rows(workspace, "select added, days_between, years_between, hashed, not_a_number, second_part, last_part,"
                    + " right_two, typed_string, typed_numeric, bool_text, has_now from " + relation(workspace, "cross_db")))
                    .containsExactly("2024-03-01|1|1|900150983cd24fb0d6963f7d28e17f72||b|c|ef|x|1.5|true|true");
            assertThat(rows(workspace, "select listed, listed_two, has_any, any_above_two from " + relation(workspace, "cross_db_aggregates")))
                    .containsExactly("1-2-3|3-2|true|true");
        }
    }

    @Test
    void onTheMemoryConnectorTablesAreSwappedInWithRenames() {
        Map<String, Object> fields = TrinoTestEngine.fields(schema());
        fields.put("catalog", TestingTrinoServer.shared().memoryCatalog());
        Path project = copy("trino_features", fields);
        String[] models = {"replaced", "renamed", "invoker_view", "tiny_seed", "cross_db"};
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD, models));
            assertSucceeded(run(workspace, Command.BUILD, models));
            assertThat(count(workspace, "tiny_seed")).isEqualTo(2);
            assertThat(Files.readString(project.resolve("target/run/trino_features/models/replaced.sql")))
                    .contains("__dbt_tmp").doesNotContainIgnoringCase("create or replace");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Workspace workspace = load(project, "{round: 2, broken: true}", Map.of())) {
            workspace.withSqlCheck(false);   // the engine, not the SQL check, is to refuse the model
            RunSummary broken = run(workspace, Command.RUN, "replaced");
            assertThat(result(broken, "replaced").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(scalar(workspace, "select round from " + relation(workspace, "replaced"))).isEqualTo(1L);
            assertThat(leftovers(workspace)).isEmpty();
        }
        try (Workspace workspace = load(project, "{round: 2}", Map.of())) {
            assertSucceeded(run(workspace, Command.RUN, "replaced"));
            assertThat(scalar(workspace, "select round from " + relation(workspace, "replaced"))).isEqualTo(2L);
        }
        finally {
            try (io.smelt.adapter.Adapter adapter = new TrinoAdapterFactory().create(TestTrinoAdapter.target(tempDir, fields));
                    Session session = adapter.openSession()) {
                session.execute("DROP SCHEMA IF EXISTS memory." + schema() + " CASCADE");
            }
        }
    }

    private String showCreate(Workspace workspace, String kind, String model) {
        return String.valueOf(scalar(workspace, "SHOW CREATE " + kind + " " + relation(workspace, model)));
    }

    /** Relations a replace left behind under a temporary or backup name. */
    private List<String> leftovers(Workspace workspace) {
        List<String> found = new ArrayList<>();
        try (Session session = workspace.openSession()) {
            String database = workspace.manifest().nodes().get("model.trino_features.replaced").database();
            for (Relation relation : session.listRelations(database, schema())) {
                if (relation.identifier().contains("__dbt_")) {
                    found.add(relation.identifier());
                }
            }
        }
        return found;
    }

    /** Copies a fixture of this module's test resources and writes its profiles.yml. */
    private Path copy(String name, Map<String, Object> fields) {
        return TestingProjects.copy("adapters/trino/src/test/resources/projects/" + name, tempDir.resolve(String.valueOf(fields.get("catalog"))), fields);
    }
}
